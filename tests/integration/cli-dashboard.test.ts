// The dashboard from the CLI: every figure equals the number of items `items --json` lists with the
// figure's filter (what the list shows when the chart element is clicked); `quality --json` and the
// workbook export.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DashboardFigures, Figure } from '../../src/shared/dashboard';
import { cli } from './cli-helpers';
import { filterArgs } from './figure-filter-args';
import { tempDbPath, tempDir } from './helpers';

describe('CLI dashboard', () => {
  const db = tempDbPath();

  it('dashboard --json: the documented figures, each equal to items --json with its filter', async () => {
    expect((await cli(['--db', db, 'seed'])).code).toBe(0);
    await cli(['--db', db, 'annotate', '1-1-1', '--field', 'future', '--quote', '令和8年度から', '--tag', '要確認']);
    const res = await cli(['--db', db, 'dashboard', '--json']);
    expect(res.code).toBe(0);
    const fig = JSON.parse(res.out) as DashboardFigures;
    expect(Object.keys(fig)).toEqual(
      expect.arrayContaining(['byMinistry', 'bySection', 'labels', 'timeline', 'round', 'annotations', 'quality', 'warnings']),
    );
    expect(fig.itemCount).toBe(56);
    const figures: Figure[] = [
      ...fig.byMinistry.flatMap((r) => r.cells),
      ...fig.bySection.major,
      ...fig.labels.byMinistry.flatMap((r) => r.cells),
      fig.labels.boilerplateOnly,
      ...fig.labels.bySection.slice(0, 3).flatMap((r) => r.cells),
      ...fig.timeline.total,
      ...fig.timeline.byMinistry.slice(0, 4).flatMap((r) => r.cells),
      ...fig.annotations.byTag.flatMap((r) => r.cells),
      ...fig.quality.distribution,
      fig.warnings.unchecked,
    ];
    expect(figures.some((f) => f.count > 0 && f.filter.annotationTag === '要確認')).toBe(true);
    for (const f of figures) {
      const list = await cli(['--db', db, 'items', '--json', ...filterArgs(f.filter)]);
      expect(list.code, list.err).toBe(0);
      expect((JSON.parse(list.out) as unknown[]).length, `${f.label} ${JSON.stringify(f.filter)}`).toBe(f.count);
    }
  }, 120_000);

  it('quality --json: [{ key, labels: [{ id, label, reason, evidence }] }] for every item', async () => {
    const res = await cli(['--db', db, 'quality', '--json']);
    const entries = JSON.parse(res.out) as { key: string; labels: Record<string, unknown>[] }[];
    expect(entries).toHaveLength(56);
    const first = entries.find((e) => e.key === '1-1-1')!;
    expect(Object.keys(first.labels[0]!)).toEqual(['id', 'label', 'reason', 'evidence']);
  });

  it("check-warnings KEY confirms the item's warnings; the unchecked count drops", async () => {
    const count = async () =>
      (JSON.parse((await cli(['--db', db, 'dashboard', '--json'])).out) as DashboardFigures).warnings.unchecked.count;
    const before = await count();
    const res = await cli(['--db', db, 'check-warnings', '1-1-2']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/確認済み/);
    expect(await count()).toBe(before - 1);
  });

  it('dashboard --out writes one workbook with a sheet per chart; bad input is refused', async () => {
    const out = path.join(tempDir(), 'dash.xlsx');
    expect((await cli(['--db', db, 'dashboard', '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '府省別',
      '区分別',
      '今後の方向性',
      '時期',
      '照会状況',
      '注釈',
      '品質ラベル',
      '要確認の項目',
      '取込時の注意',
    ]);
    expect(wb.getWorksheet('府省別')!.getRow(2).getCell(1).value).toMatch(/^健/);
    const bad = await cli(['--db', db, 'dashboard', '--edition', '3', '--json']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/令和3年度版はありません/);
    const badLabel = await cli(['--db', db, 'items', '--future-label', 'maybe']);
    expect(badLabel.code).toBe(1);
    expect(fs.existsSync(out)).toBe(true);
  });
});
