// Quality labels on the real plan (seeds/000_*): each checked item gets the labels a reader expects,
// with the words that earned them; confirming warnings and a round with a ministry move the labels.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QualityEntry } from '../../src/shared/api';
import { QUALITY_RULES } from '../../src/shared/quality';
import { writeField } from '../../src/main/store/plan-store';
import { seededService, tempDir } from './helpers';

const svc = seededService();
const call = async <T>(method: string, args: unknown): Promise<T> => {
  const res = await svc.dispatch(method, args);
  if (!res.ok) throw new Error(res.error.message);
  return res.result as T;
};
const quality = () => call<QualityEntry[]>('quality.list', {});
async function labelsOf(key: string): Promise<Record<string, string[]>> {
  const entry = (await quality()).find((e) => e.key === key)!;
  return Object.fromEntries(entry.labels.map((l) => [l.id, l.evidence]));
}

describe('quality labels on real seed items', () => {
  it('1-1-1: a dated commitment, a named programme, two ministries without a lead', async () => {
    const labels = await labelsOf('1-1-1');
    expect(labels.dated).toEqual(['令和8年度から']);
    expect(labels.named!.length).toBeGreaterThan(0);
    expect(labels['no-lead']).toEqual(['文', '厚']);
    expect(labels.vague).toBeUndefined();
    expect(labels.boilerplate).toBeUndefined();
  });

  it('1-1-12: nothing concrete and a boilerplate-only future', async () => {
    const labels = await labelsOf('1-1-12');
    expect(Object.keys(labels)).toEqual(expect.arrayContaining(['vague', 'boilerplate']));
    expect(labels.dated).toBeUndefined();
  });

  it('1-1-15: a numeric target and a date, with the words as evidence', async () => {
    const labels = await labelsOf('1-1-15');
    expect(labels.numeric).toEqual(['1課題']);
    expect(labels.dated).toEqual(['令和8年度中']);
  });

  it('2-1-1: every kind of dated commitment, a deadline counted from promulgation included', async () => {
    const labels = await labelsOf('2-1-1');
    expect(labels.dated).toEqual(
      expect.arrayContaining(['令和 7 年度中に', '令和 8 年度以降', '令和 7 年度を目途に', '公布後 1 年 6 月以内']),
    );
  });

  it('1-1-9: shared item with bullets no ministry tag names; 1-2-3-1: a continuation no action shows', async () => {
    expect((await labelsOf('1-1-9')).untagged!.length).toBe(2);
    expect((await labelsOf('1-2-3-1')).untracked![0]).toMatch(/^引き続き事業を着実に進め/);
  });

  it('1-1-2: bullets split by inference, warnings unchecked; every label has a reason naming its evidence', async () => {
    const entry = (await quality()).find((e) => e.key === '1-1-2')!;
    const ids = entry.labels.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['unchecked', 'inferred-split']));
    for (const l of entry.labels) {
      expect(l.reason.length).toBeGreaterThan(5);
      for (const word of l.evidence) expect(l.reason).toContain(word.slice(0, 10));
    }
  });

  it('no item is both vague and dated: the 具体性 labels agree with each other', async () => {
    for (const e of await quality()) {
      const ids = e.labels.map((l) => l.id);
      if (ids.includes('vague')) expect(ids.filter((i) => ['dated', 'numeric', 'named'].includes(i))).toEqual([]);
    }
  });
});

describe('confirming ingest warnings (確認済み)', () => {
  it('removes the unchecked label and lowers the dashboard count, keeping who and when', async () => {
    const before = await call<{ warnings: { unchecked: { count: number } } }>('dashboard.figures', {});
    const checks = await call<{ checkedBy: string; checkedAt: string }[]>('warnings.check', { key: '1-1-2', author: '山田' });
    expect(checks.length).toBeGreaterThan(0);
    expect(checks[0]!.checkedBy).toBe('山田');
    expect(checks[0]!.checkedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const labels = await labelsOf('1-1-2');
    expect(labels.unchecked).toBeUndefined();
    expect(labels['inferred-split']).toBeDefined(); // a fact of the text, confirmed or not
    const after = await call<{ warnings: { unchecked: { count: number } } }>('dashboard.figures', {});
    expect(after.warnings.unchecked.count).toBe(before.warnings.unchecked.count - 1);
  });

  it('refuses a warning the item does not have, and an item without warnings, writing nothing', async () => {
    const rows = () => (svc.db.prepare('SELECT COUNT(*) AS n FROM warning_checks').get() as { n: number }).n;
    const n = rows();
    const stale = await svc.dispatch('warnings.check', { key: '1-1-3', author: '山田', warning: '存在しない注意' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(!stale.ok && stale.error.message).toMatch(/その取込時の注意はありません/);
    const none = await svc.dispatch('warnings.check', { key: '1-1-1', author: '山田' });
    expect(!none.ok && none.error.message).toMatch(/取込時の注意がありません/);
    const missing = await svc.dispatch('warnings.check', { key: '9-9-9', author: '山田' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
    expect(rows()).toBe(n);
    expect((await labelsOf('1-1-3')).unchecked).toBeDefined();
  });
});

describe('鮮度: the round with the ministries', () => {
  it('an exported item is 今回未更新 until an answer is applied to it, then 今回更新 naming the file', async () => {
    // An answer applied in an earlier round: not this round's once the item is exported again.
    writeField(svc.db, '1-1-4', 'future', [{ text: '令和8年度から新たな公募を開始する。', level: 0 }], {
      author: '厚',
      source: 'import:前回_厚.xlsx#1',
    });
    expect(Object.keys(await labelsOf('1-1-4'))).not.toContain('stale');
    await new Promise((r) => setTimeout(r, 5)); // the export must be stamped after that revision
    const out = path.join(tempDir(), 'kou.xlsx');
    await svc.dispatch('excel.exportMinistry', { ministries: ['厚'], outFile: out });
    expect(fs.existsSync(out)).toBe(true);
    const stale = await labelsOf('1-1-4');
    expect(stale.stale).toBeDefined();
    expect(stale.fresh).toBeUndefined();
    // What applying a returned file writes (import-store.ts): a revision whose source names the file.
    writeField(svc.db, '1-1-4', 'future', [{ text: '令和9年度から新たな公募を開始する。', level: 0 }], {
      author: '厚',
      source: 'import:回答_厚.xlsx#2',
    });
    const fresh = await labelsOf('1-1-4');
    expect(fresh.fresh).toEqual(['回答_厚.xlsx']);
    expect(fresh.stale).toBeUndefined();
    const round = (await call<{ round: { ministry: string; exportedAt: string | null; awaiting: boolean }[] }>('dashboard.figures', {}))
      .round;
    expect(round.find((r) => r.ministry === '厚')).toMatchObject({ awaiting: true });
    expect(round.find((r) => r.ministry === '文')).toMatchObject({ exportedAt: null, awaiting: false });
  });
});

describe('the rules as data', () => {
  it('every rule has an id, a group, a label and an explanation; ids are unique', () => {
    expect(new Set(QUALITY_RULES.map((r) => r.id)).size).toBe(QUALITY_RULES.length);
    for (const r of QUALITY_RULES) expect(r.explanation.length).toBeGreaterThan(10);
  });
});
