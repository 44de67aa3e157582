// Starting the page and reading the plan again: the overview, the item list and the saved author,
// with the filters and search text of before a reload put back (and remembered as they change).
import { invoke } from '../api-client';
import { useApp } from './app-state';
import { messageOf } from './error-message';
import { recallListState, rememberListState } from './filters';
import { loadItem } from './item-cache';
import { shownEditionArg } from './plan-selectors';
import { runSearch } from './search';

const get = useApp.getState;
const set = useApp.setState;

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

useApp.subscribe((s, prev) => {
  // The box as typed, not the last answered query: a reload right after a key keeps that key.
  if (s.boot.status === 'ready' && (s.filters !== prev.filters || s.searchInput !== prev.searchInput))
    rememberListState(s.filters, s.searchInput);
});

/**
 * Read the plan again after something outside the page changed it (an import applied, a backup
 * restored): the overview and item list are replaced and cached items dropped, except an item being
 * edited (its draft is kept; saving it is then checked against the new version as usual).
 */
export async function reloadPlanData(): Promise<void> {
  const [overview, items] = await Promise.all([invoke('plan.overview', {}), invoke('items.list', shownEditionArg())]);
  set((s) => {
    const kept = s.draft ? s.itemCache[s.draft.key] : undefined;
    return { overview, items, itemCache: kept ? { [kept.key]: kept } : {}, itemLoad: null };
  });
  const { selectedKey, draft } = get();
  if (selectedKey && draft?.key !== selectedKey) void loadItem(selectedKey);
}
