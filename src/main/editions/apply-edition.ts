// Applying a staged edition import, after a backup, in one transaction that first checks the current
// edition is still what the batch was matched against. A new year's edition archives the current one
// (its items frozen as published) and becomes current; a revision updates the current edition. Items
// keep their keys through the match; new items get fresh keys (never one issued before); items the
// new table no longer has are retired, their keys kept forever.
import { AppError } from '../../shared/errors';
import type { Bullet } from '../../shared/domain';
import type { EditionApplyResult } from '../../shared/editions';
import { serializeField } from '../../shared/item-fields';
import { bulletsByItem } from '../excel/bulk-items';
import {
  INGEST_AUTHOR,
  ingestSections,
  insertParsedItem,
  sectionIdOf,
  seedValues,
  upsertDocument,
  type SeedValues,
} from '../ingest/ingest';
import { backupDatabase, writeAfterBackup } from '../store/backups';
import type { Db } from '../store/database';
import { nowIso, replaceBullets } from '../store/plan-store';
import { indexItem } from '../store/search';
import { currentDigest, snapshotCurrent } from './edition-items';
import { batchRow, pairsOf, proposalOf, requireStagedEdition, resolveMatch } from './edition-batches';

/** Archive the current edition (its items and sections frozen as published) before another becomes current. */
export function archiveCurrentEdition(db: Db, fiscalYear: number): void {
  snapshotCurrent(db, fiscalYear);
  db.prepare("UPDATE editions SET status = 'archived' WHERE fiscal_year = ?").run(fiscalYear);
}

export interface ItemTexts {
  title: string;
  actions: Bullet[];
  future: Bullet[];
}

type TextField = keyof ItemTexts;

/**
 * A writer of items' texts for a whole edition at once: each field that differs from what is stored is
 * written with a revision (`source`), the item's version bumped and its search entry rebuilt once.
 * Fields are written here rather than through writeField, which re-indexes the item for each field:
 * thousands of items at once (a 100× plan) made that the whole cost of an apply. `keep` leaves a field
 * as stored; `reindex` rebuilds the search entry even when no text changed. Returns the revisions written.
 */
export function itemTextWriter(
  db: Db,
  source: string,
  author: string,
  now: string,
): (key: string, next: ItemTexts, keep?: (field: TextField) => boolean, reindex?: boolean) => number {
  const setTitle = db.prepare('UPDATE items SET title = ? WHERE key = ?');
  const bumpVersion = db.prepare('UPDATE items SET version = version + 1, updated_at = ? WHERE key = ?');
  const addRevision = db.prepare(
    'INSERT INTO revisions (item_key, field, old_value, new_value, source, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // Every item's fields as stored now (retired ones too: an edition may bring one back), serialized
  // as revisions keep them, read in two queries.
  const titles = new Map(db.prepare('SELECT key, title FROM items').raw().all() as [string, string][]);
  const bullets = bulletsByItem(db);
  return (key, next, keep = () => false, reindex = false) => {
    const stored: Record<TextField, string> = {
      title: titles.get(key) ?? '',
      actions: serializeField('actions', bullets.get(key)?.actions ?? []),
      future: serializeField('future', bullets.get(key)?.future ?? []),
    };
    let revisions = 0;
    for (const field of ['title', 'actions', 'future'] as const) {
      const value = serializeField(field, next[field]);
      if (keep(field) || stored[field] === value) continue;
      if (field === 'title') setTitle.run(next.title, key);
      else replaceBullets(db, key, field, next[field]);
      addRevision.run(key, field, stored[field], value, source, author, now);
      revisions += 1;
    }
    if (revisions) bumpVersion.run(now, key);
    // The index holds the title and bullets only: a new number or place needs no re-index.
    if (revisions || reindex) indexItem(db, key);
    return revisions;
  };
}

function undecidedMessage(id: number, labels: string[]): string {
  return `版の取り込み #${id} には、前の版のどの項目か決まっていない項目が ${labels.length} 件あります(${labels.slice(0, 5).join('、')}${labels.length > 5 ? ' ほか' : ''})。候補と対応付けるか、新しい項目として扱うかを決めてから反映してください。`;
}

export async function applyEdition(db: Db, id: number, author: string): Promise<EditionApplyResult> {
  const first = batchRow(db, id);
  requireStagedEdition(first);
  const firstProposal = proposalOf(first);
  const open = resolveMatch(firstProposal.match, pairsOf(first)).undecided;
  if (open.length) {
    throw new AppError(
      'conflict',
      undecidedMessage(
        id,
        open.map((i) => `${firstProposal.items[i]!.label}${firstProposal.items[i]!.title.slice(0, 20)}`),
      ),
    );
  }
  const backup = await backupDatabase(db, `before-edition-${id}`);
  const result: EditionApplyResult = {
    batch: id,
    fiscalYear: first.fiscal_year,
    kind: first.kind,
    updated: 0,
    added: [],
    dropped: [],
    revisions: 0,
    backup: backup.name,
  };
  const write = db.transaction(() => {
    // Everything is read again: the backup let other writers in.
    const row = batchRow(db, id);
    requireStagedEdition(row);
    if (currentDigest(db) !== row.base_token) {
      throw new AppError(
        'conflict',
        `版の取り込み #${id} を準備した後に、現在の版の項目が変更されました。取り込みを破棄して、もう一度取り込んでください。データベースは変更していません。`,
      );
    }
    const proposal = proposalOf(row);
    const resolved = resolveMatch(proposal.match, pairsOf(row));
    if (resolved.undecided.length)
      throw new AppError(
        'conflict',
        undecidedMessage(
          id,
          resolved.undecided.map((i) => proposal.items[i]!.label),
        ),
      );
    const now = nowIso();
    const fy = row.fiscal_year;
    if (row.kind === 'new') {
      if (row.base_year !== null) archiveCurrentEdition(db, row.base_year);
      db.prepare(
        "INSERT INTO editions (fiscal_year, title, source_name, source_sha256, loaded_at, status) VALUES (?, ?, ?, ?, ?, 'current')",
      ).run(fy, proposal.title, row.source_name, row.sha256, now);
    } else {
      db.prepare('UPDATE editions SET title = ?, source_name = ?, source_sha256 = ?, loaded_at = ? WHERE fiscal_year = ?').run(
        proposal.title,
        row.source_name,
        row.sha256,
        now,
        fy,
      );
    }
    upsertDocument(db, row.source_name, 'plan', proposal.title, row.sha256);
    ingestSections(db, proposal);

    // Placements are re-assigned below: free every origin first (an item may take another's place).
    db.prepare('UPDATE items SET origin = NULL WHERE origin IS NOT NULL').run();
    const source = `edition:${row.source_name}#${id}`;
    const finalKey = new Map<string, string>(); // the parser's placement key → the item's key
    const seedOf = db.prepare('SELECT seed_json FROM items WHERE key = ?').pluck();
    const placeOf = db.prepare('SELECT section_id, label, retired_in FROM items WHERE key = ?');
    const writeTexts = itemTextWriter(db, source, author || INGEST_AUTHOR, now);
    const update = db.prepare(
      `UPDATE items SET origin = ?, seed_json = ?, section_id = ?, major = ?, middle = ?, area = ?, label = ?, position = ?,
         ministries = ?, lead = ?, warnings = ?, retired_in = NULL WHERE key = ?`,
    );
    proposal.items.forEach((p, index) => {
      const key = resolved.keyOf.get(index);
      if (key === undefined) {
        const fresh = insertParsedItem(db, p, index, now);
        finalKey.set(p.key, fresh);
        result.added.push({ key: fresh, label: p.label, title: p.title });
        return;
      }
      finalKey.set(p.key, key);
      const values = seedValues(p);
      const origin = `plan:${p.key}`;
      const placed = placeOf.get(key) as { section_id: string; label: string; retired_in: number | null };
      let changed = placed.section_id !== sectionIdOf(p) || placed.label !== p.label;
      const seed = seedOf.get(key) as string | null;
      const previous = seed ? (JSON.parse(seed) as SeedValues) : null;
      update.run(
        origin,
        JSON.stringify(values),
        sectionIdOf(p),
        p.major,
        p.middle,
        p.area,
        p.label,
        index,
        JSON.stringify(p.ministries),
        JSON.stringify(p.lead),
        JSON.stringify(p.warnings),
        key,
      );
      // A revision of the same edition keeps an edit made in the app where the source did not change
      // that field; a new edition's text is the new year's, whatever was edited before. An item coming
      // back from retirement (its index was dropped) is indexed again.
      const revisions = writeTexts(
        key,
        p,
        (field) => row.kind === 'revision' && previous !== null && previous[field] === values[field],
        placed.retired_in !== null,
      );
      result.revisions += revisions;
      changed ||= revisions > 0;
      if (changed) result.updated += 1;
    });
    const retire = db.prepare('UPDATE items SET retired_in = ?, origin = NULL WHERE key = ?');
    const unindex = db.prepare('DELETE FROM search_docs WHERE item_key = ?');
    for (const key of resolved.dropped) {
      retire.run(fy, key);
      unindex.run(key);
      result.dropped.push(key);
    }
    // 再掲 links, by the parser's placement keys, once every item has its key.
    const relink = db.prepare('UPDATE items SET relisted_from = ? WHERE key = ?');
    for (const p of proposal.items) relink.run(p.relistedFrom ? (finalKey.get(p.relistedFrom) ?? null) : null, finalKey.get(p.key)!);
    db.prepare("UPDATE edition_batches SET status = 'applied', applied_at = ?, backup = ? WHERE id = ?").run(now, backup.name, id);
  });
  writeAfterBackup(db, backup.name, write);
  return result;
}
