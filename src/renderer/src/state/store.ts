// App state (zustand): the loaded plan, filters, search, the open item and its edit draft, and the
// two questions the app may have to ask (discard unsaved edits? who is editing?).
// Components subscribe to the slices they show, so a keystroke in the search box re-renders the
// search box, not the whole page.
import { create } from 'zustand';
import type { PlanOverview, SearchHit } from '../../../shared/api';
import type { Bullet, Item, ItemField, ItemSummary, Section } from '../../../shared/domain';
import { ApiError, invoke } from '../api-client';
import { NO_FILTERS, recallListState, rememberListState, type FilterKey, type Filters } from './filters';
import { cleanBullets } from '../../../shared/bullet-edit';
import { draftFromItem, changedFields, type Draft } from './draft';
import { takeFocusRequest } from './focus-requests';
import { warmComparison } from './comparisons';

/** Why the last save failed; the draft stays on screen either way. */
export interface SaveError {
  message: string;
  /** Another program held the database: the same save can simply be tried again. */
  retry: boolean;
}

export type View =
  | 'item'
  | 'boilerplate'
  | 'projects'
  | 'imports'
  | 'annotations'
  | 'pack'
  | 'dashboard'
  | 'quality-help'
  | 'graph'
  | 'editions'
  | 'changes';
export type ItemTab = 'compare' | 'history' | 'followup';

export interface BulletTarget {
  field: 'actions' | 'future';
  ord: number;
}

type Load<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export interface SearchState {
  /** The query the hits answer (the box may already hold a newer one). */
  query: string;
  hits: SearchHit[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  /** 「もしかして」: the index word closest to a query that found nothing. */
  suggestion?: string | null;
}

export const SEARCH_LIMIT = 200;

interface AppState {
  boot: Load<true>;
  overview: PlanOverview | null;
  items: ItemSummary[];
  author: string;

  filters: Filters;
  /** Outline sections whose intro bullets are shown. */
  expandedIntros: string[];
  /** What the search box holds. */
  searchInput: string;
  search: SearchState;
  /** Search every edition held, not only the one shown. */
  searchAllEditions: boolean;
  /** An archived edition shown read-only instead of the current one (null: the current edition). */
  archivedEdition: number | null;

  view: View;
  itemTab: ItemTab;
  selectedKey: string | null;
  /** A bullet to scroll to and mark once the item is shown (from a search hit). */
  target: BulletTarget | null;
  /** Bumps when the item view should take the focus (Enter in the list). */
  focusItemNonce: number;
  /** Bumps when the list should take the focus (Esc in the item view). */
  focusListNonce: number;
  itemCache: Record<string, Item>;
  itemLoad: { key: string; status: 'loading' | 'error'; message?: string } | null;

  draft: Draft | null;
  saving: boolean;
  saveError: SaveError | null;

  /** A navigation waiting for "discard unsaved edits?". */
  pendingNavigation: (() => void) | null;
  /** A waiting "who are you?" question. */
  authorPrompt: { resolve: (name: string | null) => void } | null;
}

const initial: AppState = {
  boot: { status: 'idle' },
  overview: null,
  items: [],
  author: '',
  filters: NO_FILTERS,
  expandedIntros: [],
  searchInput: '',
  search: { query: '', hits: [], status: 'idle' },
  searchAllEditions: false,
  archivedEdition: null,
  view: 'item',
  itemTab: 'compare',
  selectedKey: null,
  target: null,
  focusItemNonce: 0,
  focusListNonce: 0,
  itemCache: {},
  itemLoad: null,
  draft: null,
  saving: false,
  saveError: null,
  pendingNavigation: null,
  authorPrompt: null,
};

export const useApp = create<AppState>()(() => initial);

const NO_SECTIONS: Section[] = [];
/** The outline sections (a stable empty list before the plan is loaded). */
export const selectSections = (s: AppState): Section[] => s.overview?.sections ?? NO_SECTIONS;
/** The current edition's fiscal year (N of 令和N), which names the actions field everywhere. */
export const selectFiscalYear = (s: AppState): number | null => s.overview?.edition?.fiscalYear ?? null;
export const useFiscalYear = (): number | null => useApp(selectFiscalYear);
/** The fiscal year of the edition on screen: an archived one being viewed, else the current one. */
export const selectShownFiscalYear = (s: AppState): number | null => s.archivedEdition ?? selectFiscalYear(s);
export const useShownFiscalYear = (): number | null => useApp(selectShownFiscalYear);
/** The edition argument of item reads: only for an archived edition (the current one is the default). */
const editionArg = (): { edition?: number } => {
  const edition = get().archivedEdition;
  return edition === null ? {} : { edition };
};

const get = useApp.getState;
const set = useApp.setState;

export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return 'サーバーに接続できません。アプリが起動しているか確認してください。';
  return `予期しないエラーが発生しました: ${(err as Error)?.message ?? String(err)}`;
}

// ---------------------------------------------------------------- start

export async function boot(): Promise<void> {
  set({ boot: { status: 'loading' } });
  try {
    const [overview, items, prefs] = await Promise.all([invoke('plan.overview', {}), invoke('items.list', {}), invoke('prefs.get', {})]);
    // The filters and search of before a reload come back with the page.
    const recalled = recallListState();
    set({
      boot: { status: 'ready', value: true },
      overview,
      items,
      author: prefs.author,
      filters: recalled.filters,
      searchInput: recalled.query,
    });
    if (recalled.query) void runSearch(recalled.query);
  } catch (err) {
    set({ boot: { status: 'error', message: messageOf(err) } });
  }
}

/**
 * Read the plan again after something outside the page changed it (an import applied, a backup
 * restored): the overview and item list are replaced and cached items dropped, except an item being
 * edited (its draft is kept; saving it is then checked against the new version as usual).
 */
export async function reloadPlanData(): Promise<void> {
  const [overview, items] = await Promise.all([invoke('plan.overview', {}), invoke('items.list', editionArg())]);
  set((s) => {
    const kept = s.draft ? s.itemCache[s.draft.key] : undefined;
    return { overview, items, itemCache: kept ? { [kept.key]: kept } : {}, itemLoad: null };
  });
  const { selectedKey, draft } = get();
  if (selectedKey && draft?.key !== selectedKey) void loadItem(selectedKey);
}

// ---------------------------------------------------------------- unsaved edits guard

export function hasUnsavedEdits(): boolean {
  const { draft, itemCache } = get();
  if (!draft) return false;
  const item = itemCache[draft.key];
  return item ? changedFields(draft, item).length > 0 : false;
}

/** Run a navigation now, or after the user agrees to drop unsaved edits. */
export function guardNavigation(go: () => void): void {
  if (!hasUnsavedEdits()) {
    if (get().draft) set({ draft: null, saveError: null });
    go();
    return;
  }
  set({ pendingNavigation: go });
}

export function resolvePendingNavigation(discard: boolean): void {
  const go = get().pendingNavigation;
  set({ pendingNavigation: null });
  if (discard && go) {
    set({ draft: null, saveError: null });
    go();
  }
}

// ---------------------------------------------------------------- navigation

export function setView(view: View): void {
  if (get().view === view) return;
  guardNavigation(() => set({ view }));
}

export function setItemTab(itemTab: ItemTab): void {
  if (get().itemTab === itemTab) return;
  guardNavigation(() => set({ itemTab }));
}

let editionSeq = 0;

/**
 * Show an archived edition read-only, or (null, or the current year) the current edition again: its
 * items replace the list, cached items are dropped, and the open item stays open if the edition has
 * it (or `open` is opened). Resolves once the list is shown; rejects with the API's message.
 */
export function showEdition(fiscalYear: number | null, open?: string): Promise<void> {
  const target = fiscalYear === selectFiscalYear(get()) ? null : fiscalYear;
  return new Promise((resolve, reject) => {
    guardNavigation(() => {
      switchEdition(target, open).then(resolve, reject);
    });
  });
}

async function switchEdition(target: number | null, open: string | undefined): Promise<void> {
  const seq = ++editionSeq;
  const items = await invoke('items.list', target === null ? {} : { edition: target });
  if (seq !== editionSeq) return;
  set((s) => {
    const keep = open ?? (s.selectedKey && items.some((it) => it.key === s.selectedKey) ? s.selectedKey : null);
    return {
      archivedEdition: target,
      items,
      itemCache: {},
      itemLoad: null,
      draft: null,
      saveError: null,
      selectedKey: keep,
      target: null,
      view: 'item',
      itemTab: target === null ? s.itemTab : 'compare',
      filters: { ...s.filters, keys: null },
    };
  });
  const { selectedKey, searchInput } = get();
  if (selectedKey) void loadItem(selectedKey);
  if (searchInput.trim()) void runSearch(searchInput);
}

/** A cached item is shown at once and checked in the background: a newer version replaces it. */
function revalidate(key: string): void {
  invoke('items.get', { key, ...editionArg() }).then(
    (fresh) => {
      const { itemCache, draft } = get();
      const cached = itemCache[key];
      if (cached && cached.version !== fresh.version && draft?.key !== key) replaceItem(fresh);
    },
    () => undefined,
  );
}

async function loadItem(key: string): Promise<void> {
  if (get().itemCache[key]) {
    revalidate(key);
    return;
  }
  set({ itemLoad: { key, status: 'loading' } });
  try {
    const item = await invoke('items.get', { key, ...editionArg() });
    storeItems([item]);
    set((s) => ({ itemLoad: s.itemLoad?.key === key ? null : s.itemLoad }));
  } catch (err) {
    set((s) => (s.itemLoad?.key === key ? { itemLoad: { key, status: 'error', message: messageOf(err) } } : {}));
  }
}

/** Open an item in the item view (optionally marking one bullet), keeping the focus where it is unless asked. */
export function openItem(key: string, options: { target?: BulletTarget | null; focus?: boolean } = {}): void {
  const go = () => {
    set((s) => ({
      view: 'item',
      selectedKey: key,
      target: options.target ?? null,
      focusItemNonce: options.focus ? s.focusItemNonce + 1 : s.focusItemNonce,
    }));
    void loadItem(key);
  };
  const { draft } = get();
  if (draft && draft.key === key) {
    set((s) => ({ view: 'item', target: options.target ?? null, focusItemNonce: options.focus ? s.focusItemNonce + 1 : s.focusItemNonce }));
    return;
  }
  guardNavigation(go);
}

export function reloadItem(key: string): void {
  set((s) => {
    const itemCache = { ...s.itemCache };
    delete itemCache[key];
    return { itemCache, draft: s.draft?.key === key ? null : s.draft, saveError: null };
  });
  void loadItem(key);
}

/** The user moved on in the list before the opened item arrived: it must not pull the focus away. */
export function dropItemFocusRequest(): void {
  takeFocusRequest('item', get().focusItemNonce);
}

export function focusList(): void {
  set((s) => ({ focusListNonce: s.focusListNonce + 1 }));
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

// ---------------------------------------------------------------- filters

export function setFilter<K extends FilterKey>(key: K, value: Filters[K]): void {
  set((s) => ({ filters: { ...s.filters, [key]: value } }));
}

export function clearFilter(key: FilterKey): void {
  setFilter(key, NO_FILTERS[key]);
}

export function clearFilters(): void {
  set({ filters: NO_FILTERS });
}

/** Show exactly these filters (a dashboard figure's): the list then holds the items it counts. */
export function replaceFilters(filters: Filters): void {
  set({ filters });
}

export function toggleIntro(id: string): void {
  set((s) => ({
    expandedIntros: s.expandedIntros.includes(id) ? s.expandedIntros.filter((x) => x !== id) : [...s.expandedIntros, id],
  }));
}

/** Show one outline section's items (from a section search hit), with its intro open if asked. */
export function openSection(id: string, showIntro: boolean): void {
  clearSearch();
  set((s) => ({
    filters: { ...s.filters, section: id },
    expandedIntros: showIntro && !s.expandedIntros.includes(id) ? [...s.expandedIntros, id] : s.expandedIntros,
  }));
}

// ---------------------------------------------------------------- search

let searchSeq = 0;

export function setSearchInput(value: string): void {
  set({ searchInput: value });
}

/** Ask the API for the hits of a query; an answer that arrives after a newer query is dropped. */
export async function runSearch(query: string): Promise<void> {
  const seq = ++searchSeq;
  const q = query.trim();
  if (!q) {
    set({ search: { query: '', hits: [], status: 'idle' } });
    return;
  }
  // Say "searching" only when the answer is slow: one render less per keystroke pause.
  const slow = window.setTimeout(() => seq === searchSeq && set((s) => ({ search: { ...s.search, status: 'loading' } })), 150);
  try {
    const { searchAllEditions } = get();
    const hits = await invoke('search', { query: q, limit: SEARCH_LIMIT, ...(searchAllEditions ? { allEditions: true } : editionArg()) });
    const { suggestion } = hits.length === 0 ? await invoke('search.suggest', { query: q }) : { suggestion: null };
    if (seq === searchSeq) set({ search: { query: q, hits, status: 'ready', suggestion } });
  } catch (err) {
    if (seq === searchSeq) set({ search: { query: q, hits: [], status: 'error', error: messageOf(err) } });
  } finally {
    window.clearTimeout(slow);
  }
}

useApp.subscribe((s, prev) => {
  // The box as typed, not the last answered query: a reload right after a key keeps that key.
  if (s.boot.status === 'ready' && (s.filters !== prev.filters || s.searchInput !== prev.searchInput))
    rememberListState(s.filters, s.searchInput);
});

export function setSearchAllEditions(on: boolean): void {
  set({ searchAllEditions: on });
  const { searchInput } = get();
  if (searchInput.trim()) void runSearch(searchInput);
}

export function clearSearch(): void {
  searchSeq += 1;
  set({ searchInput: '', search: { query: '', hits: [], status: 'idle' } });
}

// ---------------------------------------------------------------- author

export function askAuthor(): Promise<string | null> {
  return new Promise((resolve) => set({ authorPrompt: { resolve } }));
}

export async function answerAuthor(name: string | null): Promise<void> {
  const prompt = get().authorPrompt;
  set({ authorPrompt: null });
  if (name) {
    try {
      const prefs = await invoke('prefs.set', { author: name });
      set({ author: prefs.author });
    } catch {
      set({ author: name });
    }
  }
  prompt?.resolve(name);
}

/** The author for the next revision: the saved one, or asked now (null when the user cancels). */
export async function ensureAuthor(): Promise<string | null> {
  return get().author || (await askAuthor());
}

// ---------------------------------------------------------------- editing

export function startEditing(key: string): void {
  const item = get().itemCache[key];
  // An archived edition is as it was published: it is read, never edited.
  if (!item || get().archivedEdition !== null) return;
  set({ draft: draftFromItem(item), saveError: null, itemTab: 'compare' });
}

export function updateDraft(change: (d: Draft) => Draft): void {
  set((s) => (s.draft ? { draft: change(s.draft) } : {}));
}

export function cancelEditing(): void {
  guardNavigation(() => undefined);
}

function replaceItem(item: Item): void {
  set((s) => ({
    itemCache: { ...s.itemCache, [item.key]: item },
    items: s.items.map((it) => (it.key === item.key ? summaryOf(item) : it)),
  }));
}

function summaryOf(item: Item): ItemSummary {
  const { actions: _actions, future: _future, version: _v, updatedAt: _u, ...summary } = item;
  return summary;
}

function saveErrorOf(err: unknown): SaveError {
  const code = err instanceof ApiError ? err.payload.code : null;
  if (code === 'conflict') {
    return { message: `${messageOf(err)}(他の画面や取り込みで更新されました。あなたの編集内容はまだ画面に残っています。)`, retry: false };
  }
  if (code === 'busy') return { message: `${messageOf(err)}(あなたの編集内容はまだ画面に残っています。)`, retry: true };
  return { message: messageOf(err), retry: false };
}

/** Save the changed fields of the draft, one revision each, checked against the version the draft started from. */
export async function saveDraft(): Promise<boolean> {
  const { draft, itemCache, saving } = get();
  if (!draft || saving) return false;
  const item = itemCache[draft.key];
  if (!item) return false;
  const fields = changedFields(draft, item);
  if (fields.length === 0) {
    set({ draft: null, saveError: null });
    return true;
  }
  const author = await ensureAuthor();
  if (!author) return false;
  set({ saving: true, saveError: null });
  let version = draft.baseVersion;
  try {
    for (const field of fields) {
      const updated = await invoke('items.update', { key: draft.key, author, expectedVersion: version, ...fieldValue(draft, field) });
      version = updated.version;
      replaceItem(updated);
      // Later fields are checked against the version this save produced.
      updateDraft((d) => ({ ...d, baseVersion: updated.version }));
    }
    set({ draft: null, saving: false });
    return true;
  } catch (err) {
    set({ saving: false, saveError: saveErrorOf(err) });
    return false;
  }
}

function fieldValue(draft: Draft, field: ItemField): { field: 'title'; value: string } | { field: 'actions' | 'future'; value: Bullet[] } {
  if (field === 'title') return { field, value: draft.title.trim() };
  return { field, value: cleanBullets(draft[field]) };
}

/** Put back the value a revision replaced (itself a new revision). */
export async function restoreRevision(revisionId: number): Promise<Item | null> {
  const author = await ensureAuthor();
  if (!author) return null;
  const item = await invoke('items.restore', { revisionId, author });
  replaceItem(item);
  return item;
}

export function changeAuthor(): void {
  void askAuthor();
}
