// Annotations belong to the edition they were made on (issue 9), on real SQLite files: the 令和8 table
// built from the seed (tests/fixtures/editions/build.ts) is applied over 令和7; annotations made on 令和7
// stay on 令和7 (shown on its archived view, not on 令和8) until carried forward; carried, they sit on
// 令和8 re-anchored, one whose words are gone is an orphan with its original quote, one on a dropped
// item is not carried, and carrying again changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../src/main/api/service';
import { carriedId } from '../../src/main/annotations/carry';
import type { AnnotationView, CarryForwardResult } from '../../src/shared/annotations';
import { buildR8Edition } from '../fixtures/editions/build';
import { cli } from './cli-helpers';
import { api, apiError } from './excel-helpers';
import { tempDbPath, tempDir } from './helpers';

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
});
