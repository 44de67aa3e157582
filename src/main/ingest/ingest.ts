// Loading the source documents into the store. Idempotent: the same file again changes nothing and
// writes no revision. A changed file updates items in place by their placement, and only the fields
// whose source text changed since the last ingest, so edits made in the app are not overwritten by a
// re-ingest of text that did not change.
import { createHash } from 'node:crypto';
import type { ItemField } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { fiscalYearLabel } from '../../shared/editions/fiscal-year';
import { serializeField } from '../../shared/item-fields';
import { cachedStatement, type Db } from '../store/database';
import { currentFiscalYear, recordCurrentEdition } from '../store/edition-store';
import { nowIso, replaceBullets } from '../store/plan-store';
import { indexItem, indexSection } from '../store/search';
import { parsePlan, type ParsedItem, type ParsedPlan } from './plan-parser';
import { parseProject } from './project-parser';

export const INGEST_AUTHOR = '取込';

export interface IngestReport {
  document: string;
  kind: 'plan' | 'project';
  unchanged: boolean;
  created: number;
  updated: number;
  revisions: number;
  warnings: string[];
}

export type SeedValues = Record<ItemField, string>;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function seedValues(p: ParsedItem): SeedValues {
  return {
    title: serializeField('title', p.title),
    actions: serializeField('actions', p.actions),
    future: serializeField('future', p.future),
  };
}

/** Which kind of document a text is: the follow-up table or an AMED project sheet. */
export function detectKind(text: string): 'plan' | 'project' | null {
  if (/小項目/.test(text) && /大項目/.test(text)) return 'plan';
  if (/事業概要|研究事業実施方針/.test(text)) return 'project';
  return null;
}

export function upsertDocument(db: Db, name: string, kind: 'plan' | 'project', title: string, hash: string): number {
  const existing = db.prepare('SELECT id FROM documents WHERE name = ?').get(name) as { id: number } | undefined;
  if (existing) {
    db.prepare('UPDATE documents SET kind = ?, title = ?, sha256 = ?, ingested_at = ? WHERE id = ?').run(
      kind,
      title,
      hash,
      nowIso(),
      existing.id,
    );
    return existing.id;
  }
  return Number(
    db
      .prepare('INSERT INTO documents (name, kind, title, sha256, ingested_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, kind, title, hash, nowIso()).lastInsertRowid,
  );
}

/** The proposed key unless it is taken, else the next free number under the same prefix. */
export function nextFreeKey(proposed: string, taken: (key: string) => boolean): string {
  if (!taken(proposed)) return proposed;
  const parts = proposed.split('-');
  const prefix = parts.slice(0, -1).join('-');
  let n = Number(parts.at(-1));
  let key: string;
  do {
    n += 1;
    key = `${prefix}-${n}`;
  } while (taken(key));
  return key;
}

/** A key for a new item: its proposed key unless that was ever issued, else the next free number. */
export function issueKey(db: Db, proposed: string): string {
  const isIssued = db.prepare('SELECT 1 FROM issued_keys WHERE key = ?');
  const key = nextFreeKey(proposed, (k) => isIssued.get(k) !== undefined);
  db.prepare('INSERT INTO issued_keys (key, issued_at) VALUES (?, ?)').run(key, nowIso());
  return key;
}

export function sectionIdOf(p: Pick<ParsedItem, 'major' | 'middle' | 'area'>): string {
  return p.area === null ? `${p.major}-${p.middle}` : `${p.major}-${p.middle}-${p.area}`;
}

/**
 * A parsed item as a new row of the plan under a freshly issued key, placed at `position`, with its
 * bullets and search entries (a first load, or an item an edition adds). Returns the key.
 */
export function insertParsedItem(db: Db, p: ParsedItem, position: number, now: string): string {
  const key = issueKey(db, p.key);
  cachedStatement(
    db,
    `INSERT INTO items (key, origin, seed_json, section_id, major, middle, area, label, position, title, ministries, lead, warnings, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    key,
    `plan:${p.key}`,
    JSON.stringify(seedValues(p)),
    sectionIdOf(p),
    p.major,
    p.middle,
    p.area,
    p.label,
    position,
    p.title,
    JSON.stringify(p.ministries),
    JSON.stringify(p.lead),
    JSON.stringify(p.warnings),
    now,
    now,
  );
  replaceBullets(db, key, 'actions', p.actions);
  replaceBullets(db, key, 'future', p.future);
  indexItem(db, key);
  return key;
}

export function ingestSections(db: Db, plan: Pick<ParsedPlan, 'sections'>): void {
  const get = db.prepare('SELECT title, intro_json, position FROM sections WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO sections (id, level, major, middle, area, title, intro_json, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE sections SET title = ?, intro_json = ?, position = ? WHERE id = ?');
  for (const s of plan.sections) {
    const intro = JSON.stringify(s.intro.map(({ text, level }) => ({ text, level })));
    const row = get.get(s.id) as { title: string; intro_json: string; position: number } | undefined;
    if (!row) insert.run(s.id, s.level, s.major, s.middle, s.area, s.title, intro, s.position);
    else if (row.title === s.title && row.intro_json === intro && row.position === s.position) continue;
    else update.run(s.title, intro, s.position, s.id);
    indexSection(db, s.id);
  }
}

/**
 * The fiscal year of a follow-up table: read from its title or actions column, never assumed. A
 * table of another year than the current edition is refused: it would otherwise be loaded over this
 * year's text as if it were the same edition.
 */
function planFiscalYear(db: Db, name: string, found: number | null): number {
  const current = currentFiscalYear(db);
  if (found === null) {
    if (current !== null) return current;
    throw new AppError('seed', `${name}: 資料の年度(「令和N年度の実施と今後の方向性等」または「令和N年度の取組」)が読み取れません。`);
  }
  if (current !== null && found !== current) {
    throw new AppError(
      'seed',
      `${name}: この資料は${fiscalYearLabel(found)}の版です。現在の版(${fiscalYearLabel(current)})とは年度が違うため、同じ版として取り込むことはできません。データベースは変更していません。`,
    );
  }
  return found;
}

/**
 * The first follow-up table of a new database, loaded directly: every item gets its key. Any later
 * table (a changed source, the next year's edition) is matched to this one by content and staged
 * (src/main/ingest/seed.ts → src/main/editions), never written over the plan by its printed numbers.
 */
function ingestPlan(db: Db, name: string, text: string, report: IngestReport): void {
  if ((db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number) > 0) {
    throw new AppError('internal', `${name}: 計画がすでにあるため、資料は版の取り込みとして準備する必要があります。`);
  }
  const plan = parsePlan(text);
  if (plan.items.length === 0) throw new AppError('seed', `${name}: 小項目が見つかりません。協議会資料のテキストか確認してください。`);
  report.warnings.push(...plan.warnings);
  const fiscalYear = planFiscalYear(db, name, plan.fiscalYear);
  upsertDocument(db, name, 'plan', plan.title, sha256(text));
  recordCurrentEdition(db, { fiscalYear, title: plan.title, sourceName: name, sourceSha256: sha256(text), loadedAt: nowIso() });
  ingestSections(db, plan);

  const keyOf = new Map<string, string>();
  const now = nowIso();
  plan.items.forEach((p, position) => {
    const key = insertParsedItem(db, p, position, now);
    keyOf.set(p.key, key);
    report.created += 1;
  });
  // 再掲 links, resolved after every item has its key.
  const setRelist = db.prepare('UPDATE items SET relisted_from = ? WHERE key = ?');
  for (const p of plan.items) {
    if (p.relistedFrom) setRelist.run(keyOf.get(p.relistedFrom) ?? null, keyOf.get(p.key)!);
  }
}

function ingestProjectDoc(db: Db, name: string, text: string, report: IngestReport): void {
  const record = parseProject(text);
  report.warnings.push(...record.warnings);
  const docId = upsertDocument(db, name, 'project', record.name, sha256(text));
  const data = JSON.stringify(record);
  const row = db.prepare('SELECT data_json FROM projects WHERE key = ?').get(record.key) as { data_json: string } | undefined;
  if (row?.data_json === data) return;
  db.prepare(
    `INSERT INTO projects (key, document_id, name, data_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET document_id = excluded.document_id, name = excluded.name, data_json = excluded.data_json, updated_at = excluded.updated_at`,
  ).run(record.key, docId, record.name, data, nowIso());
  if (row) report.updated += 1;
  else report.created += 1;
}

/** Ingest one document's text in one transaction. */
export function ingestText(db: Db, name: string, text: string): IngestReport {
  checkSourceSize(name, Buffer.byteLength(text));
  const kind = detectKind(text);
  if (!kind) throw new AppError('seed', `${name}: 協議会資料でもAMED事業概要でもないため取り込めません。`);
  const report: IngestReport = { document: name, kind, unchanged: false, created: 0, updated: 0, revisions: 0, warnings: [] };
  const known = db.prepare('SELECT sha256 FROM documents WHERE name = ?').get(name) as { sha256: string } | undefined;
  if (known?.sha256 === sha256(text)) return { ...report, unchanged: true };
  db.transaction(() => (kind === 'plan' ? ingestPlan(db, name, text, report) : ingestProjectDoc(db, name, text, report))).immediate();
  report.unchanged = report.created === 0 && report.updated === 0;
  return report;
}

/**
 * The largest source text read. The real follow-up table is ~85 KB and a plan 100× its size ~8.5 MB;
 * parsing holds several times the text, and a 200 MB file took 900 MB and 40 s before it was refused.
 */
export const SOURCE_TEXT_MAX_BYTES = 16 * 2 ** 20;

export function checkSourceSize(name: string, bytes: number): void {
  if (bytes > SOURCE_TEXT_MAX_BYTES) {
    throw new AppError(
      'seed',
      `${name}: 資料のテキストが大きすぎます(${(bytes / 2 ** 20).toFixed(1)} MB、上限 ${SOURCE_TEXT_MAX_BYTES / 2 ** 20} MB)。協議会資料のテキストか確認してください。`,
    );
  }
}
