// Publishing a draft edition, killed for real: a child process publishes the draft 令和8 edition and is
// killed with SIGKILL at many moments (during the backup, during the write transaction, after).
// Whenever it died, the database is whole and in one of two states — 令和7 current and untouched with
// the draft as it was, or 令和8 published in full (令和7 archived, every item with the draft's text,
// one revision per changed field) — never a mix, and the listed backups are verified ones.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { api, planSnapshot } from './excel-helpers';
import { ROOT, seededService } from './helpers';
import { killAcrossCommit } from './kill-child';

const CHILD = path.join(ROOT, 'tests', 'integration', 'draft-publish-child.ts');
const KILLS = 10;
const ANSWER = '令和8年度は、計画どおり実施した。';

const draftRows = (svc: Service) => JSON.stringify(svc.db.prepare('SELECT * FROM edition_items WHERE fiscal_year = 8 ORDER BY key').all());

describe('draft publish survives kill -9 at any moment', () => {
  it(`after ${KILLS} kills, each database is whole: 令和7 with the draft untouched, or 令和8 published in full`, async () => {
    // One database with a draft whose every item has an answer, copied for every run.
    const template = seededService();
    await api(template, 'editions.start', { fiscalYear: 8 });
    template.db.prepare('UPDATE edition_items SET actions = ? WHERE fiscal_year = 8').run(JSON.stringify([{ text: ANSWER, level: 0 }]));
    const livePlan = planSnapshot(template);
    const draft = draftRows(template);
    const templateFile = template.db.name;
    template.close(); // checkpoints the WAL into the file

    const outcomes = await killAcrossCommit({
      script: CHILD,
      args: (db) => [db, '8'],
      template: templateFile,
      kills: KILLS,
      check: async (svc) => {
        const editions = (await api(svc, 'editions.list', {})).map((e) => [e.fiscalYear, e.status, e.items]);
        if (editions.some(([fy, status]) => fy === 8 && status === 'current')) {
          expect(editions).toEqual([
            [7, 'archived', 56],
            [8, 'current', 56],
          ]);
          const items = await api(svc, 'items.list', {});
          const full = await api(svc, 'items.getMany', { keys: items.map((it) => it.key) });
          expect(full.every((it) => it.actions.length === 1 && it.actions[0]!.text === ANSWER)).toBe(true);
          expect(
            svc.db.prepare("SELECT COUNT(*) FROM revisions WHERE source = 'edition:publish#8' AND field = 'actions'").pluck().get(),
          ).toBe(56);
          expect(svc.db.prepare('SELECT COUNT(*) FROM edition_items WHERE fiscal_year = 7').pluck().get()).toBe(56);
          return 'new';
        }
        expect(editions).toEqual([
          [7, 'current', 56],
          [8, 'draft', 56],
        ]);
        expect(planSnapshot(svc)).toBe(livePlan);
        expect(draftRows(svc)).toBe(draft);
        expect(svc.db.prepare('SELECT COUNT(*) FROM edition_items WHERE fiscal_year = 7').pluck().get()).toBe(0);
        return 'old';
      },
    });
    // The kills must have landed on both sides of the commit, or the test proves less than it says.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 300_000);
});
