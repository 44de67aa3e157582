// The consolidated table's hanging indent: wrapped lines start under the text, never under the 「・」,
// and the cell still reads back as exactly the same bullets (the table can be imported).
import { describe, expect, it } from 'vitest';
import { hangingCell } from '../../../src/main/excel/hanging-wrap';
import { lineWidth, usableWidth } from '../../../src/main/excel/sheet-style';
import { cellToBullets } from '../../../src/shared/merge/cell-text';
import { seededService } from '../../integration/helpers';
import { bulletsByItem } from '../../../src/main/excel/bulk-items';

describe('hangingCell', () => {
  const long = {
    text: 'がんの診療現場や臨床試験において浮上したクリニカル・クエスチョン（CQ）やアンメットメディカルニーズ（UMN）に対して、臨床検体を用いて解析を行う【厚】。',
    level: 0,
  };

  it('indents every continuation line by one full-width space per level plus one, and keeps lines inside the column', () => {
    const lines = hangingCell([long, { ...long, level: 1 }], 40).split('\n');
    expect(lines.length).toBeGreaterThan(4);
    expect(lines[0]).toMatch(/^・がん/);
    const sub = lines.findIndex((l) => l.startsWith('\u3000・'));
    expect(sub).toBeGreaterThan(1);
    for (const l of lines.slice(1, sub)) expect(l).toMatch(/^\u3000[^\u3000・]/u);
    for (const l of lines.slice(sub + 1)) expect(l).toMatch(/^\u3000\u3000[^\u3000・]/u);
    for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(usableWidth(40));
  });

  it('never starts a line with 、 or 。 and never breaks before a 「・」 inside the text', () => {
    const lines = hangingCell([long], 30).split('\n');
    for (const l of lines.slice(1)) expect(l.trimStart()).not.toMatch(/^[、。・]/u);
  });

  it('reads back as the same bullets for every item of the plan, at several widths', () => {
    const svc = seededService();
    for (const { actions, future } of bulletsByItem(svc.db).values()) {
      for (const bullets of [actions, future]) {
        for (const width of [57, 51, 24]) {
          const parsed = cellToBullets(hangingCell(bullets, width));
          expect(parsed.bullets).toEqual(bullets);
          expect(parsed.inferredStarts).toBe(0);
        }
      }
    }
    svc.close();
  });
});
