// The change list's filters, kept while the user opens an item from the list and comes back.
import { create } from 'zustand';
import type { ChangeFilter } from '../../../../shared/change-log';

interface ChangeFilterState {
  filter: ChangeFilter;
}

export const useChangeFilter = create<ChangeFilterState>(() => ({ filter: {} }));

/** Set one filter; undefined (or '') clears it. */
export function setChangeFilter<K extends keyof ChangeFilter>(key: K, value: ChangeFilter[K] | ''): void {
  useChangeFilter.setState((s) => {
    const filter = { ...s.filter };
    if (value === '' || value === undefined || value === false) delete filter[key];
    else filter[key] = value as ChangeFilter[K];
    return { filter };
  });
}

export function clearChangeFilter(): void {
  useChangeFilter.setState({ filter: {} });
}
