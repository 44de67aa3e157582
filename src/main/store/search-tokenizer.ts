// The Japanese morphological analyser behind search by reading: kuromoji (IPADIC), chosen because it
// ships its dictionary inside the npm package (nothing is fetched at run time, as the app never uses
// the network), is pure JavaScript (no native build for Electron next to better-sqlite3), is the
// analyser most used from npm (Apache-2.0; the IPADIC dictionary is stable, so its 2018 release is not
// a worry) and is what textlint's Japanese rules build on. Its builder loads the dictionary
// asynchronously; ingest and migrations run inside synchronous SQLite transactions, so the same files
// are read here synchronously (once per process, 1–1.5 s: gunzip of 17 MB and kuromoji's target map)
// and handed to kuromoji's own classes. That load is most of what readings cost, so a process that has
// not loaded it does not analyse at indexing time: the text is stored with its reading pending and
// analysed on the first search by reading (search-readings.ts). Never per keystroke.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { joinReadings, wordReading, type ReadingToken } from '../../shared/text/reading';
import { foldWithMap } from '../../shared/text/normalize';

interface KuromojiToken {
  surface_form: string;
  word_position: number;
  pos: string;
  reading?: string;
}
interface Tokenizer {
  tokenize(text: string): KuromojiToken[];
}
interface Dictionaries {
  loadTrie(base: Int32Array, check: Int32Array): void;
  loadTokenInfoDictionaries(info: Uint8Array, pos: Uint8Array, map: Uint8Array): void;
  loadConnectionCosts(cc: Int16Array): void;
  loadUnknownDictionaries(...buffers: [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint32Array, Uint8Array]): void;
}

const requireHere = createRequire(import.meta.url);
let tokenizer: Tokenizer | undefined;

function loadTokenizer(): Tokenizer {
  const root = dirname(requireHere.resolve('kuromoji/package.json'));
  const DynamicDictionaries = requireHere(join(root, 'src/dict/DynamicDictionaries.js')) as new () => Dictionaries;
  const KuromojiTokenizer = requireHere(join(root, 'src/Tokenizer.js')) as new (dic: Dictionaries) => Tokenizer;
  const file = (name: string): ArrayBuffer => {
    const bytes = gunzipSync(readFileSync(join(root, 'dict', name)));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  };
  const u8 = (name: string) => new Uint8Array(file(name));
  const dic = new DynamicDictionaries();
  dic.loadTrie(new Int32Array(file('base.dat.gz')), new Int32Array(file('check.dat.gz')));
  dic.loadTokenInfoDictionaries(u8('tid.dat.gz'), u8('tid_pos.dat.gz'), u8('tid_map.dat.gz'));
  dic.loadConnectionCosts(new Int16Array(file('cc.dat.gz')));
  dic.loadUnknownDictionaries(
    u8('unk.dat.gz'),
    u8('unk_pos.dat.gz'),
    u8('unk_map.dat.gz'),
    u8('unk_char.dat.gz'),
    new Uint32Array(file('unk_compat.dat.gz')),
    u8('unk_invoke.dat.gz'),
  );
  return new KuromojiTokenizer(dic);
}

/** The words of a text with their readings, positioned in the original text. */
export function readingTokens(text: string): ReadingToken[] {
  // Analyse the folded text (full-width letters made half-width, spaces dropped), then map each
  // word back to the original characters it came from.
  const { folded, map } = foldWithMap(text);
  if (!folded) return [];
  tokenizer ??= loadTokenizer();
  return tokenizer.tokenize(folded).map((t) => {
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

/** What the search index stores for a text's reading: the hiragana reading and its word map. */
export function readingIndexOf(text: string): ReadingIndex {
  const known = recent.get(text);
  if (known) return known;
  const computed = joinReadings(readingTokens(text));
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(text, computed);
  return computed;
}
