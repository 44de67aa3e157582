// The Japanese morphological analyser behind search by reading: kuromoji (IPADIC), chosen because it
// ships its dictionary inside the npm package (nothing is fetched at run time, as the app never uses
// the network), is pure JavaScript (no native build for Electron next to better-sqlite3), is the
// analyser most used from npm (Apache-2.0; the IPADIC dictionary is stable, so its 2018 release is not
// a worry) and is what textlint's Japanese rules build on. Its builder loads the dictionary
// asynchronously; ingest and migrations run inside synchronous SQLite transactions, so the same files
// are read synchronously (kuromoji-dictionary.ts; once per thread, 1–1.5 s) and handed to kuromoji's
// own classes. That load is most of what readings cost, so a process that has
// not loaded it does not analyse at indexing time: the text is stored with its reading pending and
// analysed on the first search by reading (search-readings.ts). Never per keystroke.
import { joinReadings, wordReading, type ReadingToken } from '../../shared/text/reading';
import { foldWithMap } from '../../shared/text/normalize';
import { loadKuromoji, type KuromojiToken, type KuromojiTokenizer } from './kuromoji-dictionary';
import type { RawWord } from './reading-worker';

let tokenizer: KuromojiTokenizer | undefined;

/** Whether this thread has loaded the analyser (indexing then analyses texts at once). */
export function analyserLoaded(): boolean {
  return tokenizer !== undefined;
}

/** kuromoji's words of the folded text, placed back on the original text (`map`: folded → original). */
function placeWords(text: string, map: readonly number[], words: readonly KuromojiToken[]): ReadingToken[] {
  return words.map((t) => {
    const from = t.word_position - 1;
    const to = from + t.surface_form.length;
    const last = map[to - 1] ?? text.length - 1;
    return {
      start: map[from] ?? 0,
      end: last + String.fromCodePoint(text.codePointAt(last) ?? 0).length,
      reading: wordReading(t.surface_form, t.reading),
      noun: t.pos === '名詞',
    };
  });
}

/** The words of a text with their readings, positioned in the original text. */
export function readingTokens(text: string): ReadingToken[] {
  // Analyse the folded text (full-width letters made half-width, spaces dropped), then map each
  // word back to the original characters it came from.
  const { folded, map } = foldWithMap(text);
  if (!folded) return [];
  tokenizer ??= loadKuromoji();
  return placeWords(text, map, tokenizer.tokenize(folded));
}

/** The folded text the analyser reads for a text (what the reading worker is sent). */
export function analysedText(text: string): string {
  return foldWithMap(text).folded;
}

type ReadingIndex = { reading: string; map: number[] };

/**
 * Recently analysed texts. An edit re-indexes every text of its item, most of them unchanged, and the
 * analysis (about 30k characters a second on a busy machine) is the dearest step of indexing.
 */
const recent = new Map<string, ReadingIndex>();
const RECENT_LIMIT = 4000;

/**
 * A text's reading if it costs no dictionary load: known from a recent text, or analysed by an
 * analyser this process has already loaded. Undefined: the reading is left pending.
 */
export function readingIfLoaded(text: string): ReadingIndex | undefined {
  return recent.get(text) ?? (tokenizer ? readingIndexOf(text) : undefined);
}

/** A text's reading from the words the reading worker found in analysedText(text); remembered like one analysed here. */
export function readingIndexFromWords(text: string, words: readonly RawWord[]): ReadingIndex {
  const { map } = foldWithMap(text);
  const placed = placeWords(
    text,
    map,
    words.map(([surface_form, word_position, pos, reading]) => ({ surface_form, word_position, pos, reading })),
  );
  const computed = joinReadings(placed);
  remember(text, computed);
  return computed;
}

function remember(text: string, computed: ReadingIndex): void {
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(text, computed);
}

/** What the search index stores for a text's reading: the hiragana reading and its word map. */
export function readingIndexOf(text: string): ReadingIndex {
  const known = recent.get(text);
  if (known) return known;
  const computed = joinReadings(readingTokens(text));
  remember(text, computed);
  return computed;
}
