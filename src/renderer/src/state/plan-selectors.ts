// Reading the loaded plan: its outline sections and the fiscal years that name the actions field.
import type { Section } from '../../../shared/domain';
import { useApp, type AppState } from './app-state';

const NO_SECTIONS: Section[] = [];
/** The outline sections (a stable empty list before the plan is loaded). */
export const selectSections = (s: AppState): Section[] => s.overview?.sections ?? NO_SECTIONS;
/** The current edition's fiscal year (N of 令和N), which names the actions field everywhere. */
export const selectFiscalYear = (s: AppState): number | null => s.overview?.edition?.fiscalYear ?? null;
export const useFiscalYear = (): number | null => useApp(selectFiscalYear);
/** The fiscal year of the edition on screen: an archived one being viewed, else the current one. */
export const selectShownFiscalYear = (s: AppState): number | null => s.archivedEdition ?? selectFiscalYear(s);
export const useShownFiscalYear = (): number | null => useApp(selectShownFiscalYear);

/** The edition argument of item reads: only for an archived edition (the current one is the default). */
export function shownEditionArg(): { edition?: number } {
  const edition = useApp.getState().archivedEdition;
  return edition === null ? {} : { edition };
}
