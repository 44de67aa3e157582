// The API methods of the dashboard and the quality labels: figures, facets for the list's filters,
// quality labels per item, confirming ingest warnings, and the figures as a workbook.
import type { Handlers } from '../../shared/api';
import { computeDashboard, type DashboardFigures } from '../../shared/dashboard';
import { editionLabel } from '../../shared/editions/fiscal-year';
import { AppError } from '../../shared/errors';
import type { Db } from '../store/database';
import { currentFiscalYear, listEditions } from '../store/edition-store';
import { planFacets } from '../store/item-facets';
import { listSections, nowIso } from '../store/plan-store';
import { roundStatus } from '../store/round-status';
import { checkWarnings } from '../store/warning-checks';

type DashboardMethods = 'items.facets' | 'quality.list' | 'warnings.check' | 'dashboard.figures' | 'dashboard.export';

/** The edition asked for, checked: items are held for the current edition only. */
function editionYear(db: Db, edition: number | undefined): number | null {
  const current = currentFiscalYear(db);
  if (edition === undefined || edition === current) return current;
  const known = listEditions(db).some((e) => e.fiscalYear === edition);
  if (!known) throw new AppError('not_found', `${editionLabel(edition)}はありません。`);
  throw new AppError(
    'bad_request',
    `${editionLabel(edition)}の項目は保持していないため、ダッシュボードは現在の版についてのみ表示できます。`,
  );
}

export function dashboardFigures(db: Db, edition?: number): DashboardFigures {
  const fiscalYear = editionYear(db, edition);
  const { items, facets } = planFacets(db);
  return computeDashboard({ items, facets, sections: listSections(db), round: roundStatus(db, items), fiscalYear });
}

export function dashboardHandlers(db: Db): Pick<Handlers, DashboardMethods> {
  return {
    'items.facets': () => planFacets(db).facets,
    'quality.list': () => {
      const { items, facets } = planFacets(db);
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
