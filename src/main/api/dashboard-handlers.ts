// The API methods of the dashboard and the quality labels: figures, facets for the list's filters,
// quality labels per item, confirming ingest warnings, and the figures as a workbook.
import type { Handlers } from '../../shared/api';
import { computeDashboard, type DashboardFigures } from '../../shared/dashboard';
import { editionLabel } from '../../shared/editions/fiscal-year';
import { AppError } from '../../shared/errors';
import type { Db } from '../store/database';
import { currentFiscalYear, listEditions } from '../store/edition-store';
import { editionSections } from '../editions/edition-items';
import { isOtherEdition, planFacets } from '../store/item-facets';
import { listSections, nowIso } from '../store/plan-store';
import { roundStatus } from '../store/round-status';
import { checkWarnings } from '../store/warning-checks';

type DashboardMethods = 'items.facets' | 'quality.list' | 'warnings.check' | 'dashboard.figures' | 'dashboard.export';

/** The edition asked for, checked: the current one by default, or any edition held (archived or draft). */
export function editionYear(db: Db, edition: number | undefined): number | null {
  const current = currentFiscalYear(db);
  if (edition === undefined || edition === current) return current;
  const known = listEditions(db).some((e) => e.fiscalYear === edition);
  if (!known) throw new AppError('not_found', `${editionLabel(edition)}はありません。`);
  return edition;
}

/**
 * The figures of an edition. 照会状況 (the round with the ministries) is about the current edition's
 * items: another edition's figures have no round rows (the screen says why).
 */
/** An edition argument, refused with 「令和N年度版はありません。」 when no such edition is held. */
function checkedEdition(db: Db, edition: number | undefined): number | undefined {
  editionYear(db, edition);
  return edition;
}

export function dashboardFigures(db: Db, edition?: number): DashboardFigures {
  const fiscalYear = editionYear(db, edition);
  const other = isOtherEdition(db, edition);
  const { items, facets } = planFacets(db, edition);
  const sections = other ? editionSections(db, edition) : listSections(db);
  return computeDashboard({ items, facets, sections, round: other ? [] : roundStatus(db, items), fiscalYear });
}

export function dashboardHandlers(db: Db): Pick<Handlers, DashboardMethods> {
  return {
    'items.facets': (args) => planFacets(db, checkedEdition(db, args?.edition)).facets,
    'quality.list': (args) => {
      const { items, facets } = planFacets(db, checkedEdition(db, args?.edition));
      return items.map((it) => ({ key: it.key, labels: facets[it.key]?.quality ?? [] }));
    },
    'warnings.check': ({ key, author, warning }) => checkWarnings(db, key, author, warning),
    'dashboard.figures': (args) => dashboardFigures(db, args?.edition),
    'dashboard.export': async ({ edition, outFile }) => {
      // exceljs loads when a workbook is first written, not with the API.
      const { buildDashboardWorkbook, dashboardFileName } = await import('../excel/dashboard-workbook');
      const { workbookBase64, writeWorkbookFile } = await import('../excel/export-ministry');
      const wb = buildDashboardWorkbook(dashboardFigures(db, edition));
      if (outFile === undefined) return { file: dashboardFileName(nowIso()), dataBase64: await workbookBase64(wb) };
      await writeWorkbookFile(wb, outFile);
      return { file: outFile };
    },
  };
}
