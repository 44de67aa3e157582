// The search box and its hits: what is typed, the query the hits answer, and whether every edition
// is searched. Answers that arrive after a newer query are dropped.
import { invoke } from '../api-client';
import { useApp } from './app-state';
import { messageOf } from './error-message';
import { shownEditionArg } from './plan-selectors';

const get = useApp.getState;
const set = useApp.setState;

export const SEARCH_LIMIT = 200;

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
    const hits = await invoke('search', {
      query: q,
      limit: SEARCH_LIMIT,
      ...(searchAllEditions ? { allEditions: true } : shownEditionArg()),
    });
    const { suggestion } = hits.length === 0 ? await invoke('search.suggest', { query: q }) : { suggestion: null };
    if (seq === searchSeq) set({ search: { query: q, hits, status: 'ready', suggestion } });
  } catch (err) {
    if (seq === searchSeq) set({ search: { query: q, hits: [], status: 'error', error: messageOf(err) } });
  } finally {
    window.clearTimeout(slow);
  }
}

export function setSearchAllEditions(on: boolean): void {
  set({ searchAllEditions: on });
  const { searchInput } = get();
  if (searchInput.trim()) void runSearch(searchInput);
}

export function clearSearch(): void {
  searchSeq += 1;
  set({ searchInput: '', search: { query: '', hits: [], status: 'idle' } });
}
