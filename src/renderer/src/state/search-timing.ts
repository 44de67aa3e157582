// How long the search box waits after a key before it asks (a module of its own, without the page's
// API client, so that scripts/bench-ui.ts measures against the same figure).
export const SEARCH_DEBOUNCE_MS = 60;
