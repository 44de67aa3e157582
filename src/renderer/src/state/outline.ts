// The outline: which sections show their intro bullets, and opening one section's items.
import { useApp } from './app-state';
import { clearSearch } from './search';

const set = useApp.setState;

export function toggleIntro(id: string): void {
  set((s) => ({
    expandedIntros: s.expandedIntros.includes(id) ? s.expandedIntros.filter((x) => x !== id) : [...s.expandedIntros, id],
  }));
}

/** Show one outline section's items (from a section search hit), with its intro open if asked. */
export function openSection(id: string, showIntro: boolean): void {
  clearSearch();
  set((s) => ({
    filters: { ...s.filters, section: id },
    expandedIntros: showIntro && !s.expandedIntros.includes(id) ? [...s.expandedIntros, id] : s.expandedIntros,
  }));
}
