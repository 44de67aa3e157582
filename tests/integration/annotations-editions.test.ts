// Annotations belong to the edition they were made on (issue 9), on real SQLite files: the 令和8 table
// built from the seed (tests/fixtures/editions/build.ts) is applied over 令和7; annotations made on 令和7
// stay on 令和7 (shown on its archived view, not on 令和8) until carried forward; carried, they sit on
// 令和8 re-anchored, one whose words are gone is an orphan with its original quote, one on a dropped
// item is not carried, and carrying again changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../src/main/api/service';
import { carriedId } from '../../src/main/annotations/carry';
import { openDatabase } from '../../src/main/store/database';
import { MIGRATIONS } from '../../src/main/store/migrations';
import type { AnnotationView, CarryForwardResult } from '../../src/shared/annotations';
import { buildR8Edition } from '../fixtures/editions/build';
import { cli } from './cli-helpers';
import { api, apiError } from './excel-helpers';
import { seededService, tempDbPath, tempDir } from './helpers';

/** 1-1-1 keeps its actions in 令和8; 1-1-11's actions are rewritten; 3-3-2 is dropped. */
const KEPT = { key: '1-1-1', quote: '先端ゲノム研究' };
const REWRITTEN = { key: '1-1-11', quote: 'リアルワールドデータ利活用' };
const DROPPED = { key: '3-3-2', quote: '次世代医療基盤法 DB' };

async function annotate(svc: Service, at: { key: string; quote: string }, comment: string): Promise<AnnotationView> {
  return api(svc, 'annotations.create', { itemKey: at.key, field: 'actions', quote: at.quote, comment, author: '委員A' });
}

async function applyR8(svc: Service): Promise<void> {
  const source = path.join(tempDir(), 'r8.txt');
  fs.writeFileSync(source, buildR8Edition());
  const [batch] = await api(svc, 'editions.stage', { files: [source] });
  await api(svc, 'editions.apply', { batch: batch!.id, author: '事務局' });
}

/** Every annotation row and reply row, to prove a call changed nothing. */
function annotationTables(svc: Service): string {
  return JSON.stringify([
    svc.db.prepare('SELECT * FROM annotations ORDER BY id').all(),
    svc.db.prepare('SELECT * FROM annotation_replies ORDER BY id').all(),
    svc.db.prepare('SELECT * FROM annotation_history ORDER BY id').all(),
  ]);
}

describe('annotations across editions (令和7 → 令和8)', () => {
  const file = tempDbPath();
  let svc: Service;
  const made: Record<'kept' | 'rewritten' | 'dropped' | 'deleted', AnnotationView> = {} as never;

  beforeAll(async () => {
    svc = openService(file);
    made.kept = await annotate(svc, KEPT, '規模は?');
    await api(svc, 'annotations.reply', { id: made.kept.id, text: '確認します', author: '事務局' });
    made.rewritten = await annotate(svc, REWRITTEN, '採択数は?');
    made.dropped = await annotate(svc, DROPPED, '環境整備の中身は?');
    made.deleted = await annotate(svc, KEPT, '取り下げ');
    await api(svc, 'annotations.delete', { id: made.deleted.id });
    expect(made.kept.fiscalYear).toBe(7);
    await applyR8(svc);
  }, 120_000);

  it('an annotation made on 令和7 stays on 令和7: shown on the archived edition, not on 令和8', async () => {
    expect(await api(svc, 'annotations.list', {})).toEqual([]);
    expect(await api(svc, 'annotations.list', { itemKey: KEPT.key })).toEqual([]);
    expect(await api(svc, 'annotations.counts', {})).toEqual({ total: 0, sections: {}, items: {} });
    expect((await api(svc, 'items.facets', {}))[KEPT.key]!.annotations).toEqual([]);

    const r7 = await api(svc, 'annotations.list', { edition: 7 });
    expect(r7.map((a) => [a.itemKey, a.fiscalYear, a.anchorState.state])).toEqual([
      [KEPT.key, 7, 'anchored'],
      [REWRITTEN.key, 7, 'anchored'],
      [DROPPED.key, 7, 'anchored'],
    ]);
    // Anchored on 令和7's text (the archived snapshot), where 1-1-11's words and 3-3-2 still are.
    expect(r7.find((a) => a.itemKey === DROPPED.key)!.itemTitle).toContain('次世代医療基盤法に基づく研究開発の推進');
    const counts = await api(svc, 'annotations.counts', { edition: 7 });
    expect(counts.total).toBe(3);
    expect(counts.items).toEqual({ [KEPT.key]: 1, [REWRITTEN.key]: 1, [DROPPED.key]: 1 });
    expect(counts.sections['3-3']).toBe(1);
  });

  it('an archived edition’s annotations are read-only: edits are refused in Japanese and nothing changes', async () => {
    const before = annotationTables(svc);
    for (const [method, args] of [
      ['annotations.update', { id: made.kept.id, comment: '書き換え', author: '委員A' }],
      ['annotations.reply', { id: made.kept.id, text: '返信', author: '委員A' }],
      ['annotations.delete', { id: made.kept.id }],
    ] as const) {
      expect(await apiError(svc, method, args)).toMatch(/令和7年度版のもので、読み取り専用です/);
    }
    expect(annotationTables(svc)).toBe(before);
  });

  it('bad carry requests get a Japanese message and change nothing', async () => {
    const before = annotationTables(svc);
    expect(await apiError(svc, 'annotations.carryForward', { from: 8, to: 7 })).toMatch(/前の版から後の版へ引き継ぎます/);
    expect(await apiError(svc, 'annotations.carryForward', { from: 7, to: 9 })).toMatch(/令和9年度版はこのデータベースにありません/);
    expect(await apiError(svc, 'annotations.list', { edition: 12 })).toMatch(/令和12年度版はこのデータベースにありません/);
    expect(annotationTables(svc)).toBe(before);
  });

  it('carried (CLI): on 令和8 re-anchored with its replies; a changed quote is an orphan; a dropped item is not carried', async () => {
    svc.close();
    const run = await cli(['--db', file, 'annotations', 'carry', '7', '8', '--json']);
    expect(run.err).toBe('');
    const result = JSON.parse(run.out) as CarryForwardResult;
    expect(result).toEqual({
      from: 7,
      to: 8,
      carried: 2,
      orphaned: [{ key: REWRITTEN.key, quote: REWRITTEN.quote }],
      skipped: [{ key: DROPPED.key, reason: 'item_dropped' }],
    });
    svc = openService(file);

    const r8 = await api(svc, 'annotations.list', {});
    expect(r8.map((a) => [a.itemKey, a.fiscalYear, a.anchorState.state, a.anchor?.quote])).toEqual([
      [KEPT.key, 8, 'anchored', KEPT.quote],
      [REWRITTEN.key, 8, 'orphan', REWRITTEN.quote],
    ]);
    const kept = r8[0]!;
    expect(kept).toMatchObject({ id: carriedId(made.kept.id, 8), carriedFrom: made.kept.id, comment: '規模は?', author: '委員A' });
    expect(kept.anchorState).toMatchObject({ state: 'anchored', exact: true, bulletIndex: 0 });
    expect(kept.anchor!.revision).toBe((await api(svc, 'items.get', { key: KEPT.key })).version);
    expect(kept.replies.map((r) => [r.author, r.text])).toEqual([['事務局', '確認します']]);
    expect(kept.replies[0]!.id).not.toBe(made.kept.id);
    expect(r8[1]!.anchorState).toEqual({ state: 'orphan', reason: 'text_changed' });

    // The originals are where they were; the copies are the current edition's and can be edited.
    expect((await api(svc, 'annotations.list', { edition: 7 })).length).toBe(3);
    expect((await api(svc, 'annotations.counts', {})).items).toEqual({ [KEPT.key]: 1, [REWRITTEN.key]: 1 });
    const edited = await api(svc, 'annotations.update', { id: kept.id, status: 'resolved', author: '委員A' });
    expect(edited.status).toBe('resolved');
    expect((await api(svc, 'annotations.list', { edition: 7 }))[0]!.status).toBe('open');

    const text = await cli(['--db', file, 'annotations', '--edition', '7']);
    expect(text.out).toMatch(/3 件\(元の文言なし 0 件\)$/);
  });

  it('carrying twice changes nothing', async () => {
    const before = annotationTables(svc);
    svc.close();
    const again = await cli(['--db', file, 'annotations', 'carry', 'R7', '令和8']);
    expect(again.out).toMatch(/注釈 0 件を引き継ぎました\(うち元の文言なし 0 件、引き継ぎ済み 2 件、項目がなく引き継げない 1 件\)/);
    svc = openService(file);
    expect(annotationTables(svc)).toBe(before);
    expect(await api(svc, 'annotations.carryForward', { from: 7, to: 8 })).toMatchObject({ carried: 0, orphaned: [] });
    expect(annotationTables(svc)).toBe(before);
  });

  it('the hand-over workbook carries each annotation’s edition; merged elsewhere, each lands on its own edition', async () => {
    const out = path.join(tempDir(), '注釈.xlsx');
    const exported = await api(svc, 'annotations.export', { outPath: out });
    expect(exported.annotations).toBe(6); // 令和7: three and the deleted one; 令和8: two copies
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('注釈')!;
    expect(sheet.getCell('A1').value).toBe('版');
    const editions = sheet.getColumn(1).values.slice(2);
    expect(editions.filter((v) => v === '令和7年度版')).toHaveLength(4);
    expect(editions.filter((v) => v === '令和8年度版')).toHaveLength(2);

    const other = seededService();
    await applyR8(other);
    const [merged] = await api(other, 'annotations.import', {
      uploads: [{ name: '注釈.xlsx', dataBase64: fs.readFileSync(out).toString('base64') }],
    });
    expect(merged).toMatchObject({ error: null, annotations: { created: 6, updated: 0, unchanged: 0 } });
    const strip = (list: AnnotationView[]) => list.map((a) => [a.id, a.fiscalYear, a.anchorState.state, a.status, a.replies.length]);
    expect(strip(await api(other, 'annotations.list', { edition: 7 }))).toEqual(strip(await api(svc, 'annotations.list', { edition: 7 })));
    expect(strip(await api(other, 'annotations.list', {}))).toEqual(strip(await api(svc, 'annotations.list', {})));
    // The copies carry their origin: carrying there adds nothing either.
    expect(await api(other, 'annotations.carryForward', { from: 7, to: 8 })).toMatchObject({ carried: 0 });
    other.close();
  }, 120_000);
});

/** A workbook as the app wrote it before editions: no 版 column, records without fiscalYear or carriedFrom. */
async function asOldFormat(file: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('注釈')!;
  sheet.spliceColumns(1, 1);
  const recordCol = (sheet.getRow(1).values as string[]).indexOf('記録(編集しないでください)');
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const { fiscalYear: _f, carriedFrom: _c, ...old } = JSON.parse(String(row.getCell(recordCol).value)) as Record<string, unknown>;
    row.getCell(recordCol).value = JSON.stringify(old);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a hand-over file written before editions', () => {
  it('imports into the current edition (令和8), anchored on its text', async () => {
    const reviewer = seededService();
    const a = await annotate(reviewer, KEPT, '旧形式のファイルから');
    const out = path.join(tempDir(), '旧形式.xlsx');
    await api(reviewer, 'annotations.export', { outPath: out });
    reviewer.close();
    const old = await asOldFormat(out);
    expect(old.toString('latin1')).not.toContain('fiscalYear');

    const secretariat = seededService();
    await applyR8(secretariat);
    const [merged] = await api(secretariat, 'annotations.import', {
      uploads: [{ name: '旧形式.xlsx', dataBase64: old.toString('base64') }],
    });
    expect(merged).toMatchObject({ error: null, annotations: { created: 1 } });
    const [current] = await api(secretariat, 'annotations.list', {});
    expect(current).toMatchObject({ id: a.id, fiscalYear: 8, carriedFrom: null, comment: '旧形式のファイルから' });
    expect(current!.anchorState.state).toBe('anchored');
    expect(await api(secretariat, 'annotations.list', { edition: 7 })).toEqual([]);
    secretariat.close();
  }, 120_000);
});

describe('migration 11', () => {
  const AT = '2025-06-01T00:00:00.000Z';

  function version10WithAnnotation(file: string, edition: number | null): void {
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 10) });
    if (edition !== null) {
      db.prepare("INSERT INTO editions (fiscal_year, title, loaded_at, status) VALUES (?, 'table', ?, 'current')").run(edition, AT);
    }
    db.prepare(
      `INSERT INTO annotations (id, item_key, field, bullet_index, quote, prefix, suffix, start_offset, end_offset, revision, kind, color, status, author, created_at, updated_at)
       VALUES ('a1', '1-1-1', 'actions', 0, '試料', '', 'を活用', 0, 2, 3, 'comment', 'yellow', 'open', '委員', ?, ?)`,
    ).run(AT, AT);
    db.prepare(
      "INSERT INTO annotation_replies (id, annotation_id, author, text, created_at, updated_at) VALUES ('r1', 'a1', '事務局', '確認します', ?, ?)",
    ).run(AT, AT);
    db.close();
  }

  it.each([
    [8, 8],
    [null, 7],
  ])('gives existing annotations the current edition’s year (%s → %s), losing nothing', (edition, expected) => {
    const file = tempDbPath();
    version10WithAnnotation(file, edition);
    const db = openDatabase(file, { migrations: MIGRATIONS });
    expect(db.prepare('SELECT id, fiscal_year, carried_from, quote, comment, author FROM annotations').all()).toEqual([
      { id: 'a1', fiscal_year: expected, carried_from: null, quote: '試料', comment: '', author: '委員' },
    ]);
    expect(db.prepare('SELECT id, annotation_id, text FROM annotation_replies').all()).toEqual([
      { id: 'r1', annotation_id: 'a1', text: '確認します' },
    ]);
    db.close();
  });
});
