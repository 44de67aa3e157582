// Changing the list filters (what each filter means is in filters.ts).
import { useApp } from './app-state';
import { NO_FILTERS, type FilterKey, type Filters } from './filters';

const set = useApp.setState;

export function setFilter<K extends FilterKey>(key: K, value: Filters[K]): void {
  set((s) => ({ filters: { ...s.filters, [key]: value } }));
}

export function clearFilter(key: FilterKey): void {
  setFilter(key, NO_FILTERS[key]);
}

export function clearFilters(): void {
  set({ filters: NO_FILTERS });
}

/** Show exactly these filters (a dashboard figure's): the list then holds the items it counts. */
export function replaceFilters(filters: Filters): void {
  set({ filters });
}
