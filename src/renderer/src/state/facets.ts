// Every item's facets (quality labels, future kinds, commitment years, unchecked warnings,
// annotations): read from the API whenever the item list changes (start, a save, an import applied),
// for the badges and for the filters the dashboard's charts open. They are the shown edition's: an
// archived edition's items are filtered by their own facets, not by the current items' of the same key.
import { create } from 'zustand';
import type { FacetsByKey } from '../../../shared/dashboard';
import { invoke } from '../api-client';
import { useApp } from './app-state';
import { shownEditionArg } from './plan-selectors';

interface FacetState {
  facets: FacetsByKey | null;
  /** Bumps on every reload, so views that show figures can read them again. */
  generation: number;
}

export const useFacets = create<FacetState>(() => ({ facets: null, generation: 0 }));

let pending: Promise<void> | null = null;
let again = false;

/** Read the facets again; calls that arrive while a read runs are folded into one more read. */
export function reloadFacets(): Promise<void> {
  if (pending) {
    again = true;
    return pending;
  }
  const edition = useApp.getState().archivedEdition;
  pending = invoke('items.facets', shownEditionArg())
    .then(
      (facets) => {
        // Read for an edition no longer shown: the read folded in after this one brings the right ones.
        if (useApp.getState().archivedEdition !== edition) return;
        useFacets.setState((s) => ({ facets, generation: s.generation + 1 }));
      },
      () => undefined, // the list still works without facets; a facet filter then shows nothing
    )
    .finally(() => {
      pending = null;
      if (again) {
        again = false;
        void reloadFacets();
      }
    });
  return pending;
}

useApp.subscribe((s, prev) => {
  // Another edition shown: its items must not be filtered by the facets of the one before.
  if (s.archivedEdition !== prev.archivedEdition) useFacets.setState({ facets: null });
  if (s.items !== prev.items && s.items.length > 0) void reloadFacets();
});
