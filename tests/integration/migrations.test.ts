import Database from 'better-sqlite3';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/store/migrations';
import { openDatabase } from '../../src/main/store/database';
import { indexSection, search } from '../../src/main/store/search';
import { tempDbPath } from './helpers';

function schemaOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string }[];
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
    // Pins the schema: a change here must come with a new migration, never an edit of a shipped one.
    expect(schemaOf(file)).toEqual(
      expect.arrayContaining([
        'table:documents', 'table:sections', 'table:items', 'table:bullets', 'table:revisions', 'table:issued_keys',
        'table:projects', 'table:preferences', 'table:search_docs', 'table:search_fts', 'table:search_grams',
        'trigger:search_docs_ai', 'trigger:search_docs_ad', 'trigger:search_docs_grams_ad',
        'table:annotations', 'table:annotation_replies', 'table:annotation_history',
      ]),
    );
  });

  it('are numbered 1, 2, 3… without gaps, so user_version always names the last one applied', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('upgrade a database written by each earlier version, keeping its data', () => {
    for (let from = 1; from < SCHEMA_VERSION; from++) {
      const file = tempDbPath();
      const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, from) });
      old.prepare("INSERT INTO sections (id, level, major, title, position) VALUES ('1', 'major', 1, 'がん研究の推進', 0)").run();
      // Index the text as the code of that version did: v1 had no character/pair index.
      if (from < 2) old.prepare("INSERT INTO search_docs (section_id, field, text, folded) VALUES ('1', 'section', 'がん研究の推進', 'がん研究の推進')").run();
      else indexSection(old, '1');
      old.close();
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT title FROM sections').all()).toEqual([{ title: 'がん研究の推進' }]);
      // Texts indexed before v2 are indexed for short queries by the upgrade, so がん finds them at once.
      expect(search(db, 'がん').map((h) => h.key)).toEqual(['1']);
      db.close();
    }
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
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, description: 'broken', sql: 'CREATE TABLE half (x); CREATE TABLE half (x);' }];
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
