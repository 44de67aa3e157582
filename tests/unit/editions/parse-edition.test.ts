// The parser reads a table of any fiscal year, and says which year it read.
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../src/main/ingest/plan-parser';
import { SEED_TEXT, buildR8Edition } from '../../fixtures/editions/build';

describe('parsePlan and the fiscal year', () => {
  it('reports 令和7 for the seed', () => {
    expect(parsePlan(SEED_TEXT).fiscalYear).toBe(7);
  });

  it('reads the 令和8 edition (令和 ８ 年度 in the title, 令和8 headers) with all its items and cells', () => {
    const plan = parsePlan(buildR8Edition());
    expect(plan.fiscalYear).toBe(8);
    expect(plan.warnings.filter((w) => w.startsWith('表題'))).toEqual([]);
    expect(plan.title).toContain('令和 ８ 年度の実施と今後の方向性等');
    expect(plan.items).toHaveLength(57);
    expect(plan.items.every((i) => i.actions.length > 0 && i.future.length > 0)).toBe(true);
  });

  it('names the actions column of the table’s own year in its warnings', () => {
    const r8 = parsePlan(buildR8Edition()).items.flatMap((i) => i.warnings);
    expect(r8.some((w) => w.includes('令和8年度の取組'))).toBe(true);
    expect(r8.some((w) => w.includes('令和7年度の取組'))).toBe(false);
    const actions = parsePlan(SEED_TEXT).items.flatMap((i) => i.warnings);
    expect(actions.some((w) => w.includes('令和7年度の取組'))).toBe(true);
  });

  it('warns when a header still says last year under a 令和8 title, and still reads every item', () => {
    const stale = buildR8Edition().replace('各府省・AMEDの令和 8 年度の取組', '各府省・AMEDの令和 7 年度の取組');
    const plan = parsePlan(stale);
    expect(plan.fiscalYear).toBe(8);
    expect(plan.warnings[0]).toBe('表題は令和8年度ですが、取組の列見出しに令和7年度があります。');
    expect(plan.items).toHaveLength(57);
  });
});
