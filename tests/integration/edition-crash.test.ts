// Applying an edition, killed for real: a child process applies the 令和8 table and is killed with
// SIGKILL at many moments (during the backup, during the write transaction, after). Whenever it died,
// the database is whole and in one of two states — 令和7 untouched with the import still staged, or
// 令和8 applied in full — never a mix, and the listed backups are verified ones.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildR8Edition } from '../fixtures/editions/build';
import { api } from './excel-helpers';
import { ROOT, seededService, tempDir } from './helpers';
import { killAcrossCommit } from './kill-child';

const CHILD = path.join(ROOT, 'tests', 'integration', 'edition-apply-child.ts');
const KILLS = 10;

describe('edition apply survives kill -9 at any moment', () => {
  it(`after ${KILLS} kills, each database is whole: 令和7 with the import staged, or 令和8 in full`, async () => {
    // One staged database, copied for every run.
    const template = seededService();
    const source = path.join(tempDir(), 'r8.txt');
    fs.writeFileSync(source, buildR8Edition());
    const [staged] = await api(template, 'editions.stage', { files: [source] });
    const templateFile = template.db.name;
    template.close(); // checkpoints the WAL into the file

    const outcomes = await killAcrossCommit({
      script: CHILD,
      args: (db) => [db, String(staged!.id)],
      template: templateFile,
      kills: KILLS,
      check: async (svc) => {
        const editions = (await api(svc, 'editions.list', {})).map((e) => [e.fiscalYear, e.status, e.items]);
        const batch = await api(svc, 'editions.get', { batch: staged!.id });
        if (batch.status === 'applied') {
          expect(editions).toEqual([
            [7, 'archived', 56],
            [8, 'current', 57],
          ]);
          return 'new';
        }
        expect(batch.status).toBe('staged');
        expect(editions).toEqual([[7, 'current', 56]]);
        expect((await api(svc, 'items.list', {})).length).toBe(56);
        expect(svc.db.prepare('SELECT COUNT(*) FROM revisions').pluck().get()).toBe(0);
        return 'old';
      },
    });
    // The kills must have landed on both sides of the commit, or the test proves less than it says.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 300_000);
});
