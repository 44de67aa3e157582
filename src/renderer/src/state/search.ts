// The search box and its hits: what is typed, the query the hits answer, and whether every edition
// is searched. One search request at a time: a query typed while an answer is on its way waits for
// it, and only the newest waiting query is then asked (the API runs one search after another, so
// every stale query sent would delay the one the user wants). Answers to older queries are dropped.
import { invoke } from '../api-client';
import { useApp } from './app-state';
import { messageOf } from './error-message';
import { shownEditionArg } from './plan-selectors';

const get = useApp.getState;
const set = useApp.setState;

export const SEARCH_LIMIT = 200;

let searchSeq = 0;
/** Settles when the search request on its way is answered (null: none is). */
let asking: Promise<void> | null = null;

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
    while (asking) {
      await asking;
      if (seq !== searchSeq) return;
    }
    const { searchAllEditions } = get();
    const request = invoke('search', {
      query: q,
      limit: SEARCH_LIMIT,
      ...(searchAllEditions ? { allEditions: true } : shownEditionArg()),
    });
    const settled = request.then(
      () => undefined,
      () => undefined,
    );
    asking = settled;
    // Cleared before the waiting queries wake (registered first), so the newest of them asks next.
    void settled.then(() => {
      if (asking === settled) asking = null;
    });
    const hits = await request;
    if (seq !== searchSeq) return;
    set({ search: { query: q, hits, status: 'ready', suggestion: null } });
    if (hits.length === 0) void suggest(q, seq);
  } catch (err) {
    if (seq === searchSeq) set({ search: { query: q, hits: [], status: 'error', error: messageOf(err) } });
  } finally {
    window.clearTimeout(slow);
  }
}

/**
 * 「もしかして」 for a query that found nothing: asked after the (empty) results are shown, so they
 * never wait for it. Without an answer the results simply stay without a suggestion.
 */
async function suggest(q: string, seq: number): Promise<void> {
  try {
    const { suggestion } = await invoke('search.suggest', { query: q });
    if (seq === searchSeq && suggestion) set((s) => ({ search: { ...s.search, suggestion } }));
  } catch {
    // The results are on screen already; a missing suggestion is no error to report.
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
