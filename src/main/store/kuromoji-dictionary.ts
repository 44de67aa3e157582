// Loading kuromoji (IPADIC) synchronously, for the main thread (search-tokenizer.ts) and for the
// reading worker (reading-worker.ts). kuromoji's builder loads the dictionary asynchronously; ingest
// and migrations run inside synchronous SQLite transactions, so the same files are read here
// synchronously and handed to kuromoji's own classes (1–1.5 s: gunzip of 17 MB and its word map).
// No relative imports: the worker runs this file from source with Node's type stripping.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One word as kuromoji gives it (the fields read here). */
export interface KuromojiToken {
  surface_form: string;
  word_position: number;
  pos: string;
  reading?: string;
}

export interface KuromojiTokenizer {
  tokenize(text: string): KuromojiToken[];
}

interface Dictionaries {
  loadTrie(base: Int32Array, check: Int32Array): void;
  loadTokenInfoDictionaries(info: Uint8Array, pos: Uint8Array, map: Uint8Array): void;
  loadConnectionCosts(cc: Int16Array): void;
  loadUnknownDictionaries(...buffers: [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint32Array, Uint8Array]): void;
}

const requireHere = createRequire(import.meta.url);

export function loadKuromoji(): KuromojiTokenizer {
  const root = dirname(requireHere.resolve('kuromoji/package.json'));
  const DynamicDictionaries = requireHere(join(root, 'src/dict/DynamicDictionaries.js')) as new () => Dictionaries;
  const Tokenizer = requireHere(join(root, 'src/Tokenizer.js')) as new (dic: Dictionaries) => KuromojiTokenizer;
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
  return new Tokenizer(dic);
}
