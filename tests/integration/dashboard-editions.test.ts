// The dashboard, the quality labels and the list's facets on an archived edition (issue 11), on a real
// SQLite file: 令和8 (tests/fixtures/editions/build.ts) is applied over 令和7; `dashboard --edition 7`
// then gives the figures 令和7 had while it was current (3-3-2, dropped in 令和8, still counted there),
// each figure equals `items --edition 7 --json` with the figure's filter, and 照会状況 / ingest warnings
// are left empty for the archived edition (they are about the current items).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../src/main/api/service';
import type { DashboardFigures, Figure } from '../../src/shared/dashboard';
import { buildR8Edition } from '../fixtures/editions/build';
import { cli } from './cli-helpers';
import { filterArgs } from './figure-filter-args';
import { api, apiError } from './excel-helpers';
import { tempDbPath, tempDir } from './helpers';

const DROPPED = '3-3-2';

/** Every figure that opens a list (the round rows have none on an archived edition). */
function allFigures(fig: DashboardFigures): Figure[] {
  return [
    ...fig.byMinistry.flatMap((r) => r.cells),
    ...fig.bySection.major,
    ...fig.bySection.middle,
    ...fig.bySection.area,
    ...fig.labels.bySection.flatMap((r) => r.cells),
    ...fig.labels.byMinistry.flatMap((r) => r.cells),
    fig.labels.boilerplateOnly,
    ...fig.timeline.total,
    ...fig.timeline.byMinistry.flatMap((r) => r.cells),
    ...fig.annotations.bySection.flatMap((r) => r.cells),
    ...fig.annotations.byTag.flatMap((r) => r.cells),
    ...fig.annotations.byAuthor.flatMap((r) => r.cells),
    ...fig.quality.distribution,
    fig.warnings.unchecked,
  ];
}

/** The figures that do not depend on the round or on ingest warnings (the current items' business). */
function itemFigures(fig: DashboardFigures) {
  return {
    itemCount: fig.itemCount,
    byMinistry: fig.byMinistry,
    bySection: fig.bySection,
    labels: fig.labels,
    timeline: fig.timeline,
    annotations: fig.annotations,
    quality: fig.quality.distribution.filter((f) => !f.label.startsWith('取込品質')),
  };
}

async function dashboardJson(db: string, edition?: number): Promise<DashboardFigures> {
  const res = await cli(['--db', db, 'dashboard', ...(edition ? ['--edition', String(edition)] : []), '--json']);
  expect(res.code, res.err).toBe(0);
  return JSON.parse(res.out) as DashboardFigures;
}

describe('dashboard on an archived edition (令和7 after 令和8 is applied)', () => {
  const db = tempDbPath();
  let svc: Service;
  let asCurrent: DashboardFigures;

  beforeAll(async () => {
    svc = openService(db);
    await api(svc, 'annotations.create', {
      itemKey: DROPPED,
      field: 'actions',
      quote: '次世代医療基盤法',
      comment: '中身は?',
      tags: ['要確認'],
      author: '委員A',
    });
    asCurrent = await dashboardJson(db);
    expect(asCurrent.fiscalYear).toBe(7);
    const source = path.join(tempDir(), 'r8.txt');
    fs.writeFileSync(source, buildR8Edition());
    const [batch] = await api(svc, 'editions.stage', { files: [source] });
    await api(svc, 'editions.apply', { batch: batch!.id, author: '事務局' });
  }, 120_000);

  it("dashboard --edition 7 --json: 令和7's figures as they were while current; 3-3-2 counted in 7, not in 8", async () => {
    const r7 = await dashboardJson(db, 7);
    const r8 = await dashboardJson(db);
    expect(r7.fiscalYear).toBe(7);
    expect(r8.fiscalYear).toBe(8);
    expect(itemFigures(r7)).toEqual(itemFigures(asCurrent));

    const middle = (fig: DashboardFigures) => fig.bySection.middle.find((f) => f.filter.section === '3-3')!.count;
    expect(middle(r7)).toBe(middle(r8) + 1);
    // The annotation on the dropped item is 令和7's: counted on 7's dashboard only.
    const tagged = (fig: DashboardFigures) => fig.annotations.byTag.find((r) => r.label === '要確認')?.cells[0]?.count ?? 0;
    expect(tagged(r7)).toBe(1);
    expect(tagged(r8)).toBe(0);
    const facets7 = await api(svc, 'items.facets', { edition: 7 });
    const facets8 = await api(svc, 'items.facets', {});
    expect(facets7[DROPPED]!.annotations).toEqual([{ status: 'open', tags: ['要確認'], author: '委員A' }]);
    expect(facets8[DROPPED]).toBeUndefined();

    // 照会状況 and ingest warnings are the current items' business: none on the archived edition.
    expect(r7.round).toEqual([]);
    expect(r8.round.length).toBeGreaterThan(0);
    expect(r7.warnings.unchecked.count).toBe(0);
    const text = await cli(['--db', db, 'dashboard', '--edition', '7']);
    expect(text.out).toMatch(/^ダッシュボード 令和7年度\(現在の版ではありません\) 全 56 項目/);
    expect(text.out).toMatch(/照会状況は現在の版の項目についてのみ/);
    expect(text.out).toMatch(/取込時の注意: 現在の版の項目についてのみ確認します/);
    const now = await cli(['--db', db, 'dashboard', '--edition', '8']);
    expect(now.out).toMatch(/^ダッシュボード 令和8年度 全/);
    expect(now.out).not.toMatch(/照会状況は現在の版の項目についてのみ/);
    expect(now.out).toMatch(/未確認の取込時の注意がある項目: \d+/);
  }, 120_000);

  it('every figure of 令和7 equals the items `items --edition 7 --json` lists with its filter', async () => {
    const r7 = await dashboardJson(db, 7);
    const figures = allFigures(r7);
    expect(figures.some((f) => f.count > 0 && f.filter.quality !== undefined)).toBe(true);
    expect(figures.some((f) => f.count > 0 && f.filter.futureLabel !== undefined)).toBe(true);
    for (const f of figures) {
      const list = await cli(['--db', db, 'items', '--edition', '7', '--json', ...filterArgs(f.filter)]);
      expect(list.code, list.err).toBe(0);
      const keys = (JSON.parse(list.out) as { key: string }[]).map((it) => it.key);
      expect(keys.length, `${f.label} ${JSON.stringify(f.filter)}`).toBe(f.count);
    }
    const dropped = await cli(['--db', db, 'items', '--edition', '7', '--json', '--annotation-tag', '要確認']);
    expect((JSON.parse(dropped.out) as { key: string }[]).map((it) => it.key)).toEqual([DROPPED]);
  }, 240_000);

  it("quality --edition 7: 令和7's items with their labels, 3-3-2 among them", async () => {
    const res = await cli(['--db', db, 'quality', '--edition', '7', '--json']);
    expect(res.code, res.err).toBe(0);
    const entries = JSON.parse(res.out) as { key: string; labels: { id: string }[] }[];
    expect(entries).toHaveLength(asCurrent.itemCount);
    expect(entries.map((e) => e.key)).toContain(DROPPED);
    const now = JSON.parse((await cli(['--db', db, 'quality', '--json'])).out) as { key: string }[];
    expect(now.map((e) => e.key)).not.toContain(DROPPED);
  });

  it('a draft edition has its dashboard too (the items it was started with)', async () => {
    await api(svc, 'editions.start', { fiscalYear: 9 });
    const r9 = await dashboardJson(db, 9);
    const r8 = await dashboardJson(db);
    expect(r9.fiscalYear).toBe(9);
    expect(r9.itemCount).toBe(r8.itemCount);
    expect(r9.bySection).toEqual(r8.bySection);
  });

  it('an edition not held: 「令和N年度版はありません。」 from every door, nothing written', async () => {
    const before = JSON.stringify(svc.db.prepare('SELECT * FROM editions ORDER BY fiscal_year').all());
    const res = await cli(['--db', db, 'dashboard', '--edition', '5', '--json']);
    expect(res.code).not.toBe(0);
    expect(res.err).toMatch(/令和5年度版はありません。/);
    expect(await apiError(svc, 'items.facets', { edition: 5 })).toBe('令和5年度版はありません。');
    expect(await apiError(svc, 'quality.list', { edition: 5 })).toBe('令和5年度版はありません。');
    expect(await apiError(svc, 'dashboard.figures', { edition: 5 })).toBe('令和5年度版はありません。');
    expect(JSON.stringify(svc.db.prepare('SELECT * FROM editions ORDER BY fiscal_year').all())).toBe(before);
  });
});
