// The dashboard's figures as one workbook: a sheet per chart, the same numbers the screen shows.
import ExcelJS from 'exceljs';
import type { DashboardFigures, FigureRow } from '../../shared/dashboard';
import { fiscalYearLabel } from '../../shared/editions/fiscal-year';
import { setupHeader, setupPrint, writeBodyRow } from './sheet-style';

type Cell = string | number;

function addSheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[], rows: Cell[][]): void {
  const ws = wb.addWorksheet(name);
  setupHeader(ws, headers, rows.length > 0);
  rows.forEach((values, r) => writeBodyRow(ws.getRow(r + 2), values));
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 44 : 14));
  setupPrint(ws, title);
}

function rowsOf(rows: readonly FigureRow[]): Cell[][] {
  return rows.map((r) => [r.label, ...r.cells.map((c) => c.count)]);
}

const when = (iso: string | null) => (iso === null ? '' : iso.slice(0, 16).replace('T', ' '));

export function buildDashboardWorkbook(fig: DashboardFigures): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '協議会デスク';
  const title = `ダッシュボード(${fiscalYearLabel(fig.fiscalYear)}) 全${fig.itemCount}項目`;
  addSheet(wb, '府省別', title, ['府省', '担当', '主担当(◎)'], rowsOf(fig.byMinistry));
  addSheet(
    wb,
    '区分別',
    title,
    ['区分', '項目数'],
    [...fig.bySection.major, ...fig.bySection.middle, ...fig.bySection.area].map((f) => [f.label, f.count]),
  );
  const kinds = fig.labels.kinds.map((k) => k.label);
  addSheet(
    wb,
    '今後の方向性',
    title,
    ['区分・府省', ...kinds],
    [
      ...rowsOf(fig.labels.bySection),
      ...rowsOf(fig.labels.byMinistry),
      [fig.labels.boilerplateOnly.label, fig.labels.boilerplateOnly.count],
    ],
  );
  addSheet(
    wb,
    '時期',
    title,
    ['府省', ...fig.timeline.years.map((y) => y.label)],
    [['計画全体', ...fig.timeline.total.map((f) => f.count)], ...rowsOf(fig.timeline.byMinistry)],
  );
  addSheet(
    wb,
    '照会状況',
    title,
    ['府省', '項目数', '照会出力', '回答受領', '回答ファイル数', '取込待ち', '反映済み', '変更セル数', '未解決の競合', '未回答'],
    fig.round.map((r) => [
      r.ministry,
      r.items,
      when(r.exportedAt),
      when(r.returnedAt),
      r.returnedFiles,
      r.staged,
      r.applied,
      r.cellsChanged,
      r.conflictsOpen,
      r.awaiting ? '未回答' : '',
    ]),
  );
  addSheet(
    wb,
    '注釈',
    title,
    ['区分・タグ・作成者', '未対応', '対応済み'],
    [
      ...rowsOf(fig.annotations.bySection),
      ...rowsOf(fig.annotations.byTag.map((r) => ({ ...r, label: `タグ: ${r.label}` }))),
      ...rowsOf(fig.annotations.byAuthor.map((r) => ({ ...r, label: `作成者: ${r.label}` }))),
    ],
  );
  addSheet(
    wb,
    '品質ラベル',
    title,
    ['ラベル', '項目数'],
    fig.quality.distribution.map((f) => [f.label, f.count]),
  );
  addSheet(
    wb,
    '要確認の項目',
    title,
    ['管理番号', '項目', 'ラベル'],
    fig.quality.attention.map((a) => [a.key, a.title, a.labels.map((l) => l.label).join('、')]),
  );
  addSheet(
    wb,
    '取込時の注意',
    title,
    ['管理番号', '項目', '未確認の注意'],
    fig.warnings.items.map((w) => [w.key, w.title, w.warnings.join('\n')]),
  );
  return wb;
}

export function dashboardFileName(date: string): string {
  return `ダッシュボード_${date.slice(0, 10)}.xlsx`;
}
