// Sharing annotations as Excel: a workbook the secretariat can read (one row per annotation, Japanese
// headers, a second sheet of replies), that also carries every record exactly (hidden id and record
// columns), so the files of several reviewers can be merged back by id (annotation-store.ts).
// Reading goes through the same guarded path as the ministry answers (zip checks, then a parse in a
// worker with a memory cap and a deadline): a reviewer's file is as untrusted as a ministry's.
import { fieldLabel } from '../../shared/fields';
import { editionLabel } from '../../shared/editions/fiscal-year';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  AnnotationCoreSchema,
  AnnotationReplySchema,
  COLOR_NAMES,
  KIND_NAMES,
  STATUS_NAMES,
  type Annotation,
  type AnnotationExportResult,
  type AnnotationImportOutcome,
  type AnnotationReply,
  type AnnotationView,
} from '../../shared/annotations';
import { AppError } from '../../shared/errors';
import { APP_VERSION } from '../app-info';
import { writeWorkbookFile } from '../excel/export-ministry';
import { EXCEL_MAX_CELL_CHARS } from '../excel/layout';
import { parseInWorker, DEFAULT_PARSE_LIMITS, type ParseLimits } from '../excel/parse-in-worker';
import type { ParsedWorkbook, SheetGrid } from '../excel/read-cells';
import { BODY_FONT, GRID, WRAP_TOP, fittingHeight, setupHeader, setupPrint } from '../excel/sheet-style';
import { checkContainer, SHEET_CAPS, ZipCheckError, type SheetCaps } from '../excel/zip-check';
import type { Db } from '../store/database';
import { annotationEdition, mergeAnnotations } from '../store/annotation-store';
import { findItemRow, nowIso } from '../store/plan-store';
import { listAnnotationViews } from './views';

export const ANNOTATION_SHEET = '注釈';
export const REPLY_SHEET = '返信';
const META_SHEET = '_meta';
export const ANNOTATION_FORMAT = 'council-desk/annotations/1';

interface Column<T> {
  header: string;
  width: number;
  value: (v: T) => string;
  hidden?: boolean;
}

/** Local time, to the minute, for people; the hidden record keeps the exact ISO time. */
function displayTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function placeLabel(a: Annotation): string {
  const name = fieldLabel(a.field ?? 'item', a.fiscalYear);
  return a.bulletIndex === null ? name : `${name}(${a.bulletIndex + 1}番目)`;
}

function statusLabel(v: { deletedAt: string | null; status?: Annotation['status'] }): string {
  if (v.deletedAt) return '削除済み';
  return v.status ? STATUS_NAMES[v.status] : '';
}

function replySummary(a: Annotation): string {
  const lines = a.replies.filter((r) => !r.deletedAt).map((r) => `${r.author}(${displayTime(r.createdAt)}): ${r.text}`);
  const text = lines.join('\n');
  // The replies sheet holds them all; this column is a reading aid and must fit one cell.
  return text.length > EXCEL_MAX_CELL_CHARS ? `${text.slice(0, EXCEL_MAX_CELL_CHARS - 40)}…(全 ${lines.length} 件は「返信」シート)` : text;
}

/** The record as carried in the hidden column: the annotation without its replies. */
function record({ replies: _replies, anchorState: _s, itemTitle: _t, historyCount: _h, ...core }: AnnotationView): string {
  return JSON.stringify(core);
}

const ID_HEADER = '注釈ID';
const REPLY_ID_HEADER = '返信ID';
const RECORD_HEADER = '記録(編集しないでください)';

const ANNOTATION_COLUMNS: Column<AnnotationView>[] = [
  { header: '版', width: 14, value: (a) => editionLabel(a.fiscalYear) },
  { header: '管理番号', width: 10, value: (a) => a.itemKey },
  { header: '小項目', width: 30, value: (a) => a.itemTitle ?? '(この項目はありません)' },
  { header: '欄', width: 16, value: placeLabel },
  { header: '引用', width: 40, value: (a) => a.anchor?.quote ?? '' },
  {
    header: '所在',
    width: 12,
    value: (a) => (a.anchorState.state === 'orphan' ? '元の文言なし' : a.anchorState.state === 'anchored' ? '本文中' : ''),
  },
  { header: '種類', width: 11, value: (a) => KIND_NAMES[a.kind] },
  { header: '色', width: 5, value: (a) => COLOR_NAMES[a.color] },
  { header: 'コメント', width: 50, value: (a) => a.comment },
  { header: '返信', width: 45, value: replySummary },
  { header: 'タグ', width: 16, value: (a) => a.tags.join('、') },
  { header: '状態', width: 10, value: statusLabel },
  { header: '作成者', width: 12, value: (a) => a.author },
  { header: '作成日時', width: 17, value: (a) => displayTime(a.createdAt) },
  { header: '更新日時', width: 17, value: (a) => displayTime(a.updatedAt) },
  { header: ID_HEADER, width: 38, value: (a) => a.id, hidden: true },
  { header: RECORD_HEADER, width: 20, value: record, hidden: true },
];

type ReplyRow = AnnotationReply & { annotation: AnnotationView };

const REPLY_COLUMNS: Column<ReplyRow>[] = [
  { header: '管理番号', width: 10, value: (r) => r.annotation.itemKey },
  { header: 'コメント', width: 40, value: (r) => r.annotation.comment || r.annotation.anchor?.quote || '' },
  { header: '返信者', width: 12, value: (r) => r.author },
  { header: '返信', width: 60, value: (r) => r.text },
  { header: '状態', width: 10, value: statusLabel },
  { header: '作成日時', width: 17, value: (r) => displayTime(r.createdAt) },
  { header: '更新日時', width: 17, value: (r) => displayTime(r.updatedAt) },
  { header: ID_HEADER, width: 38, value: (r) => r.annotation.id, hidden: true },
  { header: REPLY_ID_HEADER, width: 38, value: (r) => r.id, hidden: true },
  { header: RECORD_HEADER, width: 20, value: ({ annotation: _a, ...reply }) => JSON.stringify(reply), hidden: true },
];

/**
 * One sheet of rows. Every value is written as a string in a text-formatted cell: exceljs never turns
 * a string into a formula, and the `@` format keeps Excel from making one when a person later edits a
 * cell that starts with = + - or @.
 */
function writeSheet<T>(ws: ExcelJS.Worksheet, columns: Column<T>[], rows: T[], deleted: (r: T) => boolean): void {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.hidden = c.hidden === true;
  });
  setupHeader(
    ws,
    columns.map((c) => c.header),
    true,
  );
  rows.forEach((r, n) => {
    const row = ws.getRow(n + 2);
    const texts = columns.map((c) => c.value(r));
    texts.forEach((text, i) => {
      const cell = row.getCell(i + 1);
      cell.value = text;
      cell.numFmt = '@';
      cell.font = deleted(r) ? { ...BODY_FONT, color: { argb: 'FF8C8C8C' }, strike: true } : BODY_FONT;
      cell.alignment = WRAP_TOP;
      cell.border = GRID;
    });
    row.height = fittingHeight(texts.map((text, i) => ({ text, width: columns[i]!.hidden ? 200 : columns[i]!.width })));
  });
}

/** The editions annotations were made on, oldest first. */
function annotatedEditions(db: Db): number[] {
  return db.prepare('SELECT DISTINCT fiscal_year FROM annotations ORDER BY fiscal_year').pluck().all() as number[];
}

/** The hand-over file carries every edition's annotations, each with its edition (版). */
export function buildAnnotationWorkbook(db: Db): { workbook: ExcelJS.Workbook; annotations: number; replies: number } {
  const views = annotatedEditions(db).flatMap((edition) => listAnnotationViews(db, { edition, includeDeleted: true }));
  const replies = views.flatMap((annotation) => annotation.replies.map((r) => ({ ...r, annotation })));
  const exportedAt = nowIso();
  const wb = new ExcelJS.Workbook();
  wb.creator = '協議会デスク';
  wb.created = new Date(exportedAt);
  const main = wb.addWorksheet(ANNOTATION_SHEET);
  writeSheet(main, ANNOTATION_COLUMNS, views, (a) => a.deletedAt !== null);
  setupPrint(main, '注釈一覧');
  writeSheet(wb.addWorksheet(REPLY_SHEET), REPLY_COLUMNS, replies, (r) => r.deletedAt !== null);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  for (const [k, v] of Object.entries({ format: ANNOTATION_FORMAT, exportedAt, appVersion: APP_VERSION })) meta.addRow([k, v]);
  return { workbook: wb, annotations: views.length, replies: replies.length };
}

export function annotationFileName(date: string): string {
  return `注釈_${date.slice(0, 10)}.xlsx`;
}

/** Write the workbook to `outPath`, or return it as base64 when no path is given (web host). */
export async function exportAnnotations(db: Db, outPath?: string): Promise<AnnotationExportResult> {
  const { workbook, annotations, replies } = buildAnnotationWorkbook(db);
  const fileName = outPath ? (outPath.split(/[\\/]/).pop() ?? outPath) : annotationFileName(nowIso());
  if (outPath) {
    await writeWorkbookFile(workbook, outPath);
    return { file: outPath, fileName, dataBase64: null, annotations, replies };
  }
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return { file: null, fileName, dataBase64: data.toString('base64'), annotations, replies };
}

// ---- reading a shared file back ----

interface Table {
  sheet: SheetGrid;
  headerRow: number;
  col: (header: string) => number | undefined;
}

/**
 * The sheet whose header row (in the first rows) has all the `required` headers and none of the
 * `excluded` ones. Found by headers, not by name or order: people rename and move sheets.
 */
function findTable(wb: ParsedWorkbook, required: readonly string[], excluded: readonly string[] = []): Table | null {
  for (const sheet of wb.sheets) {
    for (const r of sheet.rows.slice(0, 5)) {
      const cols = new Map(r.cells.map((t, i) => [t.trim(), i] as const));
      if (required.every((h) => cols.has(h)) && !excluded.some((h) => cols.has(h)))
        return { sheet, headerRow: r.row, col: (h) => cols.get(h) };
    }
  }
  return null;
}

/** Records written before editions name the actions field `r7`. */
function legacyFieldNames(json: unknown): unknown {
  return json && typeof json === 'object' && (json as { field?: unknown }).field === 'r7' ? { ...json, field: 'actions' } : json;
}

function parseRecord<S extends z.ZodType>(schema: S, text: string, where: string): z.output<S> {
  let json: unknown;
  try {
    json = legacyFieldNames(JSON.parse(text));
  } catch {
    throw new AppError('bad_request', `${where}: 記録の列が読めません(JSON として壊れています)。`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'bad_request',
      `${where}: 記録の内容が正しくありません(${issue?.path.join('.') || '全体'}: ${issue?.message ?? ''})。`,
    );
  }
  return parsed.data;
}

/** Times as toISOString() writes them, so that comparing two copies as strings is comparing times. */
function canonicalTimes<T extends { createdAt: string; updatedAt: string; deletedAt: string | null }>(v: T): T {
  const iso = (s: string) => new Date(s).toISOString();
  return { ...v, createdAt: iso(v.createdAt), updatedAt: iso(v.updatedAt), deletedAt: v.deletedAt && iso(v.deletedAt) };
}

/** Each data row's id and record cells, with its place for messages. */
function* recordRows(t: Table, idHeader: string, file: string) {
  const idCol = t.col(idHeader)!;
  const recordCol = t.col(RECORD_HEADER)!;
  for (const r of t.sheet.rows) {
    if (r.row <= t.headerRow) continue;
    const id = (r.cells[idCol] ?? '').trim();
    const text = (r.cells[recordCol] ?? '').trim();
    if (!id && !text) continue;
    yield { row: r, id, text, where: `${file} の「${t.sheet.name}」シート ${r.row} 行目` };
  }
}

/**
 * The annotations a shared file carries, checked completely before anything is merged: a file with
 * one bad row is refused whole, so a merge never takes half a file.
 */
export function readAnnotationFile(
  wb: ParsedWorkbook,
  file: string,
  currentEdition: number,
): { annotations: Annotation[]; warnings: string[] } {
  const main = findTable(wb, [ID_HEADER, RECORD_HEADER], [REPLY_ID_HEADER]);
  if (!main) {
    throw new AppError(
      'bad_request',
      `${file}: 注釈の書き出しファイルではありません(「${ID_HEADER}」と「${RECORD_HEADER}」の列がある「${ANNOTATION_SHEET}」シートが見つかりません)。協議会デスクの「注釈を書き出す」で作ったファイルを指定してください。`,
    );
  }
  const warnings: string[] = [];
  const byId = new Map<string, Annotation>();
  const commentCol = main.col('コメント');
  let handEdited = 0;
  for (const { row, id, text, where } of recordRows(main, ID_HEADER, file)) {
    const core = canonicalTimes(parseRecord(AnnotationCoreSchema, text, where));
    if (core.id !== id) throw new AppError('bad_request', `${where}: ${ID_HEADER}(${id})と記録の ID(${core.id})が一致しません。`);
    if (byId.has(id)) throw new AppError('bad_request', `${where}: 同じ注釈(${id})が2回あります。`);
    if (commentCol !== undefined && (row.cells[commentCol] ?? '').replace(/\r\n?/g, '\n') !== core.comment) handEdited += 1;
    // A record written before editions names none: it was made on the plan then held, imported into the current edition.
    byId.set(id, { ...core, fiscalYear: core.fiscalYear ?? currentEdition, carriedFrom: core.carriedFrom ?? null, replies: [] });
  }
  const replyTable = findTable(wb, [ID_HEADER, REPLY_ID_HEADER, RECORD_HEADER]);
  if (replyTable) {
    for (const { row, id, text, where } of recordRows(replyTable, REPLY_ID_HEADER, file)) {
      const reply = canonicalTimes(parseRecord(AnnotationReplySchema, text, where));
      if (reply.id !== id) throw new AppError('bad_request', `${where}: ${REPLY_ID_HEADER}(${id})と記録の ID(${reply.id})が一致しません。`);
      const parent = byId.get((row.cells[replyTable.col(ID_HEADER)!] ?? '').trim());
      if (!parent) throw new AppError('bad_request', `${where}: 返信の元の注釈がこのファイルにありません。`);
      parent.replies.push(reply);
    }
  }
  if (handEdited) {
    warnings.push(
      `${file}: コメントの列が ${handEdited} 件、書き出した後に Excel で書き換えられています。取り込みには記録の列(書き出し時の内容)を使いました。コメントの変更は協議会デスクで行ってください。`,
    );
  }
  if (wb.formulas.length)
    warnings.push(
      `${file}: 数式のセルが ${wb.formulas.length} 件あります(${wb.formulas.slice(0, 5).join('、')})。数式は使わず、記録の列を読み込みました。`,
    );
  return { annotations: [...byId.values()], warnings };
}

/**
 * Annotations one shared file may carry. A council's reviewers write hundreds, perhaps a few
 * thousand; the cap keeps a hostile or runaway file from costing gigabytes (60,000 rows took 3.4 GB
 * before it was refused or merged). Checked on the sheet XML before exceljs builds any cell.
 */
export const ANNOTATION_FILE_MAX = 20_000;
const ANNOTATION_CAPS: SheetCaps = {
  maxRows: ANNOTATION_FILE_MAX + 1, // the header row
  maxCells: SHEET_CAPS.maxCells,
  note: `注釈ファイルは 1 つあたり ${ANNOTATION_FILE_MAX.toLocaleString('en-US')} 件までです。`,
};

/** Check, parse (in the guarded worker), validate and merge one shared file. */
export async function importAnnotationFile(
  db: Db,
  name: string,
  bytes: Buffer,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<AnnotationImportOutcome> {
  try {
    checkContainer(bytes, name);
  } catch (err) {
    if (err instanceof ZipCheckError) throw new AppError('bad_request', err.message);
    throw err;
  }
  const parsed = await parseInWorker(bytes, name, limits, ANNOTATION_CAPS);
  const { annotations, warnings } = readAnnotationFile(parsed, name, annotationEdition(db));
  warnings.unshift(...parsed.warnings);
  const unknown = [...new Set(annotations.map((a) => a.itemKey).filter((key) => !findItemRow(db, key)))];
  if (unknown.length) {
    warnings.push(
      `${name}: このデータベースにない項目(${unknown.slice(0, 5).join('、')}${unknown.length > 5 ? ' ほか' : ''})の注釈があります。元の文言とともに「元の文言なし」として保存しました。`,
    );
  }
  const merged = mergeAnnotations(db, annotations, `import:${name}`);
  return { file: name, error: null, ...merged, warnings };
}
