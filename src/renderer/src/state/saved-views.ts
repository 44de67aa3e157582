// Saved views (filters + search text under a name, kept in the database): the list the outline shows,
// and applying, saving, renaming and deleting one. Each change answers with the whole new list.
import { create } from 'zustand';
import type { SavedView } from '../../../shared/api';
import { invoke } from '../api-client';
import { filtersFromArgs, filtersToArgs } from './filters';
import { useApp } from './app-state';
import { messageOf } from './error-message';
import { runSearch, setSearchInput } from './search';

interface ViewsState {
  views: SavedView[];
  loaded: boolean;
  /** The last failure, in Japanese: a save's is shown in the save form, the others above the list. */
  error: { from: 'save' | 'list'; message: string } | null;
}

export const useViews = create<ViewsState>()(() => ({ views: [], loaded: false, error: null }));

async function update(call: () => Promise<SavedView[]>, from: 'save' | 'list' = 'list'): Promise<boolean> {
  try {
    useViews.setState({ views: await call(), loaded: true, error: null });
    return true;
  } catch (err) {
    useViews.setState({ error: { from, message: messageOf(err) } });
    return false;
  }
}

export function loadViews(): Promise<boolean> {
  return update(() => invoke('views.list', {}));
}

/** Save the list as it is now (filters and the search text in the box) under a name. */
export function saveCurrentView(name: string): Promise<boolean> {
  const { filters, searchInput } = useApp.getState();
  return update(() => invoke('views.save', { name, filters: filtersToArgs(filters), query: searchInput.trim() }), 'save');
}

export function renameView(id: number, name: string): Promise<boolean> {
  return update(() => invoke('views.rename', { id, name }));
}

export function deleteView(id: number): Promise<boolean> {
  return update(() => invoke('views.delete', { id }));
}

export function clearViewError(): void {
  useViews.setState({ error: null });
}

/** Show a saved view: its filters replace the current ones and its search text is searched. */
export function applyView(view: SavedView): void {
  useApp.setState({ filters: filtersFromArgs(view.filters) });
  setSearchInput(view.query);
  void runSearch(view.query);
}
