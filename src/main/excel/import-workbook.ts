// Stage a returned workbook: check the bytes, parse them in a worker, find the answers, align the
// rows with the plan, and record a batch of per-cell changes with their three-way merge. The plan
// itself is not touched (see store/import-store.ts for decide / apply / discard).
import { createHash } from 'node:crypto';
import { isMinistryCode, MINISTRY_NAMES, type Bullet, type MinistryCode } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { parseFieldValue } from '../../shared/item-fields';
import { bulletsToCell, cellToBullets, cellToNote } from '../../shared/merge/cell-text';
import type { Db } from '../store/database';
import { findBatchBySha, insertBatch, type StagedChange } from '../store/import-store';
import { listItems } from '../store/plan-store';
import { alignRows } from './align-rows';
import { findAnswerSheet, type AnswerSheet } from './answer-sheet';
import { parseInWorker, DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-in-worker';
import { checkXlsxBytes } from './zip-check';

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
}

/** Base values of a known export: key → field → cell text. */
function exportBases(db: Db, exportId: string): Map<string, Map<string, string>> {
  const rows = db.prepare('SELECT item_key, field, value FROM export_values WHERE export_id = ?').all(exportId) as {
    item_key: string;
    field: 'r7' | 'future' | 'comment';
    value: string;
  }[];
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const text = r.field === 'comment' ? r.value : bulletsToCell(parseFieldValue(r.field, r.value) as Bullet[]);
    const m = out.get(r.item_key) ?? new Map<string, string>();
    m.set(r.field, text);
    out.set(r.item_key, m);
  }
  return out;
}

function resolveMinistry(sheet: AnswerSheet, file: string, expected: MinistryCode | undefined): MinistryCode | null {
  const declared = sheet.meta?.ministry;
  if (declared !== undefined && !isMinistryCode(declared)) throw new AppError('bad_request', `${file}: 管理情報の府省コード「${declared}」が不明です。`);
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
    throw new AppError('conflict', `${name}: このファイルは既に取り込まれています(取込バッチ #${previous.id}「${previous.file_name}」、${state})。同じファイルを二重に反映することはできません。`);
  }
  const { warnings: zipWarnings } = checkXlsxBytes(bytes, name);
  const parsed = await parseInWorker(bytes, name, opts.limits ?? DEFAULT_PARSE_LIMITS);
  const sheet = findAnswerSheet(parsed, name);
  const ministry = resolveMinistry(sheet, name, opts.ministry);
  const warnings = [...zipWarnings];

  let exportRecord: ExportRecord | undefined;
  if (sheet.meta) {
    exportRecord = db.prepare('SELECT id, ministry FROM exports WHERE id = ?').get(sheet.meta.exportId) as ExportRecord | undefined;
    if (exportRecord && exportRecord.ministry !== ministry) {
      throw new AppError('bad_request', `${name}: 管理情報の府省(${ministry ?? 'なし'})が出力記録(${exportRecord.ministry ?? 'なし'})と一致しません。ファイルが改変されている可能性があります。`);
    }
    if (!exportRecord) {
      warnings.push(`${name}: このファイルの出力記録(出力番号 ${sheet.meta.exportId})がこのデータベースにありません(他の環境で出力されたファイルなど)。出力時の値が分からないため、現在の値との二者比較で差分を示します。`);
    }
  } else if (sheet.layout === 'ministry') {
    warnings.push(`${name}: 管理情報(_meta シート)がありません。出力時の値が分からないため、現在の値との二者比較で差分を示します。`);
  } else {
    warnings.push(`${name}: 協議会資料(3列)の形式として読み込みました。管理番号がないため区分・番号・小項目名で対応付け、現在の値との二者比較で差分を示します。`);
  }
  if (sheet.layout === 'ministry' && !sheet.hasKeyColumn) {
    warnings.push(`${name}: 管理番号の列がありません。区分と小項目名で行を対応付けました。`);
  }
  if (parsed.formulas.length) {
    warnings.push(`${name}: 数式のセルが ${parsed.formulas.length} 件あります(${parsed.formulas.slice(0, 5).join('、')})。保存されていた計算結果を値として読み込みました。`);
  }

  const bases = exportRecord ? exportBases(db, exportRecord.id) : null;
  const expectedKeys = bases ? [...bases.keys()] : (sheet.meta?.keys ?? null);
  const alignment = alignRows(sheet.rows, listItems(db), { file: name, ministry, expectedKeys });
  warnings.push(...alignment.warnings);

  const changes: StagedChange[] = [];
  let inferred = 0;
  for (const { row, item } of alignment.aligned) {
    const base = bases?.get(item.key);
    for (const field of ['r7', 'future'] as const) {
      const parsedCell = cellToBullets(row[field]);
      inferred += parsedCell.inferredStarts;
      changes.push({ key: item.key, field, row: row.row, base: base?.get(field) ?? null, theirs: bulletsToCell(parsedCell.bullets) });
    }
    if (sheet.hasCommentColumn && row.comment) {
      changes.push({ key: item.key, field: 'comment', row: row.row, base: base ? (base.get('comment') ?? '') : '', theirs: cellToNote(row.comment) });
    }
  }
  if (inferred) {
    warnings.push(`${name}: 「・」で始まらない行が ${inferred} 行あり、前の行が文末(。)で終わっていたため新しい箇条書きとして読みました。`);
  }
  const batch = insertBatch(db, {
    fileName: name,
    sha256,
    layout: sheet.layout,
    ministry,
    exportId: exportRecord?.id ?? null,
    report: { warnings, proposals: alignment.proposals },
    changes,
  });
  return { batch, ministry, warnings };
}
