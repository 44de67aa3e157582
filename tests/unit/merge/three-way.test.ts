import { describe, expect, it } from 'vitest';
import { bulletsToCell, cellToBullets, cellToNote } from '../../../src/shared/merge/cell-text';
import { mergeCell } from '../../../src/shared/merge/three-way';
import { lossOf } from '../../../src/shared/merge/text-loss';

describe('mergeCell (three-way)', () => {
  const base = '・A';
  it.each([
    ['unchanged', { base, theirs: '・A', ours: '・A' }],
    ['theirs', { base, theirs: '・B', ours: '・A' }],
    ['ours', { base, theirs: '・A', ours: '・C' }],
    ['same', { base, theirs: '・B', ours: '・B' }],
    ['same', { base, theirs: '・B ', ours: '・B' }],
    ['conflict', { base, theirs: '・B', ours: '・C' }],
    ['whitespace', { base, theirs: '・ A\u3000', ours: '・A' }],
    ['ours', { base, theirs: '・ A', ours: '・C' }],
  ] as const)('%s: %j', (kind, input) => {
    expect(mergeCell(input)).toEqual({ kind, twoWay: false });
  });

  it('falls back to two-way without a base: any real difference must be decided', () => {
    expect(mergeCell({ base: null, theirs: '・A', ours: '・A' })).toEqual({ kind: 'unchanged', twoWay: true });
    expect(mergeCell({ base: null, theirs: '・A ', ours: '・A' })).toEqual({ kind: 'whitespace', twoWay: true });
    expect(mergeCell({ base: null, theirs: '・B', ours: '・A' })).toEqual({ kind: 'conflict', twoWay: true });
  });
});

describe('a proposal that throws text away', () => {
  const base = '・研究基盤を整備する。\n・臨床研究を推進する。\n・人材を育成する。';
  it('a cell the file empties is `cleared`, whoever else changed it', () => {
    expect(mergeCell({ base, theirs: '', ours: base })).toEqual({ kind: 'cleared', twoWay: false });
    expect(mergeCell({ base, theirs: '・\u3000', ours: '・事務局が書き直した。' })).toEqual({ kind: 'cleared', twoWay: false });
    expect(mergeCell({ base: null, theirs: '', ours: base })).toEqual({ kind: 'cleared', twoWay: true });
    // Filling an empty cell, or emptying one already empty here, loses nothing.
    expect(mergeCell({ base: '', theirs: '・新しい取組', ours: '' }).kind).toBe('theirs');
    expect(mergeCell({ base, theirs: '', ours: '' }).kind).toBe('same');
  });

  it('a cell that loses a whole bullet or more than half its characters is `shrunk`', () => {
    expect(mergeCell({ base, theirs: '・研究基盤を整備する。\n・人材を育成する。', ours: base }).kind).toBe('shrunk');
    // A bullet removed while another is added elsewhere is still a removal.
    expect(mergeCell({ base, theirs: '・臨床研究を推進する。\n・人材を育成する。\n・新たに国際連携を進める。', ours: base }).kind).toBe(
      'shrunk',
    );
    expect(
      mergeCell({
        base: '・研究基盤を整備し、臨床研究を推進する。',
        theirs: '・研究基盤を整備',
        ours: '・研究基盤を整備し、臨床研究を推進する。',
      }).kind,
    ).toBe('shrunk');
  });

  it('rewording, adding and trimming a little stay ordinary changes', () => {
    expect(mergeCell({ base, theirs: '・研究基盤を整備・拡充する。\n・臨床研究を推進する。\n・人材を育成する。', ours: base }).kind).toBe(
      'theirs',
    );
    expect(mergeCell({ base, theirs: `${base}\n・追加の取組。`, ours: base }).kind).toBe('theirs');
    expect(
      mergeCell({ base, theirs: '・研究基盤を整備する。\n・臨床研究を一層推進する。\n・人材を育成する。', ours: '・事務局の案。' }).kind,
    ).toBe('conflict');
    expect(lossOf('・研究基盤を整備する。', '・研究基盤を整備')).toBeNull();
    expect(lossOf('', '')).toBeNull();
  });
});

describe('cell text ↔ bullets', () => {
  it('round-trips bullets with nesting', () => {
    const bullets = [
      { text: '研究を推進する【文】。', level: 0 },
      { text: '①臨床研究', level: 1 },
      { text: '=SUM(A1) は文字', level: 0 },
    ];
    const cell = bulletsToCell(bullets);
    expect(cell.split('\n').every((l) => /^[\u3000]*・/.test(l))).toBe(true);
    expect(cellToBullets(cell)).toEqual({ bullets, inferredStarts: 0 });
  });

  it('normalises CRLF, stray spaces, other markers and half-width indents', () => {
    const r = cellToBullets('・ 一つ目 \r\n  ・二つ目\r\n\r\n• 三つ目\u3000');
    expect(r.bullets).toEqual([
      { text: '一つ目', level: 0 },
      { text: '二つ目', level: 1 },
      { text: '三つ目', level: 0 },
    ]);
  });

  it('a line without ・ continues the bullet, unless the bullet ended a sentence', () => {
    const r = cellToBullets('・長い文の\n続きである。\n新しい点を書いた。\n・次');
    expect(r.bullets).toEqual([
      { text: '長い文の続きである。', level: 0 },
      { text: '新しい点を書いた。', level: 0 },
      { text: '次', level: 0 },
    ]);
    expect(r.inferredStarts).toBe(1);
    expect(cellToBullets('書き出しに・がない').bullets).toEqual([{ text: '書き出しに・がない', level: 0 }]);
    expect(cellToBullets('').bullets).toEqual([]);
  });

  it('caps the level and trims notes', () => {
    expect(cellToBullets('\u3000\u3000\u3000\u3000\u3000・深い').bullets[0]!.level).toBe(3);
    expect(cellToNote('  補足です\r\n二行目  ')).toBe('補足です\n二行目');
  });
});
