// Folding for matching: NFKC, lower case, no white space, each character folded on its own, with a
// map back to the original. foldForMatch copies runs of characters that fold to themselves without
// normalising them, so it is checked here against the definition, character by character.
import { describe, expect, it } from 'vitest';
import { foldForMatch, foldWithMap } from '../../../src/shared/text/normalize';

const SPACE = /[\s\u3000\u200b\ufeff]/u;

/** The definition: every code point normalised on its own, white space dropped, with where it came from. */
function byDefinition(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    for (const unit of SPACE.test(ch) ? '' : ch.normalize('NFKC').toLowerCase()) {
      if (SPACE.test(unit)) continue;
      folded += unit;
      for (let k = 0; k < unit.length; k++) map.push(i);
    }
    i += ch.length;
  }
  return { folded, map };
}

describe('foldForMatch / foldWithMap', () => {
  it('fold the spellings the plan mixes: widths, spaces, case, half-width kana', () => {
    expect(foldForMatch('令和 ７ 年度　ＡＭＥＤ・ｶﾀｶﾅ')).toBe('令和7年度amed・カタカナ');
    expect(foldWithMap('Ａ Ｂ')).toEqual({ folded: 'ab', map: [0, 2] });
  });

  it('agree with the definition for every character of the BMP, alone and in runs', () => {
    let all = '';
    for (let code = 0; code < 0x10000; code++) all += String.fromCharCode(code);
    // Twice: the second pass reads the per-character table the first one filled.
    for (const text of [all, all, [...all].reverse().join(''), '𠮷野家 ｶﾞｷﾞ a\ud800b ㍻①ﬁⅫ', '']) {
      const expected = byDefinition(text);
      expect(foldForMatch(text)).toBe(expected.folded);
      expect(foldWithMap(text)).toEqual(expected);
    }
  });
});
