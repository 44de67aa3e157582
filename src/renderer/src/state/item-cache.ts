// The items kept in the page: loaded when opened, fetched ahead for the rows in view, checked in the
// background when shown from the cache, and replaced by the version a save or restore produced.
import type { Item, ItemSummary } from '../../../shared/domain';
import { invoke } from '../api-client';
import { useApp } from './app-state';
import { warmComparison } from './comparisons';
import { messageOf } from './error-message';
import { shownEditionArg } from './plan-selectors';

const get = useApp.getState;
const set = useApp.setState;

/** A cached item is shown at once and checked in the background: a newer version replaces it. */
function revalidate(key: string): void {
  invoke('items.get', { key, ...shownEditionArg() }).then(
    (fresh) => {
      const { itemCache, draft } = get();
      const cached = itemCache[key];
      if (cached && cached.version !== fresh.version && draft?.key !== key) replaceItem(fresh);
    },
    () => undefined,
  );
}

/** Make the item available in the cache (or say why it cannot be read). */
export async function loadItem(key: string): Promise<void> {
  if (get().itemCache[key]) {
    revalidate(key);
    return;
  }
  set({ itemLoad: { key, status: 'loading' } });
  try {
    const item = await invoke('items.get', { key, ...shownEditionArg() });
    storeItems([item]);
    set((s) => ({ itemLoad: s.itemLoad?.key === key ? null : s.itemLoad }));
  } catch (err) {
    set((s) => (s.itemLoad?.key === key ? { itemLoad: { key, status: 'error', message: messageOf(err) } } : {}));
  }
}

/** Read an item afresh, dropping its cached copy and any draft of it. */
export function reloadItem(key: string): void {
  set((s) => {
    const itemCache = { ...s.itemCache };
    delete itemCache[key];
    return { itemCache, draft: s.draft?.key === key ? null : s.draft, saveError: null };
  });
  void loadItem(key);
}

const inFlight = new Set<string>();
/** Items kept in the page; beyond this the least recently stored are dropped (never the open one). */
const CACHE_LIMIT = 600;

function storeItems(fetched: readonly Item[]): void {
  set((s) => {
    const itemCache = { ...s.itemCache };
    for (const item of fetched) if (!itemCache[item.key]) itemCache[item.key] = item;
    const keys = Object.keys(itemCache);
    for (const key of keys.slice(0, Math.max(0, keys.length - CACHE_LIMIT))) {
      if (key !== s.selectedKey && key !== s.draft?.key) delete itemCache[key];
    }
    return { itemCache };
  });
  for (const item of fetched) warmComparison(item);
}

/**
 * Warm the cache for items the user is likely to open next (the active row, the rows in view), so
 * that opening one costs no round trip. Failures are ignored: opening the item will say what is wrong.
 */
export function prefetchItems(keys: readonly string[]): void {
  // items.getMany reads the current edition only: an archived one is read item by item when opened.
  if (get().archivedEdition !== null) return;
  const { itemCache } = get();
  const wanted = keys.filter((k) => !itemCache[k] && !inFlight.has(k));
  for (let i = 0; i < wanted.length; i += 100) {
    const chunk = wanted.slice(i, i + 100);
    for (const k of chunk) inFlight.add(k);
    invoke('items.getMany', { keys: chunk }).then(
      (items) => {
        for (const k of chunk) inFlight.delete(k);
        storeItems(items);
      },
      () => {
        for (const k of chunk) inFlight.delete(k);
      },
    );
  }
}

export function prefetchItem(key: string): void {
  if (get().itemLoad?.key !== key) prefetchItems([key]);
}

/** A newer version of an item (saved, restored, changed elsewhere): the cache and the list row follow. */
export function replaceItem(item: Item): void {
  set((s) => ({
    itemCache: { ...s.itemCache, [item.key]: item },
    items: s.items.map((it) => (it.key === item.key ? summaryOf(item) : it)),
  }));
}

function summaryOf(item: Item): ItemSummary {
  const { actions: _actions, future: _future, version: _v, updatedAt: _u, ...summary } = item;
  return summary;
}
