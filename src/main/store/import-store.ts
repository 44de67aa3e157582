// Staged import batches: what a returned file proposes, cell by cell, and the decisions taken on it.
// Nothing here touches the plan until applyBatch(), which takes a backup, then writes every accepted
// cell through writeField (so each change is a revision naming the file and batch) in one transaction.
// A cell whose store value moved after its decision was taken (even during the backup) is not
// written: it becomes a conflict again and its batch stays staged with it.
import { currentFiscalYear } from './edition-store';
import { fieldLabel } from '../../shared/fields';
import type { Bullet, MinistryCode } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type {
  AnswerFieldName,
  ApplyResult,
  BatchDetail,
  BatchItemChanges,
  BatchReport,
  BatchSummary,
  CellChange,
  CellRef,
  Decision,
} from '../../shared/imports';
import { parseFieldValue } from '../../shared/item-fields';
import { BulletsSchema } from '../../shared/item-schemas';
import { bulletsToCell, cellToBullets, cellToNote } from '../../shared/merge/cell-text';
import { BULK_DECIDED_KINDS, losesText, mergeCell, proposesChange, type MergeKind } from '../../shared/merge/three-way';
import { backupDatabase, writeAfterBackup } from './backups';
import type { Db } from './database';
import type { Statement } from 'better-sqlite3';
import { bulletsByItem } from '../excel/bulk-items';
import { nowIso, writeField } from './plan-store';
import { draftItems, requireDraft, writeDraftField } from '../editions/draft-edition';

interface BatchRow {
  id: number;
  file_name: string;
  sha256: string;
  layout: 'ministry' | 'table';
  ministry: string | null;
  export_id: string | null;
  status: BatchSummary['status'];
  report: string;
  backup: string | null;
  created_at: string;
  applied_at: string | null;
  draft_year: number | null;
}

interface ChangeRow {
  id: number;
  batch_id: number;
  item_key: string;
  field: AnswerFieldName;
  row: number;
  kind: MergeKind;
  two_way: number;
  reason: string | null;
  base: string | null;
  ours: string;
  theirs: string;
  decision: Decision | null;
  edited: string | null;
  applied_at: string | null;
}

/** A change as staged: values as cell text (bullets as `・` lines; the note as plain text). */
export interface StagedChange {
  key: string;
  field: AnswerFieldName;
  row: number;
  base: string | null;
  theirs: string;
}

export interface NewBatch {
  fileName: string;
  sha256: string;
  layout: 'ministry' | 'table';
  ministry: MinistryCode | null;
  exportId: string | null;
  report: BatchReport;
  changes: StagedChange[];
  /** The draft edition the answers merge into; null or absent: the live plan. */
  draftYear?: number | null;
}

/**
 * Something that moves whenever the database may have changed: a write on this connection
 * (total_changes) or a commit by another one (data_version).
 */
export function changeToken(db: Db): string {
  let statement = tokenStatements.get(db);
  if (!statement) {
    statement = db.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck();
    tokenStatements.set(db, statement);
  }
  return statement.get() as string;
}

/** Asked before and after every step of staging: prepared once per connection. */
const tokenStatements = new WeakMap<Db, Statement>();

/** The store's answer fields read at one moment, valid while nothing is written (`token`). */
export interface OursSnapshot {
  token: string;
  /** Whose fields: a draft edition's (its fiscal year), or the live plan's (null). */
  target: number | null;
  read: (key: string, field: AnswerFieldName) => string;
}

/**
 * The last snapshot read on each connection. Staging a file and then showing its batch (getBatch,
 * listBatches) compare against the same items: reading every item's bullets for each step cost
 * 45–90 ms a pass at 100× the plan, three passes for one CLI import. Any write moves the token, so a
 * stale snapshot is never used; writes that touch only the import tables re-stamp it (keepSnapshot).
 */
const snapshots = new WeakMap<Db, OursSnapshot>();

/**
 * The store's current answer fields as cell text, read in one query: the live plan's, or (target) a
 * draft edition's. Notes are not in the plan: ''.
 */
function oursReader(db: Db, target: number | null): (key: string, field: AnswerFieldName) => string {
  const token = changeToken(db);
  const cached = snapshots.get(db);
  if (cached?.token === token && cached.target === target) return cached.read;
  const all: Map<string, { actions: Bullet[]; future: Bullet[] }> = target === null ? bulletsByItem(db) : draftItems(db, target);
  const read = (key: string, field: AnswerFieldName) => (field === 'comment' ? '' : bulletsToCell(all.get(key)?.[field] ?? []));
  snapshots.set(db, { token, target, read });
  return read;
}

/** After writing the import tables only (never the plan), the snapshot read before them still holds. */
function keepSnapshot(db: Db, target: number | null, read: OursSnapshot['read']): void {
  snapshots.set(db, { token: changeToken(db), target, read });
}

/** The live plan's answer fields read ahead (while a worker parses the file), valid while nothing is written. */
export function readOursAhead(db: Db): OursSnapshot {
  const token = changeToken(db);
  return { token, target: null, read: oursReader(db, null) };
}

/**
 * What the other staged batches for the same target (the live plan, or a draft edition) propose, by
 * `key/field`: to spot ministries that disagree.
 */
function pendingProposals(db: Db, target: number | null): Map<string, { batch: number; theirs: string }[]> {
  const rows = db
    .prepare(
      `SELECT c.batch_id, c.item_key, c.field, c.theirs, c.kind FROM import_changes c JOIN import_batches b ON b.id = c.batch_id
       WHERE b.status = 'staged' AND b.draft_year IS ? AND c.applied_at IS NULL AND c.field <> 'comment'
         AND c.kind IN ('theirs', 'conflict', 'same', 'ours', 'cleared', 'shrunk')`,
    )
    .all(target) as { batch_id: number; item_key: string; field: string; theirs: string; kind: MergeKind }[];
  const out = new Map<string, { batch: number; theirs: string }[]>();
  for (const r of rows) {
    // 'ours' and 'same' rows propose nothing new, but a merged row may have been one before: only
    // real proposals count.
    if (!proposesChange(r.kind)) continue;
    const k = `${r.item_key}/${r.field}`;
    const list = out.get(k);
    if (list) list.push({ batch: r.batch_id, theirs: r.theirs });
    else out.set(k, [{ batch: r.batch_id, theirs: r.theirs }]);
  }
  return out;
}

function batchRow(db: Db, id: number): BatchRow {
  const row = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
  if (!row) throw new AppError('not_found', `取込バッチが見つかりません: #${id}`);
  return row;
}

export function findBatchBySha(db: Db, sha256: string): BatchRow | undefined {
  return db.prepare("SELECT * FROM import_batches WHERE sha256 = ? AND status <> 'discarded'").get(sha256) as BatchRow | undefined;
}

/**
 * Classify one cell against the store as it is now, and against what other pending batches propose
 * for the same cell: two ministries answering one shared item differently is a conflict.
 */
function classify(
  c: Pick<ChangeRow, 'batch_id' | 'item_key' | 'field' | 'base' | 'theirs'>,
  ours: string,
  pending: Map<string, { batch: number; theirs: string }[]>,
): { kind: MergeKind; twoWay: boolean; reason: string | null } {
  const m = mergeCell({ base: c.base, theirs: c.theirs, ours });
  if (m.kind === 'conflict') return { ...m, reason: m.twoWay ? 'no_base' : null };
  if (c.field !== 'comment' && m.kind === 'theirs') {
    const others = pending.get(`${c.item_key}/${c.field}`) ?? [];
    if (others.some((o) => o.batch !== c.batch_id && o.theirs !== c.theirs)) {
      return { kind: 'conflict', twoWay: m.twoWay, reason: 'ministries_disagree' };
    }
  }
  return { ...m, reason: null };
}

/**
 * Record a staged batch, each cell classified against the store. `ahead`, the store read before the
 * transaction, is used only if nothing has been written since; otherwise the store is read again.
 */
export function insertBatch(db: Db, b: NewBatch, ahead?: OursSnapshot): number {
  return db
    .transaction(() => {
      const target = b.draftYear ?? null;
      const ours = ahead && ahead.target === target && ahead.token === changeToken(db) ? ahead.read : oursReader(db, target);
      const id = Number(
        db
          .prepare(
            `INSERT INTO import_batches (file_name, sha256, layout, ministry, export_id, status, report, created_at, draft_year)
           VALUES (?, ?, ?, ?, ?, 'staged', ?, ?, ?)`,
          )
          .run(b.fileName, b.sha256, b.layout, b.ministry, b.exportId, JSON.stringify(b.report), nowIso(), target).lastInsertRowid,
      );
      const insert = db.prepare(
        `INSERT INTO import_changes (batch_id, item_key, field, row, kind, two_way, reason, base, ours, theirs)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const pending = pendingProposals(db, target);
      const touched = new Set<string>();
      for (const c of b.changes) {
        const o = ours(c.key, c.field);
        const k = classify({ batch_id: id, item_key: c.key, field: c.field, base: c.base, theirs: c.theirs }, o, pending);
        if (k.kind === 'unchanged') continue;
        insert.run(id, c.key, c.field, c.row, k.kind, k.twoWay ? 1 : 0, k.reason, c.base, o, c.theirs);
        if (proposesChange(k.kind)) touched.add(c.key);
      }
      // Other batches proposing for the same cells may now disagree with this one. Nothing in the plan
      // moved since `ours` was read: same transaction.
      if (touched.size) refreshStaged(db, { onlyKeys: touched, target, oursOf: ours });
      keepSnapshot(db, target, ours);
      return id;
    })
    .immediate();
}

interface RefreshScope {
  /** Only the cells of these items. */
  onlyKeys?: Set<string>;
  /** Only the batches of this target (the live plan: null, or a draft edition), read with `oursOf`. */
  target?: number | null;
  /** A reader the caller knows to be current for `target` (insertBatch, same transaction). */
  oursOf?: (key: string, field: AnswerFieldName) => string;
}

/**
 * Re-classify the cells of every staged batch against the store now: the live plan, or for a draft's
 * batches the draft. A cell whose store value moved since staging loses its decision: it was taken on
 * a value that no longer exists. Batches of a draft that was published or discarded are left as they
 * are (applying them is refused).
 */
export function refreshStaged(db: Db, scope: RefreshScope = {}): void {
  const rows = (
    db
      .prepare(
        `SELECT c.*, b.draft_year FROM import_changes c JOIN import_batches b ON b.id = c.batch_id
         WHERE b.status = 'staged' AND c.applied_at IS NULL`,
      )
      .all() as (ChangeRow & { draft_year: number | null })[]
  ).filter((r) => (!scope.onlyKeys || scope.onlyKeys.has(r.item_key)) && (scope.target === undefined || r.draft_year === scope.target));
  const targets = [...new Set(rows.map((r) => r.draft_year))];
  const update = db.prepare(UPDATE_CLASS);
  for (const target of targets) {
    // Which items exist, in one query: asking per row (a statement prepared each time) took ~0.5 s
    // for a batch of 8,600 cells, on every listing of the batches.
    const existing = new Set(
      (target === null
        ? db.prepare('SELECT key FROM items').pluck().all()
        : db
            .prepare(
              "SELECT key FROM edition_items WHERE fiscal_year = ? AND fiscal_year IN (SELECT fiscal_year FROM editions WHERE status = 'draft')",
            )
            .pluck()
            .all(target)) as string[],
    );
    if (!existing.size) continue;
    const oursOf = scope.oursOf && scope.target === target ? scope.oursOf : oursReader(db, target);
    const pending = pendingProposals(db, target);
    for (const r of rows) {
      if (r.draft_year === target && existing.has(r.item_key)) reclassify(update, r, oursOf(r.item_key, r.field), pending);
    }
    // Only import_changes was written: the store is as it was read.
    keepSnapshot(db, target, oursOf);
  }
}

/** Classify a staged cell against the store value now; true when that value moved since staging. */
function reclassify(update: Statement, r: ChangeRow, ours: string, pending: Map<string, { batch: number; theirs: string }[]>): boolean {
  const k = classify(r, ours, pending);
  const moved = ours !== r.ours;
  // Once a conflict because the store moved, it stays one for that reason until decided.
  const reason = k.kind === 'conflict' && (moved || r.reason === 'changed_since_staging') ? 'changed_since_staging' : k.reason;
  if (k.kind !== r.kind || reason !== r.reason || moved) {
    update.run(k.kind, k.twoWay ? 1 : 0, reason, ours, moved ? null : r.decision, moved ? null : r.edited, r.id);
  }
  return moved;
}

const UPDATE_CLASS = 'UPDATE import_changes SET kind = ?, two_way = ?, reason = ?, ours = ?, decision = ?, edited = ? WHERE id = ?';

function toChange(r: ChangeRow): CellChange {
  return {
    id: r.id,
    key: r.item_key,
    field: r.field,
    row: r.row,
    kind: r.kind,
    twoWay: r.two_way === 1,
    reason: r.reason,
    base: r.base,
    ours: r.ours,
    theirs: r.theirs,
    decision: r.decision,
    edited: r.edited,
    applied: r.applied_at !== null,
  };
}

function summary(db: Db, b: BatchRow): BatchSummary {
  const counts = Object.fromEntries(
    (
      db.prepare('SELECT kind, COUNT(*) AS n FROM import_changes WHERE batch_id = ? GROUP BY kind').all(b.id) as {
        kind: MergeKind;
        n: number;
      }[]
    ).map((r) => [r.kind, r.n]),
  );
  const undecided = (
    db
      .prepare(
        "SELECT COUNT(*) AS n FROM import_changes WHERE batch_id = ? AND kind = 'conflict' AND decision IS NULL AND applied_at IS NULL",
      )
      .get(b.id) as { n: number }
  ).n;
  return {
    id: b.id,
    fileName: b.file_name,
    sha256: b.sha256,
    layout: b.layout,
    ministry: b.ministry as MinistryCode | null,
    exportId: b.export_id,
    status: b.status,
    createdAt: b.created_at,
    appliedAt: b.applied_at,
    backup: b.backup,
    counts,
    undecidedConflicts: b.status === 'staged' ? undecided : 0,
    draftYear: b.draft_year,
  };
}

export function listBatches(db: Db): BatchSummary[] {
  refreshStaged(db);
  return (db.prepare('SELECT * FROM import_batches ORDER BY id DESC').all() as BatchRow[]).map((b) => summary(db, b));
}

export function getBatch(db: Db, id: number): BatchDetail {
  const b = batchRow(db, id);
  if (b.status === 'staged') refreshStaged(db);
  // The item's label and title come with the rows (one statement, not one per item).
  const rows = db
    .prepare(
      `SELECT c.*, i.label AS item_label, i.title AS item_title FROM import_changes c LEFT JOIN items i ON i.key = c.item_key
       WHERE c.batch_id = ? ORDER BY i.position, c.item_key, CASE c.field WHEN 'actions' THEN 0 WHEN 'future' THEN 1 ELSE 2 END`,
    )
    .all(id) as (ChangeRow & { item_label: string | null; item_title: string | null })[];
  const items: BatchItemChanges[] = [];
  for (const r of rows) {
    let group = items.at(-1);
    if (group?.key !== r.item_key) {
      group = { key: r.item_key, label: r.item_label ?? '', title: r.item_title ?? '', changes: [] };
      items.push(group);
    }
    group.changes.push(toChange(r));
  }
  return { ...summary(db, batchRow(db, id)), report: JSON.parse(b.report) as BatchReport, items };
}

export interface DecisionInput {
  /** Omitted: every cell of the file. */
  key?: string;
  /** Omitted: every field of the item (or file). */
  field?: AnswerFieldName;
  decision: Decision;
  /** The edited cell text, for `edit` (one cell only). */
  value?: string;
}

function requireStaged(b: BatchRow): void {
  if (b.status !== 'staged') {
    const state = b.status === 'applied' ? '反映済み' : '破棄済み';
    throw new AppError('conflict', `取込バッチ #${b.id}(${b.file_name})は${state}のため変更できません。`);
  }
}

export function decide(db: Db, batchId: number, decisions: DecisionInput[]): BatchDetail {
  const b = batchRow(db, batchId);
  requireStaged(b);
  db.transaction(() => {
    for (const d of decisions) {
      if (d.decision === 'edit') {
        if (!d.key || !d.field || d.value === undefined)
          throw new AppError('bad_request', '編集した値で決める場合は、項目・欄・値をすべて指定してください。');
        if (d.field !== 'comment') BulletsSchema.parse(cellToBullets(d.value).bullets);
      }
      const where = ['batch_id = ?', 'applied_at IS NULL'];
      const params: (string | number)[] = [batchId];
      if (d.key) {
        where.push('item_key = ?');
        params.push(d.key);
      }
      if (d.field) {
        where.push('field = ?');
        params.push(d.field);
      }
      // A whole-file or whole-item choice applies to the cells that propose something, except those
      // that would empty or cut down a cell: taking those is a choice made on the cell itself.
      if (!d.key || !d.field) where.push(`kind IN (${BULK_DECIDED_KINDS.map((k) => `'${k}'`).join(', ')})`);
      const res = db
        .prepare(`UPDATE import_changes SET decision = ?, edited = ? WHERE ${where.join(' AND ')}`)
        .run(d.decision, d.decision === 'edit' ? (d.value ?? null) : null, ...params);
      if (
        d.key &&
        d.field &&
        res.changes === 0 &&
        db.prepare('SELECT 1 FROM import_changes WHERE batch_id = ? AND item_key = ? AND field = ?').get(batchId, d.key, d.field)
      ) {
        throw new AppError('conflict', `${d.key}の${fieldLabel(d.field, batchYear(db, b))}は反映済みのため、決定を変えられません。`);
      }
      if (d.key && res.changes === 0 && !(d.field === undefined && hasCells(db, batchId, d.key))) {
        throw new AppError(
          'not_found',
          `取込バッチ #${batchId} に ${d.key}${d.field ? `の${fieldLabel(d.field, batchYear(db, b))}` : ''}の変更はありません。`,
        );
      }
    }
  }).immediate();
  return getBatch(db, batchId);
}

/** The fiscal year that names a batch's actions field: its draft's, else the current edition's. */
function batchYear(db: Db, b: BatchRow): number | null {
  return b.draft_year ?? currentFiscalYear(db);
}

/** What a cell's decision writes: the new text, or null to keep the store as it is. */
function chosenText(c: ChangeRow): string | null {
  const decision = c.decision ?? (c.kind === 'theirs' ? 'theirs' : 'ours');
  if (decision === 'ours') return null;
  return decision === 'edit' ? (c.edited ?? '') : c.theirs;
}

function hasCells(db: Db, batchId: number, key: string): boolean {
  return db.prepare('SELECT 1 FROM import_changes WHERE batch_id = ? AND item_key = ?').get(batchId, key) !== undefined;
}

function unappliedChanges(db: Db, batchId: number): ChangeRow[] {
  return db.prepare('SELECT * FROM import_changes WHERE batch_id = ? AND applied_at IS NULL ORDER BY id').all(batchId) as ChangeRow[];
}

function undecidedConflictMessage(b: BatchRow, open: ChangeRow[], fiscalYear: number | null): string {
  const list = open
    .slice(0, 5)
    .map((c) => `${c.item_key} ${fieldLabel(c.field, fiscalYear)}`)
    .join('、');
  return `${b.file_name}(取込バッチ #${b.id})には、どちらを採るか決まっていない競合が ${open.length} 件あります(${list}${open.length > 5 ? ' ほか' : ''})。競合ごとに「府省の値」「現在の値」「編集した値」のいずれかを選んでから反映してください。`;
}

/** A draft's batch is applied to the draft only while it is one (not after it was published or discarded). */
function requireTarget(db: Db, b: BatchRow): void {
  if (b.draft_year !== null) requireDraft(db, b.draft_year, `${b.file_name}(取込バッチ #${b.id})の回答を反映する`);
}

export async function applyBatch(db: Db, batchId: number, author: string): Promise<ApplyResult> {
  const b = batchRow(db, batchId);
  requireStaged(b);
  requireTarget(db, b);
  refreshStaged(db);
  const open = unappliedChanges(db, batchId).filter((c) => c.kind === 'conflict' && c.decision === null);
  if (open.length) throw new AppError('conflict', undecidedConflictMessage(b, open, batchYear(db, b)));
  const backup = await backupDatabase(db, `before-import-${batchId}`);
  const source = `import:${b.file_name}#${batchId}`;
  let written = 0;
  let kept = 0;
  let notes = 0;
  const heldBack: CellRef[] = [];
  const untaken: CellRef[] = [];
  const write = db.transaction(() => {
    // Everything is read again inside the transaction: the backup let other writers in (this
    // process or another), so the decisions and the store may have moved since the checks above.
    requireStaged(batchRow(db, batchId));
    requireTarget(db, b);
    const target = b.draft_year;
    const now = nowIso();
    const oursNow = oursReader(db, target);
    const pending = pendingProposals(db, target);
    const reclass = db.prepare(UPDATE_CLASS);
    const done = db.prepare('UPDATE import_changes SET applied_at = ? WHERE id = ?');
    for (const c of unappliedChanges(db, batchId)) {
      const text = chosenText(c);
      const undecided = c.kind === 'conflict' && c.decision === null;
      // A cell is written only over the value its decision was taken against. One edited since
      // (even during the backup), or a conflict nobody has decided yet, is left for review.
      if (undecided || (text !== null && reclassify(reclass, c, oursNow(c.item_key, c.field), pending))) {
        heldBack.push({ key: c.item_key, field: c.field });
        continue;
      }
      done.run(now, c.id);
      if (text === null) {
        kept += 1;
        if (losesText(c.kind) && c.decision === null) untaken.push({ key: c.item_key, field: c.field });
        continue;
      }
      if (c.field === 'comment') {
        const note = cellToNote(text);
        if (note) {
          db.prepare('INSERT INTO ministry_notes (item_key, ministry, batch_id, text, created_at) VALUES (?, ?, ?, ?, ?)').run(
            c.item_key,
            b.ministry,
            batchId,
            note,
            now,
          );
          notes += 1;
        }
        continue;
      }
      const bullets = cellToBullets(text).bullets;
      // A draft's answers go into the draft's rows (the batch's cells record what was applied); the
      // live plan's through writeField, each a revision.
      const wrote =
        target === null
          ? writeField(db, c.item_key, c.field, parseFieldValue(c.field, JSON.stringify(bullets)), { author, source })
          : writeDraftField(db, target, c.item_key, c.field, BulletsSchema.parse(bullets));
      if (wrote) written += 1;
    }
    // Cells held back keep the batch staged, so they can be decided and applied later.
    if (heldBack.length) db.prepare('UPDATE import_batches SET backup = ? WHERE id = ?').run(backup.name, batchId);
    else db.prepare("UPDATE import_batches SET status = 'applied', applied_at = ?, backup = ? WHERE id = ?").run(now, backup.name, batchId);
  });
  writeAfterBackup(db, backup.name, write);
  return { batch: batchId, written, kept, notes, backup: backup.name, heldBack, untaken };
}

export function discardBatch(db: Db, batchId: number): BatchSummary {
  const b = batchRow(db, batchId);
  requireStaged(b);
  db.prepare("UPDATE import_batches SET status = 'discarded' WHERE id = ?").run(batchId);
  refreshStaged(db);
  return summary(db, batchRow(db, batchId));
}
