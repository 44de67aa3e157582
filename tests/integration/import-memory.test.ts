// Every import stays under 1 GiB of peak memory for the whole process, whatever the file: each
// hostile file is imported through the real CLI in a child process, its peak RSS measured by
// /usr/bin/time, and it must be refused with the limit named (in Japanese) and the database left as
// it was. A legitimate file at the annotation limit still imports, under the same ceiling.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  annotationWorkbook,
  bigPlanText,
  definedNameWorkbook,
  manyCellsWorkbook,
  sharedStringsWorkbook,
} from '../../src/main/bench/hostile-files';
import { measureImport, type ImportKind } from '../../src/main/bench/measure-import';
import { openService } from '../../src/main/api/service';
import { tempDir } from './helpers';

const CEILING_MIB = 1024;
const dir = tempDir();
const baseDb = path.join(dir, 'base.db');

beforeAll(() => {
  openService(baseDb).close();
});

/** Every row of every table (read in storage order, which an unchanged file keeps): "the database as it was". */
function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[];
    return JSON.stringify(tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"`).all()]));
  } finally {
    db.close();
  }
}

let runs = 0;
async function importInChild(kind: ImportKind, name: string, content: Buffer | string) {
  const sub = path.join(dir, `case-${++runs}`);
  fs.mkdirSync(sub);
  const file = path.join(sub, name);
  fs.writeFileSync(file, content);
  const db = path.join(sub, 'plan.db');
  fs.copyFileSync(baseDb, db);
  const before = dump(db);
  const result = await measureImport(kind, file, db);
  return { ...result, unchanged: dump(db) === before, db };
}

async function refused(kind: ImportKind, name: string, content: Buffer | string, message: RegExp) {
  const r = await importInChild(kind, name, content);
  expect(r.stderr).toMatch(new RegExp(`^error: ${name.replace(/[.()]/g, '\\$&')}: `));
  expect(r.stderr).toMatch(message);
  expect(r.code).toBe(1);
  expect(r.unchanged).toBe(true);
  expect(r.peakMiB).toBeLessThan(CEILING_MIB);
  return r;
}

describe('peak memory of imports, measured in a child process', () => {
  it('a returned workbook with a 20 MB defined name is refused before it is parsed', () =>
    refused(
      'workbook',
      '名前.xlsx',
      definedNameWorkbook(20 * 2 ** 20),
      /ブックの定義\(xl\/workbook\.xml\)が大きすぎます\(20\.0 MB、上限 1\.0 MB\)/,
    ));

  it('a returned workbook with 70 MB of shared strings is refused before it is parsed', () =>
    refused(
      'workbook',
      '文字列.xlsx',
      sharedStringsWorkbook(70_000, 1000),
      /シートと文字列の部分が大きすぎます\(展開後 [\d.]+ MB、上限 64\.0 MB\)/,
    ));

  it('a returned workbook with one 30 MB value (3 GB in exceljs) is refused before it is parsed', () =>
    refused(
      'workbook',
      '長い値.xlsx',
      sharedStringsWorkbook(1, 30 * 2 ** 20),
      /値が長すぎます\(xl\/sharedStrings\.xml に [\d.]+ MB の値、上限 256 KB。Excel のセルは 32,767 文字までです\)/,
    ));

  it('a returned workbook with too many rows, or too many cells, is refused before exceljs builds them', async () => {
    await refused(
      'workbook',
      '行.xlsx',
      manyCellsWorkbook(25_000, 1),
      /行が多すぎます\(xl\/worksheets\/sheet1\.xml に 25,000 行、上限 20,000 行\)/,
    );
    await refused('workbook', 'セル.xlsx', manyCellsWorkbook(19_000, 30), /セルが多すぎます\([\d,]+ 個以上、上限 500,000 個\)/);
  });

  it('the issue\u2019s 60,000-row annotation file is refused with the limit named', () =>
    refused(
      'annotations',
      '注釈6万.xlsx',
      annotationWorkbook(60_000, { commentChars: 10 }),
      /シートと文字列の部分が大きすぎます\(展開後 [\d.]+ MB、上限 64\.0 MB\)/,
    ));

  it('one annotation over the limit is refused, and the message says the limit', () =>
    refused(
      'annotations',
      '注釈超過.xlsx',
      annotationWorkbook(20_001, { commentChars: 10 }),
      /行が多すぎます\(xl\/worksheets\/sheet1\.xml に 20,002 行、上限 20,001 行\)。注釈ファイルは 1 つあたり 20,000 件までです。/,
    ));

  it('a 200 MB source text is refused before it is read', () =>
    refused('plan', '000_巨大.txt', bigPlanText(200 * 2 ** 20), /資料のテキストが大きすぎます\(200\.0 MB、上限 16 MB\)/));

  it('an annotation file at the limit (20,000 annotations, 1.7 MB) imports, under the same ceiling', async () => {
    const r = await importInChild('annotations', '注釈2万.xlsx', annotationWorkbook(20_000, { commentChars: 200 }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^注釈2万\.xlsx: 注釈 新規 20000 件/);
    expect(r.peakMiB).toBeLessThan(CEILING_MIB);
    const db = new Database(r.db, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM annotations').get() as { n: number }).n).toBe(20_000);
    db.close();
  }, 120_000);
});
