// The guard in front of every navigation: unsaved edits are dropped only after the user agrees.
import { useApp } from './app-state';
import { changedFields } from './draft';

const get = useApp.getState;
const set = useApp.setState;

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
