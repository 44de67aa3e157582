// The reading worker: analyses texts with kuromoji off the main thread, so a long-lived process (the
// app, the web host) fills pending readings after it starts without pausing its door for the
// dictionary load (search-readings.ts, fillPendingReadingsInBackground). It receives folded texts and
// answers with kuromoji's words as [surface, position, part of speech, reading]; the main thread
// places them in the original text (search-tokenizer.ts), exactly as when it analyses a text itself.
import { parentPort } from 'node:worker_threads';
// The explicit extension lets Node run this worker from source (type stripping); bundlers accept it.
import { loadKuromoji } from './kuromoji-dictionary.ts';

export type RawWord = [surface: string, position: number, pos: string, reading: string | undefined];

if (parentPort) {
  const port = parentPort;
  const tokenizer = loadKuromoji();
  port.on('message', (folded: string[]) => {
    port.postMessage(
      folded.map((text) => tokenizer.tokenize(text).map((t): RawWord => [t.surface_form, t.word_position, t.pos, t.reading])),
    );
  });
}
