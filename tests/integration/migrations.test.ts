import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fillSearchReadings } from '../../src/main/store/search-readings';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/store/migrations';
import { openDatabase } from '../../src/main/store/database';
import { indexSection, search } from '../../src/main/store/search';
import { insertGrams } from '../../src/main/store/search-grams';
import { ROOT, tempDbPath } from './helpers';

/**
 * The schema each version creates, as `sqlite_master.sql`, pinned in tests/fixtures/schema/vN.sql.
 * A shipped migration must never change, so its pin is never rewritten. To pin a NEW version N (after
 * adding migration N), run once:
 *   COUNCIL_DESK_PIN_SCHEMA=N npx vitest run tests/integration/migrations.test.ts
 * which writes vN.sql only if it does not exist yet; review and commit it with the migration.
 */
const PIN_DIR = path.join(ROOT, 'tests', 'fixtures', 'schema');
const pinFile = (version: number) => path.join(PIN_DIR, `v${version}.sql`);
const HOW_TO_PIN = (version: number) =>
  `no schema pin for version ${version}: run COUNCIL_DESK_PIN_SCHEMA=${version} npx vitest run tests/integration/migrations.test.ts ` +
  `and commit tests/fixtures/schema/v${version}.sql with the migration`;

/** Every schema object the migrations up to `version` create, in a stable order. */
function schemaSql(version: number): string {
  const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, version) });
  const rows = db.prepare('SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name').all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  db.close();
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};\n`).join('\n');
}

function pinnedVersions(): number[] {
  return fs
    .readdirSync(PIN_DIR)
    .map((n) => /^v(\d+)\.sql$/.exec(n)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

const toPin = Number(process.env.COUNCIL_DESK_PIN_SCHEMA ?? 0);
if (toPin) {
  if (!MIGRATIONS.some((m) => m.version === toPin)) throw new Error(`COUNCIL_DESK_PIN_SCHEMA=${toPin}: there is no migration ${toPin}`);
  if (fs.existsSync(pinFile(toPin))) throw new Error(`${pinFile(toPin)} exists: a shipped version's pin is never rewritten`);
  fs.writeFileSync(pinFile(toPin), schemaSql(toPin));
}

describe('schema pins', () => {
  it.each(MIGRATIONS.map((m) => m.version))('version %i creates exactly its pinned schema', (version) => {
    expect(fs.existsSync(pinFile(version)), HOW_TO_PIN(version)).toBe(true);
    expect(schemaSql(version)).toBe(fs.readFileSync(pinFile(version), 'utf8'));
  });

  it('every pin belongs to a migration', () => {
    expect(pinnedVersions()).toEqual(expect.arrayContaining([1]));
    for (const v of pinnedVersions())
      expect(
        MIGRATIONS.map((m) => m.version),
        `tests/fixtures/schema/v${v}.sql has no migration ${v}`,
      ).toContain(v);
  });
});

function schemaOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
  }[];
  db.close();
  return rows.map((r) => `${r.type}:${r.name}`);
}

describe('migrations', () => {
  it('create the whole schema on a fresh database and record the version', () => {
    const file = tempDbPath();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    // The tables the app needs (the exact schema of each version is pinned below, in 'schema pins').
    expect(schemaOf(file)).toEqual(
      expect.arrayContaining([
        'table:documents',
        'table:sections',
        'table:items',
        'table:bullets',
        'table:revisions',
        'table:issued_keys',
        'table:projects',
        'table:preferences',
        'table:search_docs',
        'table:search_fts',
        'table:search_grams',
        'trigger:search_docs_ai',
        'trigger:search_docs_ad',
        'trigger:search_docs_grams_ad',
        'table:annotations',
        'table:annotation_replies',
        'table:annotation_history',
      ]),
    );
  });

  it('are numbered 1, 2, 3… without gaps, so user_version always names the last one applied', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  /** The migration that added readings to the search index. */
  const READINGS_VERSION = MIGRATIONS.find((m) => m.run === fillSearchReadings)!.version;

  it('upgrade a database written by each earlier version, keeping its data', () => {
    for (let from = 1; from < SCHEMA_VERSION; from++) {
      const file = tempDbPath();
      const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, from) });
      old.prepare("INSERT INTO sections (id, level, major, title, position) VALUES ('1', 'major', 1, 'がん研究の推進', 0)").run();
      // Index the text as the code of that version did: v1 had no character/pair index, no version
      // before the readings' one had readings; from that version on, as today.
      if (from >= READINGS_VERSION) indexSection(old, '1');
      else {
        const doc = old
          .prepare("INSERT INTO search_docs (section_id, field, text, folded) VALUES ('1', 'section', 'がん研究の推進', 'がん研究の推進')")
          .run();
        if (from >= 2) insertGrams(old, doc.lastInsertRowid, 'がん研究の推進');
      }
      old.close();
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT title FROM sections').all()).toEqual([{ title: 'がん研究の推進' }]);
      // Texts indexed before v2 are indexed for short queries by the upgrade, so がん finds them at once.
      expect(search(db, 'がん').map((h) => h.key)).toEqual(['1']);
      // Texts indexed before readings existed get them from the upgrade from the upgrade: a search by reading finds them.
      expect(search(db, 'けんきゅう').map((h) => [h.key, h.snippet.slice(h.marks[0]?.start, h.marks[0]?.end)])).toEqual([['1', '研究']]);
      // A text indexed after the upgrade is indexed the same way.
      indexSection(db, '1');
      expect(search(db, 'すいしん').map((h) => h.key)).toEqual(['1']);
      db.close();
    }
  });

  it('v5 rebuilds import_changes for the kinds cleared and shrunk, keeping every row, index and applied batch', () => {
    const file = tempDbPath();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, 4) });
    const batch = old.prepare(
      "INSERT INTO import_batches (file_name, sha256, layout, ministry, status, created_at, applied_at) VALUES (?, ?, 'ministry', '厚', ?, '2025-01-01', ?)",
    );
    batch.run('厚.xlsx', 'a', 'applied', '2025-01-02T00:00:00.000Z');
    batch.run('文.xlsx', 'b', 'staged', null);
    const change = old.prepare(
      "INSERT INTO import_changes (batch_id, item_key, field, row, kind, base, ours, theirs, decision) VALUES (?, ?, 'r7', 2, ?, '・A', '・A', ?, ?)",
    );
    change.run(1, '1-1-1', 'theirs', '・B', 'theirs');
    change.run(2, '1-1-13', 'theirs', '', null);
    const rowsBefore = old.prepare('SELECT id, batch_id, item_key, kind, theirs, decision FROM import_changes ORDER BY id').all();
    expect(() => change.run(2, '1-1-2', 'cleared', '', null)).toThrow(/CHECK constraint/);
    old.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT id, batch_id, item_key, kind, theirs, decision FROM import_changes ORDER BY id').all()).toEqual(rowsBefore);
    // The cells of a batch applied before the upgrade count as carried out; the staged one's do not.
    expect(db.prepare('SELECT applied_at FROM import_changes ORDER BY id').pluck().all()).toEqual(['2025-01-02T00:00:00.000Z', null]);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'import_changes' AND type = 'index' ORDER BY name").pluck().all(),
    ).toEqual(['import_changes_item', 'sqlite_autoindex_import_changes_1']);
    db.prepare(
      "INSERT INTO import_changes (batch_id, item_key, field, row, kind, ours, theirs) VALUES (2, '1-1-2', 'future', 3, 'shrunk', '・A', '')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO import_changes (batch_id, item_key, field, row, kind, ours, theirs) VALUES (2, '1-1-3', 'r7', 3, 'lost', '', '')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Deleting a batch still takes its cells with it.
    db.prepare('DELETE FROM import_batches WHERE id = 2').run();
    expect(db.prepare('SELECT COUNT(*) FROM import_changes WHERE batch_id = 2').pluck().get()).toBe(0);
    db.close();
  });

  it('leave an up-to-date database as it is when opened again', () => {
    const file = tempDbPath();
    openDatabase(file).close();
    const before = schemaOf(file);
    openDatabase(file).close();
    expect(schemaOf(file)).toEqual(before);
  });

  it('roll back a migration that fails half way, leaving the version as it was', () => {
    const file = tempDbPath();
    const broken = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, description: 'broken', sql: 'CREATE TABLE half (x); CREATE TABLE half (x);' },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a database written by a newer version, with a clear message, and leave the file untouched', () => {
    const file = tempDbPath();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE future_thing (x)');
    raw.close();
    const bytes = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/新しい版の協議会デスク.*開けません/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuse a file that is not a database with a clear message', () => {
    const file = tempDbPath();
    fs.writeFileSync(file, 'これはデータベースではありません'.repeat(100));
    expect(() => openDatabase(file)).toThrow(/データベースを開けません/);
  });
});
