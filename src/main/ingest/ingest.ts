// Loading the source documents into the store. Idempotent: the same file again changes nothing and
// writes no revision. A changed file updates items in place by their placement, and only the fields
// whose source text changed since the last ingest, so edits made in the app are not overwritten by a
// re-ingest of text that did not change.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Bullet, ItemField } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { fiscalYearLabel } from '../../shared/editions/fiscal-year';
import { serializeField, type FieldValue } from '../../shared/item-fields';
import type { Db } from '../store/database';
import { currentFiscalYear, recordCurrentEdition } from '../store/edition-store';
import { nowIso, replaceBullets, writeField } from '../store/plan-store';
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

type SeedValues = Record<ItemField, string>;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function seedValues(p: ParsedItem): SeedValues {
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

function upsertDocument(db: Db, name: string, kind: 'plan' | 'project', title: string, hash: string): number {
  const existing = db.prepare('SELECT id FROM documents WHERE name = ?').get(name) as { id: number } | undefined;
  if (existing) {
    db.prepare('UPDATE documents SET kind = ?, title = ?, sha256 = ?, ingested_at = ? WHERE id = ?').run(kind, title, hash, nowIso(), existing.id);
    return existing.id;
  }
  return Number(
    db.prepare('INSERT INTO documents (name, kind, title, sha256, ingested_at) VALUES (?, ?, ?, ?, ?)').run(name, kind, title, hash, nowIso())
      .lastInsertRowid,
  );
}

/** A key for a new item: its proposed key unless that was ever issued, else the next free number. */
function issueKey(db: Db, proposed: string): string {
  const isIssued = db.prepare('SELECT 1 FROM issued_keys WHERE key = ?');
  let key = proposed;
  if (isIssued.get(key)) {
    const parts = proposed.split('-');
    const prefix = parts.slice(0, -1).join('-');
    let n = Number(parts.at(-1));
    do {
      n += 1;
      key = `${prefix}-${n}`;
    } while (isIssued.get(key));
  }
  db.prepare('INSERT INTO issued_keys (key, issued_at) VALUES (?, ?)').run(key, nowIso());
  return key;
}

function sectionIdOf(p: Pick<ParsedItem, 'major' | 'middle' | 'area'>): string {
  return p.area === null ? `${p.major}-${p.middle}` : `${p.major}-${p.middle}-${p.area}`;
}

function ingestSections(db: Db, plan: ParsedPlan): void {
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

function ingestPlan(db: Db, name: string, text: string, report: IngestReport): void {
  const plan = parsePlan(text);
  if (plan.items.length === 0) throw new AppError('seed', `${name}: 小項目が見つかりません。協議会資料のテキストか確認してください。`);
  report.warnings.push(...plan.warnings);
  const fiscalYear = planFiscalYear(db, name, plan.fiscalYear);
  upsertDocument(db, name, 'plan', plan.title, sha256(text));
  recordCurrentEdition(db, { fiscalYear, title: plan.title, sourceName: name, sourceSha256: sha256(text), loadedAt: nowIso() });
  ingestSections(db, plan);

  const byOrigin = db.prepare('SELECT key, seed_json FROM items WHERE origin = ?');
  const keyOf = new Map<string, string>();
  const source = `seed:${name}`;
  const now = nowIso();
  plan.items.forEach((p, position) => {
    const origin = `plan:${p.key}`;
    const values = seedValues(p);
    const existing = byOrigin.get(origin) as { key: string; seed_json: string | null } | undefined;
    if (!existing) {
      const key = issueKey(db, p.key);
      db.prepare(
        `INSERT INTO items (key, origin, seed_json, section_id, major, middle, area, label, position, title, ministries, lead, warnings, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(key, origin, JSON.stringify(values), sectionIdOf(p), p.major, p.middle, p.area, p.label, position, p.title,
        JSON.stringify(p.ministries), JSON.stringify(p.lead), JSON.stringify(p.warnings), now, now);
      replaceBullets(db, key, 'actions', p.actions);
      replaceBullets(db, key, 'future', p.future);
      indexItem(db, key);
      keyOf.set(p.key, key);
      report.created += 1;
      return;
    }
    const key = existing.key;
    keyOf.set(p.key, key);
    const before = db.prepare('SELECT section_id, label, position, ministries, lead, warnings FROM items WHERE key = ?').get(key);
    db.prepare('UPDATE items SET section_id = ?, major = ?, middle = ?, area = ?, label = ?, position = ?, ministries = ?, lead = ?, warnings = ?, seed_json = ? WHERE key = ?')
      .run(sectionIdOf(p), p.major, p.middle, p.area, p.label, position, JSON.stringify(p.ministries), JSON.stringify(p.lead),
        JSON.stringify(p.warnings), JSON.stringify(values), key);
    const after = db.prepare('SELECT section_id, label, position, ministries, lead, warnings FROM items WHERE key = ?').get(key);
    let changed = JSON.stringify(before) !== JSON.stringify(after);
    const previous = existing.seed_json ? (JSON.parse(existing.seed_json) as SeedValues) : null;
    for (const field of ['title', 'actions', 'future'] as const) {
      // Only a change in the source itself is applied; a field edited in the app keeps its edit.
      if (previous && previous[field] === values[field]) continue;
      const value: FieldValue = field === 'title' ? p.title : (p[field] as Bullet[]);
      if (writeField(db, key, field, value, { author: INGEST_AUTHOR, source })) {
        report.revisions += 1;
        changed = true;
      }
    }
    if (changed) report.updated += 1;
  });

  markMissing(db, name, new Set(plan.items.map((p) => `plan:${p.key}`)), report);

  // 再掲 links, resolved after every item has its key.
  const setRelist = db.prepare('UPDATE items SET relisted_from = ? WHERE key = ? AND relisted_from IS NOT ?');
  for (const p of plan.items) {
    const own = keyOf.get(p.key);
    const target = p.relistedFrom ? (keyOf.get(p.relistedFrom) ?? null) : null;
    if (own) setRelist.run(target, own, target);
  }
}

/**
 * Items an earlier version of the document had and this one lacks are kept (their keys are never
 * reused, and people may have annotated or edited them) but say so, so nobody mistakes them for
 * current. If the item comes back, the next ingest replaces its warnings with the parser's.
 */
function markMissing(db: Db, name: string, present: Set<string>, report: IngestReport): void {
  const rows = db.prepare("SELECT key, origin, warnings FROM items WHERE origin LIKE 'plan:%'").all() as { key: string; origin: string; warnings: string }[];
  const warning = `最新の資料(${name})にこの小項目が見当たりません。削除されたか、番号や区分が変わった可能性があります。`;
  for (const r of rows) {
    if (present.has(r.origin)) continue;
    const warnings = JSON.parse(r.warnings) as string[];
    if (warnings.includes(warning)) continue;
    db.prepare('UPDATE items SET warnings = ? WHERE key = ?').run(JSON.stringify([...warnings, warning]), r.key);
    report.warnings.push(`${r.key}: ${warning}`);
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

/** Ingest every .txt in a folder, the follow-up table first (projects may refer to it). */
export function ingestDir(db: Db, dir: string): IngestReport[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  } catch {
    throw new AppError('seed', `資料のフォルダーが見つかりません: ${dir}`);
  }
  if (names.length === 0) throw new AppError('seed', `資料のフォルダーに .txt がありません: ${dir}`);
  // Every file's size is checked before any is read or ingested: a folder with one oversized file
  // changes nothing.
  for (const n of names) checkSourceSize(n, fs.statSync(path.join(dir, n)).size);
  return names.map((n) => ingestText(db, n, fs.readFileSync(path.join(dir, n), 'utf8')));
}

/**
 * The largest source text read. The real follow-up table is ~85 KB and a plan 100× its size ~8.5 MB;
 * parsing holds several times the text, and a 200 MB file took 900 MB and 40 s before it was refused.
 */
export const SOURCE_TEXT_MAX_BYTES = 16 * 2 ** 20;

function checkSourceSize(name: string, bytes: number): void {
  if (bytes > SOURCE_TEXT_MAX_BYTES) {
    throw new AppError(
      'seed',
      `${name}: 資料のテキストが大きすぎます(${(bytes / 2 ** 20).toFixed(1)} MB、上限 ${SOURCE_TEXT_MAX_BYTES / 2 ** 20} MB)。協議会資料のテキストか確認してください。`,
    );
  }
}

/** First start: an empty store is filled from the bundled seeds. */
export function ensureSeeded(db: Db, dir: string): IngestReport[] | null {
  const count = (db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
  return count === 0 ? ingestDir(db, dir) : null;
}
