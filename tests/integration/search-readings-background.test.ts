// Pending readings filled in the background by the reading worker (what the app and the web host
// start when their door opens): the same readings as the analyser gives in this thread, with the
// analyser never loaded here, and the reading index in step with them.
import { expect, it } from 'vitest';
import { ingestDir } from '../../src/main/ingest/seed';
import { openDatabase } from '../../src/main/store/database';
import { search } from '../../src/main/store/search';
import { fillPendingReadingsInBackground, pendingReadings } from '../../src/main/store/search-readings';
import { analyserLoaded, readingTokens } from '../../src/main/store/search-tokenizer';
import { joinReadings } from '../../src/shared/text/reading';
import { SEED_DIR, tempDbPath } from './helpers';

it('a worker fills every pending reading, as this thread would have, without loading the analyser here', async () => {
  const db = openDatabase(tempDbPath());
  try {
    ingestDir(db, SEED_DIR);
    expect(analyserLoaded()).toBe(false);
    const pending = pendingReadings(db);
    expect(pending).toBe(db.prepare('SELECT COUNT(*) FROM search_docs').pluck().get());

    const filling = fillPendingReadingsInBackground(db);
    expect(fillPendingReadingsInBackground(db)).toBe(filling); // once per database
    expect(await filling).toBe(pending);
    expect(pendingReadings(db)).toBe(0);
    expect(analyserLoaded()).toBe(false);

    const rows = db.prepare('SELECT text, reading, reading_map FROM search_docs').all() as {
      text: string;
      reading: string;
      reading_map: string;
    }[];
    const stored = rows.map((r) => [r.reading, r.reading_map]);
    const here = rows.map((r) => {
      const { reading, map } = joinReadings(readingTokens(r.text));
      return [reading, JSON.stringify(map)];
    });
    expect(stored).toEqual(here);
    expect(() => db.exec("INSERT INTO search_reading(search_reading, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(search(db, 'にんちしょう').length).toBeGreaterThan(0);
  } finally {
    db.close();
  }
});
