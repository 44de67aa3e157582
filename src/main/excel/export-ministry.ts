// The per-ministry inquiry workbook (照会): one .xlsx per ministry with the items it is involved in
// (or leads), in plan order. Sheets: 回答 (the answer sheet, protected without a password so only the
// three answer columns can be typed in by accident-proof default), 記入要領 (instructions), and a
// veryHidden _meta sheet with the export id and the base value of every answer cell. The database
// remembers the export and its base values, which is what makes a three-way merge possible later.
import { currentFiscalYear } from '../store/edition-store';
import { actionsLabel, editionLabel, fiscalYearLabel, futureLabel, previousFutureLabel } from '../../shared/editions/fiscal-year';
import { asItem, editionItems, editionRow, editionSections } from '../editions/edition-items';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MinistryCode, Section } from '../../shared/domain';
import { MINISTRY_NAMES } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { serializeField } from '../../shared/item-fields';
import { bulletsToCell } from '../../shared/merge/cell-text';
import { APP_VERSION } from '../app-info';
import { warekiDateTime } from '../../shared/wareki';
import type { Db } from '../store/database';
import { schemaVersion } from '../store/database';
import { listItems, listSections, nowIso } from '../store/plan-store';
import { bulletsByItem, withBullets, type ExportItem as Item } from './bulk-items';
import {
  ANSWER_COLUMNS,
  columnHeader,
  ANSWER_SHEET,
  EXCEL_MAX_CELL_CHARS,
  GUIDE_SHEET,
  META_FORMAT,
  META_SHEET,
  itemLabelTitle,
  metaDigest,
  ministriesLabel,
  sectionCell,
  overlongMessage,
  type AnswerColumnId,
  type MetaValues,
  type OverlongCell,
} from './layout';
import { ANSWER_FILL, BODY_FONT, GRID, WRAP_TOP, fittingHeight, setupHeader, setupPrint, solidFill } from './sheet-style';

export interface MinistryExportOptions {
  ministry: MinistryCode;
  /** Only the items the ministry leads (◎). */
  leadOnly?: boolean;
  dueDate?: string;
  contact?: string;
  /** The draft edition (令和N) to ask about; absent (or the current edition's year): the current edition. */
  edition?: number;
}

export interface ExportedFile {
  file: string;
  exportId: string;
  ministry: MinistryCode | null;
  items: number;
}

/** Blank rows below the items where a ministry may propose a new item. */
const PROPOSAL_ROWS = 10;

/** The 区分 cell: the most specific section the item sits in (分野 under a disease area, else 中項目). */
function sectionText(it: Item, sections: Map<string, Section>): string {
  const id = it.area === null ? `${it.major}-${it.middle}` : `${it.major}-${it.middle}-${it.area}`;
  return sectionCell(it, sections.get(id)?.title ?? '');
}

/** A column of the answer sheet: the current edition's (ANSWER_COLUMNS) or a draft's (DRAFT_ANSWER_COLUMNS). */
type SheetColumnId = AnswerColumnId | 'previous';
interface SheetColumn {
  id: SheetColumnId;
  header: string;
  width: number;
  answer?: boolean;
}

/**
 * The answer sheet of a draft edition: last year's future directions (「前年度に示した今後の方向性」)
 * beside the answer columns, locked and greyed, as what the ministry answers against. Its header is
 * not one the import recognises, so the column is never read back. Widths add up to PRINT_WIDTH like
 * ANSWER_COLUMNS, so the body prints at the same size.
 */
const DRAFT_ANSWER_COLUMNS: readonly SheetColumn[] = [
  { id: 'key', header: '管理番号', width: 6 },
  { id: 'section', header: '区分', width: 8 },
  { id: 'item', header: '小項目', width: 14 },
  { id: 'ministries', header: '担当府省', width: 6 },
  { id: 'previous', header: previousFutureLabel, width: 24 },
  { id: 'actions', header: '', width: 26, answer: true },
  { id: 'future', header: futureLabel, width: 23, answer: true },
  { id: 'comment', header: '府省からの補足', width: 11, answer: true },
];

/** The greyed reference column of a draft's answer sheet (dark grey text: still legible in print). */
const REFERENCE_FILL = 'FFEDEDED';
const REFERENCE_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, color: { argb: 'FF404040' } };

/** What one workbook asks about: the current edition, or a draft with last year's directions beside. */
interface Inquiry {
  fiscalYear: number | null;
  /** The draft's fiscal year; null for the current edition. */
  draftYear: number | null;
  columns: readonly SheetColumn[];
  /** Last year's future directions by key (drafts only). */
  previous: Map<string, string>;
}

/** The texts of an item's row in the answer sheet, by column. */
function answerCells(it: Item, sections: Map<string, Section>, previous: Map<string, string>): Record<SheetColumnId, string> {
  return {
    key: it.key,
    section: sectionText(it, sections),
    item: itemLabelTitle(it),
    ministries: ministriesLabel(it),
    previous: previous.get(it.key) ?? '',
    actions: bulletsToCell(it.actions),
    future: bulletsToCell(it.future),
    comment: '',
  };
}

/** Cells of the answer sheet (and so of _meta, which repeats actions and future) longer than Excel allows. */
export function overlongAnswerCells(
  items: Item[],
  sections: Map<string, Section>,
  inquiry: Pick<Inquiry, 'fiscalYear' | 'columns' | 'previous'>,
): OverlongCell[] {
  const out: OverlongCell[] = [];
  for (const it of items) {
    const cells = answerCells(it, sections, inquiry.previous);
    for (const c of inquiry.columns) {
      const length = cells[c.id].length;
      if (length > EXCEL_MAX_CELL_CHARS)
        out.push({ key: it.key, item: cells.item, column: columnHeader(c, 'answer', inquiry.fiscalYear), length });
    }
  }
  return out;
}

function writeAnswerSheet(ws: ExcelJS.Worksheet, items: Item[], sections: Map<string, Section>, inquiry: Inquiry): void {
  const { columns } = inquiry;
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  setupHeader(
    ws,
    columns.map((c) => columnHeader(c, 'answer', inquiry.fiscalYear)),
    true,
  );
  const unlockedFill = solidFill(ANSWER_FILL);
  const referenceFill = solidFill(REFERENCE_FILL);
  const put = (rowNo: number, values: Partial<Record<SheetColumnId, string>>, editable: (c: SheetColumn) => boolean) => {
    const row = ws.getRow(rowNo);
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = values[c.id] ?? '';
      cell.font = c.id === 'previous' ? REFERENCE_FONT : BODY_FONT;
      cell.alignment = WRAP_TOP;
      cell.border = GRID;
      if (c.id === 'previous') cell.fill = referenceFill; // locked, like every cell not unlocked below
      if (editable(c)) {
        cell.protection = { locked: false };
        cell.fill = unlockedFill;
      }
    });
    row.height = fittingHeight(
      columns.map((c) => ({ text: values[c.id] ?? '', width: c.width })),
      2,
    );
  };
  items.forEach((it, i) => {
    put(i + 2, answerCells(it, sections, inquiry.previous), (c) => c.answer === true);
  });
  for (let k = 0; k < PROPOSAL_ROWS; k++) {
    put(items.length + 2 + k, {}, (c) => c.answer === true || c.id === 'item');
  }
  // No password: protection only prevents accidents (architecture.md); the import re-checks everything.
  void ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
  });
}

/** The respondent's fields on the guide sheet, in order: label and what to write. */
export const RESPONDENT_FIELDS = [
  ['部署', '例: ○○局○○課'],
  ['担当者', '例: ○○ ○○(役職)'],
  ['連絡先', '例: 電話 03-xxxx-xxxx(内線 xxxx)/メール'],
  ['回答日', '例: 令和○年○月○日'],
] as const;

/**
 * 記入要領, the first tab a ministry sees: who is asked, by when, the respondent's fields (部署, 担当者,
 * 連絡先, 回答日: unlocked yellow cells, like the answer columns) and how to fill in the answer sheet.
 * Column A holds labels, B the text; instruction lines are merged across both.
 */
function writeGuideSheet(
  ws: ExcelJS.Worksheet,
  opts: MinistryExportOptions,
  exportId: string,
  exportedAt: string,
  count: number,
  inquiry: Inquiry,
): void {
  const { fiscalYear } = inquiry;
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 110;
  let rowNo = 0;
  const line = (text: string, style: 'title' | 'heading' | 'body' = 'body') => {
    rowNo += 1;
    ws.mergeCells(rowNo, 1, rowNo, 2);
    const cell = ws.getCell(rowNo, 1);
    cell.value = text;
    cell.font = { ...BODY_FONT, size: style === 'title' ? 14 : style === 'heading' ? 12 : 11, bold: style !== 'body' };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(rowNo).height = fittingHeight([{ text, width: 124 }], 1, style === 'body' ? 11 : 14);
  };
  line(`${MINISTRY_NAMES[opts.ministry]} 御中`, 'heading');
  line('健康・医療戦略のフォローアップ(データ利活用・ライフコース)に関する照会', 'title');
  // A draft's inquiry says which edition it asks about, and what the grey column is, where a blank
  // line stands otherwise: one more line and the page no longer fits at 100 % (smaller print).
  line(
    inquiry.draftYear === null
      ? ''
      : `${editionLabel(inquiry.draftYear)}(作成中)について照会します。灰色の「${previousFutureLabel}」は前年度の版の記載です(参考)。`,
  );
  line(`回答期限: ${opts.dueDate?.trim() || '別途ご連絡します'}`, 'heading');
  line(`問い合わせ先: ${opts.contact?.trim() || '協議会事務局'}`);
  line(`対象項目: ${count} 件${opts.leadOnly ? '(主担当(◎)の項目のみ)' : '(関係する項目すべて。◎は主担当)'}`);
  line('');
  line('ご回答者(黄色の欄に記入してください)', 'heading');
  const inputFill = solidFill(ANSWER_FILL);
  for (const [label, hint] of RESPONDENT_FIELDS) {
    rowNo += 1;
    const row = ws.getRow(rowNo);
    const head = row.getCell(1);
    head.value = label;
    head.font = { ...BODY_FONT, size: 11, bold: true };
    head.alignment = { vertical: 'middle' };
    head.border = GRID;
    const input = row.getCell(2);
    input.value = '';
    input.font = { ...BODY_FONT, size: 11 };
    input.alignment = { vertical: 'middle', wrapText: true };
    input.border = GRID;
    input.fill = inputFill;
    input.protection = { locked: false };
    input.note = hint;
    row.height = 22;
  }
  line('');
  line('記入方法', 'heading');
  const steps = [
    `「回答」シートの黄色の3列(${actionsLabel(fiscalYear)}/${futureLabel}/府省からの補足)に記入してください。他の列は保護されています。`,
    '箇条書きは1行に1項目とし、行頭に「・」を付けてください。セル内の改行は Alt+Enter です。',
    '下位の箇条書きは、「・」の前に全角スペースを1つ入れてください。',
    '行頭に「=」「+」「-」「@」を入力しないでください(数式として扱われます)。',
    '変更がない項目はそのままにしてください。内容を削除する場合はセルを空にしてください。',
    '管理番号・区分・小項目・担当府省の列、見出し行、シート名は変更しないでください。並べ替えやフィルターは構いません。',
    '新しい小項目を提案する場合は、表の下の空欄行に小項目名と内容を記入してください(事務局で検討します)。',
    '他府省と共同の項目は、各府省に同じ内容をお送りしています。御府省の取組を中心に記入してください。',
    'ファイルは .xlsx 形式のまま返送してください(.xls やパスワード付きのファイルは読み込めません)。',
  ];
  steps.forEach((text, i) => line(`${i + 1}. ${text}`));
  line('');
  line(`出力日時: ${warekiDateTime(exportedAt)}  出力番号: ${exportId}`);
  setupPrint(ws, `${MINISTRY_NAMES[opts.ministry]} 照会 記入要領`, false);
  void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

export interface MetaHeader {
  format: string;
  exportId: string;
  ministry: string;
  exportedAt: string;
  appVersion: string;
  schemaVersion: string;
  /**
   * The draft edition the workbook asks about (and its answers merge into); absent for the current
   * edition, whose _meta keeps the layout older tooling and tests know.
   */
  draftYear?: string;
}

/**
 * The _meta sheet: the header, then the base value of every answer cell (key, actions, future, comment)
 * with their digest, so that a file returned to another installation still carries its base.
 */
function writeMetaSheet(ws: ExcelJS.Worksheet, header: MetaHeader, items: Item[]): void {
  const values: MetaValues[] = items.map((it) => ({
    key: it.key,
    actions: bulletsToCell(it.actions),
    future: bulletsToCell(it.future),
    comment: '',
  }));
  for (const [k, v] of Object.entries(header)) ws.addRow([k, v]);
  ws.addRow(['basesDigest', metaDigest(values)]);
  ws.addRow([]);
  ws.addRow(['key', 'actions', 'future', 'comment']);
  for (const v of values) ws.addRow([v.key, v.actions, v.future, v.comment]);
  void ws.protect('', {});
}

/**
 * The items of one ministry's workbook, with the sections they sit in. Refuses (AppError) when a cell
 * would not fit in Excel, naming the items, so no damaged workbook is ever written.
 */
export function ministryExportItems(
  db: Db,
  opts: Pick<MinistryExportOptions, 'ministry' | 'leadOnly' | 'edition'>,
): { items: Item[]; sections: Map<string, Section>; inquiry: Inquiry } {
  const current = currentFiscalYear(db);
  const draftYear = opts.edition === undefined || opts.edition === current ? null : opts.edition;
  let items: Item[];
  let sections: Map<string, Section>;
  let inquiry: Inquiry;
  if (draftYear === null) {
    items = withBullets(db, listItems(db, { ministry: opts.ministry, lead: opts.leadOnly === true }));
    sections = new Map(listSections(db).map((s) => [s.id, s]));
    inquiry = { fiscalYear: current, draftYear: null, columns: ANSWER_COLUMNS, previous: new Map() };
  } else {
    const e = editionRow(db, draftYear);
    if (e.status !== 'draft') {
      throw new AppError(
        'bad_request',
        `${editionLabel(draftYear)}は作成中の版ではありません。照会の回答票を出力できるのは、現在の版と作成中の版だけです。`,
      );
    }
    items = editionItems(db, draftYear)
      .filter((it) => (opts.leadOnly === true ? it.lead : it.ministries).includes(opts.ministry))
      .map((it) => asItem(it, e.loaded_at));
    sections = new Map(editionSections(db, draftYear).map((s) => [s.id, s]));
    // Last year's directions are the current edition's, read from there (never copied into the draft).
    const live = bulletsByItem(db);
    const previous = new Map(items.map((it) => [it.key, bulletsToCell(live.get(it.key)?.future ?? [])]));
    inquiry = { fiscalYear: draftYear, draftYear, columns: DRAFT_ANSWER_COLUMNS, previous };
  }
  const overlong = overlongAnswerCells(items, sections, inquiry);
  if (overlong.length)
    throw new AppError('bad_request', overlongMessage(`${MINISTRY_NAMES[opts.ministry]}(${opts.ministry})向けの回答票`, overlong));
  return { items, sections, inquiry };
}

export async function buildMinistryWorkbook(db: Db, opts: MinistryExportOptions, exportId: string, exportedAt: string) {
  const { items, sections, inquiry } = ministryExportItems(db, opts);
  const wb = new ExcelJS.Workbook();
  wb.creator = '協議会デスク';
  wb.created = new Date(exportedAt);
  const answer = wb.addWorksheet(ANSWER_SHEET, { properties: { tabColor: { argb: 'FF1F4E79' } } });
  writeAnswerSheet(answer, items, sections, inquiry);
  setupPrint(answer, `${MINISTRY_NAMES[opts.ministry]} 回答票(記入方法は「記入要領」シートをご覧ください)`);
  // 記入要領 is the first tab (and the one the workbook opens on, and prints first); it is added
  // second so the answer sheet keeps its part name (sheet1.xml) and its place in older tooling.
  const guide = wb.addWorksheet(GUIDE_SHEET, { properties: { tabColor: { argb: 'FFC00000' } } });
  (guide as ExcelJS.Worksheet & { orderNo: number }).orderNo = 0; // exceljs sorts tabs by it; its typings omit it
  writeGuideSheet(guide, opts, exportId, exportedAt, items.length, inquiry);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  writeMetaSheet(
    meta,
    {
      format: META_FORMAT,
      exportId,
      ministry: opts.ministry,
      exportedAt,
      appVersion: APP_VERSION,
      schemaVersion: String(schemaVersion(db)),
      ...(inquiry.draftYear === null ? {} : { draftYear: String(inquiry.draftYear) }),
    },
    items,
  );
  return { workbook: wb, items, draftYear: inquiry.draftYear };
}

export async function writeWorkbookFile(wb: ExcelJS.Workbook, file: string): Promise<void> {
  // Write beside the target and rename, so a failed write never leaves half a workbook behind.
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, file);
  } catch (err) {
    // Nor the temporary file (a full disk, a target that cannot be replaced).
    fs.rmSync(tmp, { force: true });
    throw new AppError('bad_request', `ファイルを書き込めません: ${file} (${(err as Error).message})`);
  }
}

/** Write one ministry's workbook and remember the export with its base values. */
export async function exportMinistry(db: Db, opts: MinistryExportOptions & { file: string }): Promise<ExportedFile> {
  return exportMinistryVia(db, opts, path.basename(opts.file), async (wb) => {
    await writeWorkbookFile(wb, opts.file);
    return { file: opts.file };
  });
}

/** The same workbook returned as bytes (base64) under a suggested file name: the page saves it as a download. */
export async function exportMinistryData(
  db: Db,
  opts: MinistryExportOptions & { fileName: string },
): Promise<ExportedFile & { dataBase64: string }> {
  const out = await exportMinistryVia(db, opts, opts.fileName, async (wb) => ({
    file: opts.fileName,
    dataBase64: await workbookBase64(wb),
  }));
  return out as ExportedFile & { dataBase64: string };
}

/** A workbook's bytes as base64. */
export async function workbookBase64(wb: ExcelJS.Workbook): Promise<string> {
  try {
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  } catch (err) {
    throw new AppError('internal', `ブックを作成できません (${(err as Error).message})`);
  }
}

async function exportMinistryVia(
  db: Db,
  opts: MinistryExportOptions,
  fileName: string,
  deliver: (wb: ExcelJS.Workbook) => Promise<{ file: string; dataBase64?: string }>,
): Promise<ExportedFile & { dataBase64?: string }> {
  const exportId = randomUUID();
  const exportedAt = nowIso();
  const { workbook, items, draftYear } = await buildMinistryWorkbook(db, opts, exportId, exportedAt);
  if (items.length === 0) {
    throw new AppError('bad_request', `${MINISTRY_NAMES[opts.ministry]}(${opts.ministry})が担当する項目がありません。`);
  }
  const delivered = await deliver(workbook);
  db.transaction(() => {
    db.prepare('INSERT INTO exports (id, kind, ministry, options, file_name, created_at, draft_year) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      exportId,
      'ministry',
      opts.ministry,
      JSON.stringify({ leadOnly: opts.leadOnly === true, dueDate: opts.dueDate ?? '', contact: opts.contact ?? '' }),
      fileName,
      exportedAt,
      draftYear,
    );
    const insert = db.prepare('INSERT INTO export_values (export_id, item_key, field, value) VALUES (?, ?, ?, ?)');
    for (const it of items) {
      insert.run(exportId, it.key, 'actions', serializeField('actions', it.actions));
      insert.run(exportId, it.key, 'future', serializeField('future', it.future));
      insert.run(exportId, it.key, 'comment', '');
    }
  }).immediate();
  return { ...delivered, exportId, ministry: opts.ministry, items: items.length };
}

/**
 * The file name used when exporting several ministries into one folder; a draft edition's inquiry
 * names its year (照会_令和8年度_厚_…), so it is not taken for the current edition's.
 */
export function ministryFileName(ministry: MinistryCode, date: string, edition?: number): string {
  return `照会_${edition === undefined ? '' : `${fiscalYearLabel(edition)}_`}${ministry}_${date.slice(0, 10)}.xlsx`;
}
