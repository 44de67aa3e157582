// The built CLI loads what a command needs and no more: `--help` neither the store nor the API
// contract (zod), `items --json` not exceljs; a workbook export does load exceljs (so the probe sees it);
// `import` reads the returned workbook with its own reader: no exceljs, no reading dictionary, no
// dashboard or graph code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-lazy-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));
const db = path.join(temp, 'plan.db');

function modulesLoadedBy(args: string[]): string[] {
  const record = path.join(temp, 'modules.txt');
  const res = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(path.join(ROOT, 'tests', 'fixtures', 'record-modules.mjs')).href,
      path.join(ROOT, 'bin', 'council-desk.mjs'),
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, RECORD_MODULES_TO: record } },
  );
  expect(res.status, res.stderr).toBe(0);
  return fs.readFileSync(record, 'utf8').split('\n');
}

const loaded = (modules: string[], pattern: RegExp) => modules.some((m) => pattern.test(m));

describe('built CLI: modules loaded per command', () => {
  it('--help loads neither the store (better-sqlite3) nor the contract (the zod chunk) nor exceljs', () => {
    const modules = modulesLoadedBy(['--help']);
    expect(loaded(modules, /out\/main\/cli\.js$/)).toBe(true);
    expect(loaded(modules, /better-sqlite3/)).toBe(false);
    expect(loaded(modules, /out\/main\/(schemas|service|main)-/)).toBe(false);
    expect(loaded(modules, /exceljs/)).toBe(false);
  });

  it('items --json opens the store but does not load exceljs; export table does', () => {
    const items = modulesLoadedBy(['--db', db, 'items', '--json']);
    expect(loaded(items, /better-sqlite3/)).toBe(true);
    expect(loaded(items, /exceljs/)).toBe(false);
    const exported = modulesLoadedBy(['--db', db, 'export', 'table', '--out', path.join(temp, 'table.xlsx')]);
    expect(loaded(exported, /exceljs/)).toBe(true);
  });

  it('import stages a returned workbook without loading exceljs, kuromoji, the dashboard or the graph', () => {
    const sheet = path.join(temp, 'mhlw.xlsx');
    modulesLoadedBy(['--db', db, 'export', 'ministry', '厚', '--out', sheet]);
    const imported = modulesLoadedBy(['--db', db, 'import', sheet]);
    expect(loaded(imported, /out\/main\/import-workbook-/)).toBe(true);
    expect(loaded(imported, /saxes/)).toBe(true);
    expect(loaded(imported, /exceljs/)).toBe(false);
    expect(loaded(imported, /node_modules\/kuromoji\//)).toBe(false); // the package, not our small loader chunk
    expect(loaded(imported, /out\/main\/(dashboard|graph|GraphView|export-ministry|export-table)/)).toBe(false);
  });
});
