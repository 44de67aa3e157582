import { describe, expect, it } from 'vitest';
import {
  canShift,
  cleanBullets,
  clampLevels,
  mergeWithNext,
  moveDown,
  moveUp,
  removeAt,
  sameBullets,
  shiftLevel,
  splitAt,
} from '../../../src/shared/bullet-edit';
import type { Bullet } from '../../../src/shared/domain';

let id = 0;
interface IdBullet extends Bullet {
  id: number;
}
const make = (text: string, level: number): IdBullet => ({ id: ++id, text, level });
const list = (...spec: [string, number][]): IdBullet[] => spec.map(([text, level]) => make(text, level));
const shape = (l: readonly Bullet[]) => l.map((b) => `${'-'.repeat(b.level)}${b.text}`);

describe('bullet list operations of the editor', () => {
  it('moves a bullet up and down with the bullets nested under it', () => {
    const l = list(['A', 0], ['B', 0], ['B1', 1], ['B2', 1], ['C', 0]);
    expect(shape(moveUp(l, 1))).toEqual(['B', '-B1', '-B2', 'A', 'C']);
    expect(shape(moveDown(l, 1))).toEqual(['A', 'C', 'B', '-B1', '-B2']);
    expect(shape(moveDown(l, 0))).toEqual(['B', '-B1', '-B2', 'A', 'C']);
    expect(moveUp(l, 0)).toBe(l);
    expect(moveDown(l, 4)).toBe(l);
  });

  it('moves a nested bullet within its siblings, and out past its parent keeping levels valid', () => {
    const l = list(['A', 0], ['A1', 1], ['A2', 1], ['B', 0]);
    expect(shape(moveDown(l, 1))).toEqual(['A', '-A2', '-A1', 'B']);
    expect(shape(moveUp(l, 1))).toEqual(['A1', 'A', '-A2', 'B']);
    expect(shape(moveDown(l, 2))).toEqual(['A', '-A1', 'B', '-A2']);
  });

  it('keeps the identity of the moved bullets', () => {
    const l = list(['A', 0], ['B', 0]);
    expect(moveDown(l, 0).map((b) => b.id)).toEqual([l[1]!.id, l[0]!.id]);
  });

  it('indents and outdents with the nested bullets, never deeper than one below the previous', () => {
    const l = list(['A', 0], ['B', 0], ['B1', 1]);
    expect(canShift(l, 0, 1)).toBe(false);
    expect(shape(shiftLevel(l, 1, 1))).toEqual(['A', '-B', '--B1']);
    expect(shape(shiftLevel(l, 2, -1))).toEqual(['A', 'B', 'B1']);
    expect(shiftLevel(l, 2, 1)).toBe(l);
  });

  it('keeps levels valid after a removal', () => {
    const l = list(['A', 0], ['A1', 1], ['A1a', 2]);
    expect(shape(removeAt(l, 1))).toEqual(['A', '-A1a']);
    expect(shape(clampLevels(list(['x', 2], ['y', 3])))).toEqual(['x', '-y']);
  });

  it('splits at the caret and merges back', () => {
    const l = list(['研究を推進する。また、人材を育成する。', 0]);
    const split = splitAt(l, 0, '研究を推進する。'.length, make);
    expect(shape(split)).toEqual(['研究を推進する。', 'また、人材を育成する。']);
    expect(split[0]!.id).toBe(l[0]!.id);
    expect(shape(mergeWithNext(split, 0))).toEqual(['研究を推進する。また、人材を育成する。']);
    expect(splitAt(l, 0, 0, make)).toBe(l);
  });
});

describe('cleanBullets and sameBullets', () => {
  it('trim, drop empty bullets, and compare text and level only', () => {
    const edited = list(['取組 ', 0], ['  ', 1], ['続き', 1]);
    expect(cleanBullets(edited)).toEqual([
      { text: '取組', level: 0 },
      { text: '続き', level: 1 },
    ]);
    expect(
      sameBullets(cleanBullets(edited), [
        { text: '取組', level: 0 },
        { text: '続き', level: 1 },
      ]),
    ).toBe(true);
    expect(
      sameBullets(cleanBullets(edited), [
        { text: '取組', level: 0 },
        { text: '続き', level: 0 },
      ]),
    ).toBe(false);
  });
});
