import { describe, expect, it } from 'vitest';
import { isReadingQuery, joinReadings, readingSpans, spellLatin, toHiragana, wordReading } from '../../../src/shared/text/reading';
import { editDistance } from '../../../src/main/store/search-suggest';
import { readingTokens } from '../../../src/main/store/search-tokenizer';

describe('readings', () => {
  it('reads katakana as hiragana and spells Latin letters out', () => {
    expect(toHiragana('ゲノム・データー')).toBe('げのむ・でーたー');
    expect(spellLatin('DX')).toBe('でぃーえっくす');
    expect(wordReading('ＡＭＥＤ', undefined)).toBe('えーえむいーでぃー');
    expect(wordReading('認知', 'ニンチ')).toBe('にんち');
  });

  it('takes only kana queries as readings', () => {
    expect(isReadingQuery('にんちしょう')).toBe(true);
    expect(isReadingQuery('ゲノム')).toBe(true);
    expect(isReadingQuery('認知症')).toBe(false);
    expect(isReadingQuery('dx')).toBe(false);
  });

  it('analyses a text into words placed in the original, full-width and spaced text', () => {
    const text = '認知症と ゲノム医療ＤＸ';
    const tokens = readingTokens(text);
    expect(tokens.map((t) => [text.slice(t.start, t.end), t.reading])).toEqual([
      ['認知', 'にんち'],
      ['症', 'しょう'],
      ['と', 'と'],
      ['ゲノム', 'げのむ'],
      ['医療', 'いりょう'],
      ['ＤＸ', 'でぃーえっくす'],
    ]);
  });

  it('marks every word a reading match touches, whole', () => {
    const text = '医療ＤＸと認知症';
    const { reading, map } = joinReadings(readingTokens(text));
    const marked = (q: string) => readingSpans(reading, map, q).map((s) => text.slice(s.start, s.end));
    expect(marked('にんちしょう')).toEqual(['認知症']);
    expect(marked('ちしょ')).toEqual(['認知症']);
    expect(marked('いりょうでぃーえっくす')).toEqual(['医療ＤＸ']);
    expect(marked('がん')).toEqual([]);
  });

  it('measures edit distance, giving up past the bound', () => {
    expect(editDistance([...'げのん'], [...'げのむ'], 1)).toBe(1);
    expect(editDistance([...'にんちしよう'], [...'にんちしょう'], 2)).toBe(1);
    expect(editDistance([...'abc'], [...'xyz'], 1)).toBe(2);
    expect(editDistance([...'a'], [...'abcd'], 1)).toBe(2);
  });
});
