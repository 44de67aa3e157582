// Stage a returned workbook: check the bytes, parse them in a worker, find the answers, align the
// rows with the plan, and record a batch of per-cell changes with their three-way merge. The plan
// itself is not touched (see store/import-store.ts for decide / apply / discard).
import { createHash } from 'node:crypto';
import { isMinistryCode, MINISTRY_NAMES, type Bullet, type MinistryCode } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { BatchReport } from '../../shared/imports';
import { bulletsToCell, cellToBullets, cellToNote } from '../../shared/merge/cell-text';
import { editionLabel } from '../../shared/editions/fiscal-year';
import { draftItems, requireDraft } from '../editions/draft-edition';
import type { Db } from '../store/database';
import { changeToken, findBatchBySha, insertBatch, readOursAhead, type StagedChange } from '../store/import-store';
import { alignRows, type AlignItem } from './align-rows';
import { findAnswerSheet, type AnswerSheet, type FileMeta } from './answer-sheet';
import { metaDigest } from './layout';
import { parseInWorker, DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-in-worker';
import { checkContainer, ZipCheckError } from './zip-check';

export interface StageOptions {
  /** The ministry the secretariat expects this file from; a file for another one is refused. */
  ministry?: MinistryCode;
  limits?: ParseLimits;
}

export interface StagedFile {
  batch: number;
  ministry: MinistryCode | null;
  warnings: string[];
}

interface ExportRecord {
  id: string;
  ministry: string | null;
  draft_year: number | null;
}

type Field = 'actions' | 'future' | 'comment';
type Bases = Map<string, Map<Field, string>>;

/** Base values of a known export: key → field → cell text. */
function exportBases(db: Db, exportId: string): Bases {
  const rows = db.prepare('SELECT item_key, field, value FROM export_values WHERE export_id = ?').raw().all(exportId) as [
    string,
    Field,
    string,
  ][];
  const out: Bases = new Map();
  for (const [key, field, value] of rows) {
    // The values were written by exportMinistry from stored, validated bullets (serializeField).
    const text = field === 'comment' ? value : bulletsToCell(JSON.parse(value) as Bullet[]);
    let m = out.get(key);
    if (!m) out.set(key, (m = new Map()));
    m.set(field, text);
  }
  return out;
}

/**
 * Base values carried by the file's own _meta sheet, read as the answer cells are read, so that an
 * untouched cell compares equal to its base. Null when the sheet carries no values, or when they do
 * not match the digest written beside them at export (then a warning says why they were not used).
 */
function fileBases(meta: FileMeta, file: string, warnings: string[]): Bases | null {
  if (!meta.bases) return null;
  const rows = [...meta.bases].map(([key, v]) => ({ key, ...v }));
  if (meta.basesDigest && meta.basesDigest !== metaDigest(rows)) {
    warnings.push(
      `${file}: 管理情報(_meta シート)に書かれた出力時の値が、出力時の内容と一致しません(シートが編集されたか、壊れている可能性があります)。出力時の値として使わず、現在の値との二者比較で差分を示します。`,
    );
    return null;
  }
  const out: Bases = new Map();
  for (const r of rows) {
    out.set(
      r.key,
      new Map<Field, string>([
        ['actions', bulletsToCell(cellToBullets(r.actions).bullets)],
        ['future', bulletsToCell(cellToBullets(r.future).bullets)],
        ['comment', cellToNote(r.comment)],
      ]),
    );
  }
  return out;
}

/** What alignment needs of a draft edition's items. */
function draftAlignItems(db: Db, fiscalYear: number): AlignItem[] {
  return [...draftItems(db, fiscalYear).values()].map((it) => ({
    key: it.key,
    major: it.major,
    middle: it.middle,
    label: it.label,
    title: it.title,
    ministries: it.ministries,
  }));
}

/** What alignment needs of every item, in one light query (listItems builds whole summaries). */
function alignItems(db: Db): AlignItem[] {
  const rows = db.prepare('SELECT key, major, middle, label, title, ministries FROM items ORDER BY position').raw().all() as [
    string,
    number,
    number,
    string,
    string,
    string,
  ][];
  return rows.map(([key, major, middle, label, title, ministries]) => ({
    key,
    major,
    middle,
    label,
    title,
    ministries: JSON.parse(ministries) as MinistryCode[],
  }));
}

function resolveMinistry(sheet: AnswerSheet, file: string, expected: MinistryCode | undefined): MinistryCode | null {
  const declared = sheet.meta?.ministry;
  if (declared !== undefined && !isMinistryCode(declared))
    throw new AppError('bad_request', `${file}: 管理情報の府省コード「${declared}」が不明です。`);
  if (expected && declared && declared !== expected) {
    throw new AppError(
      'bad_request',
      `${file}: このファイルは${MINISTRY_NAMES[declared]}(${declared})向けに出力した回答票です。${MINISTRY_NAMES[expected]}(${expected})の回答として取り込むことはできません。`,
    );
  }
  return (declared as MinistryCode | undefined) ?? expected ?? null;
}

export async function stageWorkbook(db: Db, name: string, bytes: Buffer, opts: StageOptions = {}): Promise<StagedFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const previous = findBatchBySha(db, sha256);
  if (previous) {
    const state = previous.status === 'applied' ? '反映済み' : '取込待ち';
    throw new AppError(
      'conflict',
      `${name}: このファイルは既に取り込まれています(取込バッチ #${previous.id}「${previous.file_name}」、${state})。同じファイルを二重に反映することはできません。`,
    );
  }
  // The cheap checks here, so the usual mistakes fail at once; the worker repeats them, then inflates
  // every entry under its cap before exceljs sees anything (zip-check.ts).
  try {
    checkContainer(bytes, name);
  } catch (err) {
    if (err instanceof ZipCheckError) throw new AppError('bad_request', err.message);
    throw err;
  }
  const parsing = parseInWorker(bytes, name, opts.limits ?? DEFAULT_PARSE_LIMITS);
  // While the worker parses, read what does not depend on the file. The store snapshot is used only
  // if nothing is written before the batch is recorded (insertBatch checks).
  let items: AlignItem[];
  let ahead: ReturnType<typeof readOursAhead>;
  try {
    items = alignItems(db);
    ahead = readOursAhead(db);
  } catch (err) {
    parsing.catch(() => undefined);
    throw err;
  }
  const parsed = await parsing;
  if (ahead.token !== changeToken(db)) items = alignItems(db);
  const sheet = findAnswerSheet(parsed, name);
  const ministry = resolveMinistry(sheet, name, opts.ministry);
  const warnings = [...parsed.warnings];

  let exportRecord: ExportRecord | undefined;
  let bases: Bases | null = null;
  let baseSource: BatchReport['baseSource'] = 'none';
  if (sheet.meta) {
    exportRecord = db.prepare('SELECT id, ministry, draft_year FROM exports WHERE id = ?').get(sheet.meta.exportId) as
      ExportRecord | undefined;
    if (exportRecord && exportRecord.ministry !== ministry) {
      throw new AppError(
        'bad_request',
        `${name}: 管理情報の府省(${ministry ?? 'なし'})が出力記録(${exportRecord.ministry ?? 'なし'})と一致しません。ファイルが改変されている可能性があります。`,
      );
    }
    if (exportRecord) {
      bases = exportBases(db, exportRecord.id);
      baseSource = 'export';
    } else {
      bases = fileBases(sheet.meta, name, warnings);
      if (bases) {
        baseSource = 'file';
        warnings.push(
          `${name}: このファイルの出力記録(出力番号 ${sheet.meta.exportId})がこのデータベースにありません(他の環境で出力されたファイルなど)。出力時の値は、このデータベースの出力記録ではなく、ファイル内の管理情報(_meta シート)から取りました。府省の変更と事務局の変更の区別はその値に基づきます。`,
        );
      } else {
        warnings.push(
          `${name}: このファイルの出力記録(出力番号 ${sheet.meta.exportId})がこのデータベースにありません(他の環境で出力されたファイルなど)。出力時の値が分からないため、現在の値との二者比較で差分を示します。`,
        );
      }
    }
  } else if (sheet.layout === 'ministry') {
    warnings.push(`${name}: 管理情報(_meta シート)がありません。出力時の値が分からないため、現在の値との二者比較で差分を示します。`);
  } else {
    warnings.push(
      `${name}: 協議会資料(3列)の形式として読み込みました。管理番号がないため区分・番号・小項目名で対応付け、現在の値との二者比較で差分を示します。`,
    );
  }
  if (sheet.layout === 'ministry' && !sheet.hasKeyColumn) {
    warnings.push(`${name}: 管理番号の列がありません。区分と小項目名で行を対応付けました。`);
  }
  if (parsed.formulas.length) {
    warnings.push(
      `${name}: 数式のセルが ${parsed.formulas.length} 件あります(${parsed.formulas.slice(0, 5).join('、')})。保存されていた計算結果を値として読み込みました。`,
    );
  }

  // A draft edition's workbook merges into the draft, and only while it is one.
  const draftYear = exportRecord ? exportRecord.draft_year : (sheet.meta?.draftYear ?? null);
  if (draftYear !== null) {
    requireDraft(db, draftYear, `${name}(${editionLabel(draftYear)}の照会の回答票)を取り込む`);
    items = draftAlignItems(db, draftYear);
  }

  const expectedKeys = bases ? [...bases.keys()] : (sheet.meta?.keys ?? null);
  const alignment = alignRows(sheet.rows, items, { file: name, ministry, expectedKeys });
  warnings.push(...alignment.warnings);

  const changes: StagedChange[] = [];
  let inferred = 0;
  for (const { row, item } of alignment.aligned) {
    const base = bases?.get(item.key);
    for (const field of ['actions', 'future'] as const) {
      const parsedCell = cellToBullets(row[field]);
      inferred += parsedCell.inferredStarts;
      changes.push({ key: item.key, field, row: row.row, base: base?.get(field) ?? null, theirs: bulletsToCell(parsedCell.bullets) });
    }
    if (sheet.hasCommentColumn && row.comment) {
      changes.push({
        key: item.key,
        field: 'comment',
        row: row.row,
        base: base ? (base.get('comment') ?? '') : '',
        theirs: cellToNote(row.comment),
      });
    }
  }
  if (inferred) {
    warnings.push(`${name}: 「・」で始まらない行が ${inferred} 行あり、前の行が文末(。)で終わっていたため新しい箇条書きとして読みました。`);
  }
  const batch = insertBatch(
    db,
    {
      fileName: name,
      sha256,
      layout: sheet.layout,
      ministry,
      exportId: exportRecord?.id ?? null,
      report: { warnings, proposals: alignment.proposals, baseSource },
      changes,
      draftYear,
    },
    ahead,
  );
  return { batch, ministry, warnings };
}
