// Which edition the page shows: the current one, or an archived one read-only.
import { invoke } from '../api-client';
import { useApp } from './app-state';
import { loadItem } from './item-cache';
import { guardNavigation } from './navigation-guard';
import { selectFiscalYear } from './plan-selectors';
import { runSearch } from './search';

const get = useApp.getState;
const set = useApp.setState;

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
