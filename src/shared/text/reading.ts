// Readings (yomi) for search by reading: にんちしょう finds 認知症, げのむ finds ゲノム, いりょうでぃーえっくす
// finds 医療DX. The morphological analyser (main side, store/search-tokenizer.ts) gives each word's
// reading in katakana; everything is kept in hiragana so a query typed in either script meets it.
// Words the dictionary has no reading for keep their own kana, and Latin letters are spelt out with
// the table below (DX → でぃーえっくす), as a Japanese speaker says them.

/** One analysed word: where it sits in the original text, and how it reads (hiragana, folded). */
export interface ReadingToken {
  /** Start and end (exclusive) in the original text, in UTF-16 code units. */
  start: number;
  end: number;
  reading: string;
  /** A content word (noun): a candidate for 「もしかして」 suggestions. */
  noun: boolean;
}

const LATIN: Record<string, string> = {
  a: 'えー',
  b: 'びー',
  c: 'しー',
  d: 'でぃー',
  e: 'いー',
  f: 'えふ',
  g: 'じー',
  h: 'えいち',
  i: 'あい',
  j: 'じぇー',
  k: 'けー',
  l: 'える',
  m: 'えむ',
  n: 'えぬ',
  o: 'おー',
  p: 'ぴー',
  q: 'きゅー',
  r: 'あーる',
  s: 'えす',
  t: 'てぃー',
  u: 'ゆー',
  v: 'ぶい',
  w: 'だぶりゅー',
  x: 'えっくす',
  y: 'わい',
  z: 'ぜっと',
};

const KATAKANA = /[\u30a1-\u30f6]/g;

/** ゲノム → げのむ (the long-vowel mark ー and other characters are kept). */
export function toHiragana(text: string): string {
  return text.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Latin letters spelt out in kana (dx → でぃーえっくす); other characters as they are. */
export function spellLatin(text: string): string {
  return text.replace(/[a-z]/gi, (c) => LATIN[c.toLowerCase()] ?? c);
}

/** The reading of a word: its dictionary reading if any, else its own text with kana and letters read. */
export function wordReading(surface: string, dictionaryReading: string | undefined): string {
  const base = dictionaryReading && dictionaryReading !== '*' ? dictionaryReading : surface.normalize('NFKC').toLowerCase();
  return spellLatin(toHiragana(base));
}

/** A query that can be matched against readings: kana (and ー) only, as typed or folded. */
export function isReadingQuery(foldedQuery: string): boolean {
  return /^[\u3041-\u3096\u30a1-\u30f6ー]+$/u.test(foldedQuery);
}

/** The reading text of analysed words and, per word, [readingStart, start, end, noun] flattened. */
export function joinReadings(tokens: readonly ReadingToken[]): { reading: string; map: number[] } {
  let reading = '';
  const map: number[] = [];
  for (const t of tokens) {
    map.push(reading.length, t.start, t.end, t.noun ? 1 : 0);
    reading += t.reading;
  }
  return { reading, map };
}

/**
 * The spans of the original text whose reading contains the query: every word that a match in the
 * reading touches is marked whole (にんち in にんちしょう marks 認知).
 */
export function readingSpans(reading: string, map: readonly number[], query: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (!query) return spans;
  for (let at = reading.indexOf(query); at >= 0; at = reading.indexOf(query, at + query.length)) {
    const end = at + query.length;
    let start = -1;
    let last = -1;
    for (let i = 0; i < map.length; i += 4) {
      const rStart = map[i] ?? 0;
      const rEnd = map[i + 4] ?? reading.length;
      if (rEnd <= at || rStart >= end) continue;
      if (start < 0) start = map[i + 1] ?? 0;
      last = map[i + 2] ?? 0;
    }
    if (start >= 0) spans.push({ start, end: last });
  }
  return spans;
}
