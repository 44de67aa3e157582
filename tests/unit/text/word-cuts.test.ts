import { describe, expect, it } from 'vitest';
import { wordCutter } from '../../../src/shared/text/word-cuts';

/** What a cutter must do, written the plain way: each word split out of what the earlier ones left. */
function splitJoin(words: readonly string[], cut: string, text: string): string {
  let out = text;
  for (const word of words) out = out.split(word).join(cut);
  return out;
}

describe('wordCutter', () => {
  it('cuts the words in the order given where they overlap', () => {
    expect(wordCutter(['実施', '着実'], '|')('着実施する')).toBe('着|する');
    expect(wordCutter(['着実', '実施'], '|')('着実施する')).toBe('|施する');
    expect(wordCutter(['研究開発', '研究', '開発'], '|')('研究開発と研究と開発研究')).toBe('|と|と||');
    expect(wordCutter(['研究事業', '事業等'], '|')('研究事業等')).toBe('|等');
    expect(wordCutter(['事業等', '研究事業'], '|')('研究事業等')).toBe('研究|');
    expect(wordCutter(['実施'], '|')('実施実施')).toBe('||');
    expect(wordCutter(['実実'], '|')('実実実')).toBe('|実');
    expect(wordCutter(['等'], '|')('がん')).toBe('がん');
  });

  it('gives what the split-join loop gives on random texts of overlapping words', () => {
    const words = [
      '着実',
      '実施',
      '施策',
      '充実',
      '拡充',
      '実現',
      '研究開発',
      '研究',
      '開発',
      '展開',
      '事業等',
      '研究事業',
      '事業',
      '等',
      '実実',
    ];
    const pieces = [...words, '着', '実', '施', '研', '開', 'が', '、', '𠮷'];
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 2000; round++) {
      const order = [...words].sort(() => next() - 0.5);
      let text = '';
      for (let k = Math.floor(next() * 15); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)]!;
      expect(wordCutter(order, '|')(text), `${order.join(',')} / ${text}`).toBe(splitJoin(order, '|', text));
    }
  });

  it('refuses a word that holds the cut, which could make a later word appear', () => {
    expect(() => wordCutter(['a|b'], '|')).toThrow();
    expect(() => wordCutter([''], '|')).toThrow();
  });
});
