// Every item's facets (quality labels, future kinds, commitment years, unchecked warnings,
// annotations): read from the API whenever the item list changes (start, a save, an import applied),
// for the badges and for the filters the dashboard's charts open.
import { create } from 'zustand';
import type { FacetsByKey } from '../../../shared/dashboard';
import { invoke } from '../api-client';
import { useApp } from './app-state';

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
  pending = invoke('items.facets', {})
    .then(
      (facets) => useFacets.setState((s) => ({ facets, generation: s.generation + 1 })),
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
  if (s.items !== prev.items && s.items.length > 0) void reloadFacets();
});
