// Apply never overwrites an edit it did not see. applyBatch checks the batch, then takes its backup
// (asynchronous: other writers get in), then writes. Here a second process saves an edit to a cell
// of the batch exactly in that window, on the same SQLite file, as the web host or a second app
// would: the edit must survive, the cell must come back as a conflict, and the rest must apply.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService, type Service } from '../../src/main/api/service';
import { decide, getBatch } from '../../src/main/store/import-store';
import { writeField } from '../../src/main/store/plan-store';
import { COL, api, answerAdding, answerRow, exportFor, stageOk } from './excel-helpers';
import { ROOT, seededService } from './helpers';
import { editCells } from './xlsx-tools';

const EDIT_BY_ANOTHER_PROCESS = `
import { openService } from './src/main/api/service';
const [file, key, text] = process.argv.slice(-3);
const svc = openService(file, { seed: false });
void svc.dispatch('items.update', { key, field: 'future', value: [{ text, level: 0 }], author: '別の職員' }).then((res) => {
  svc.close();
  if (!res.ok) {
    console.error(res.error.message);
    process.exitCode = 1;
  }
});
`;

/** Save an edit of KEY's future directions from a separate Node process. */
function editInAnotherProcess(file: string, key: string, text: string): void {
  const res = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['--eval', EDIT_BY_ANOTHER_PROCESS, '--', file, key, text], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`the other process failed: ${res.stderr}`);
}

/** Run `during` after apply has checked the batch, when its backup (VACUUM INTO) is about to be taken. */
function duringNextBackup(svc: Service, during: () => void): void {
  const prepare = svc.db.prepare.bind(svc.db);
  svc.db.prepare = ((sql: string) => {
    if (/^VACUUM INTO/i.test(sql)) {
      svc.db.prepare = prepare;
      during();
    }
    return prepare(sql);
  }) as typeof prepare;
}

describe('apply re-checks every cell inside its write transaction', () => {
  it('an edit saved by another process during the backup survives; that cell becomes a conflict; the others apply', async () => {
    const svc = seededService();
    const file = svc.db.name;
    const actionsAnswer = answerAdding(svc, '1-1-1', 'actions', '・府省が追記した取組。');
    const futureAnswer = answerAdding(svc, '1-1-3', 'future', '・府省が追記した方向性。');
    const bytes = editCells(await exportFor(svc, '厚'), {
      [`${COL.actions}${answerRow(svc, '厚', '1-1-1')}`]: actionsAnswer,
      [`${COL.comment}${answerRow(svc, '厚', '1-1-1')}`]: '予算要求中です',
      [`${COL.future}${answerRow(svc, '厚', '1-1-3')}`]: futureAnswer,
    });
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    expect(batch.items.flatMap((it) => it.changes.map((c) => `${c.key}/${c.field}/${c.kind}`))).toEqual([
      '1-1-1/actions/theirs',
      '1-1-1/comment/theirs',
      '1-1-3/future/theirs',
    ]);

    duringNextBackup(svc, () => editInAnotherProcess(file, '1-1-3', '別の職員が保存した方向性。'));
    const result = await api(svc, 'imports.apply', { batch: batch.id, author: '事務局' });

    // The edit made meanwhile is still there, and apply says it held that cell back.
    expect(result).toMatchObject({ written: 1, notes: 1, heldBack: [{ key: '1-1-3', field: 'future' }] });
    expect((await api(svc, 'items.get', { key: '1-1-3' })).future.map((b) => b.text)).toEqual(['別の職員が保存した方向性。']);
    const history = await api(svc, 'items.history', { key: '1-1-3' });
    expect(history.map((r) => r.author)).toEqual(['別の職員']);
    // The other cells were applied.
    expect((await api(svc, 'items.get', { key: '1-1-1' })).actions.at(-1)!.text).toBe('府省が追記した取組。');

    // The batch waits with that one cell as a conflict to resolve; the rest is marked done.
    const after = await api(svc, 'imports.get', { batch: batch.id });
    expect(after).toMatchObject({ status: 'staged', undecidedConflicts: 1, backup: result.backup });
    const cells = after.items.flatMap((it) => it.changes);
    expect(cells.map((c) => [c.key, c.field, c.kind, c.applied, c.reason, c.decision])).toEqual([
      ['1-1-1', 'actions', 'theirs', true, null, null],
      ['1-1-1', 'comment', 'theirs', true, null, null],
      ['1-1-3', 'future', 'conflict', false, 'changed_since_staging', null],
    ]);
    expect(cells[2]!.ours).toBe('・別の職員が保存した方向性。');
    // A cell already applied cannot be decided again; the whole-file choice leaves it alone.
    const refused = await svc.dispatch('imports.decide', {
      batch: batch.id,
      decisions: [{ key: '1-1-1', field: 'actions', decision: 'ours' }],
    });
    expect(refused).toMatchObject({ ok: false, error: { message: '1-1-1の令和7年度の取組は反映済みのため、決定を変えられません。' } });

    // Deciding the conflict and applying again finishes the batch, without repeating what was done.
    await api(svc, 'imports.decide', { batch: batch.id, decisions: [{ key: '1-1-3', field: 'future', decision: 'theirs' }] });
    const second = await api(svc, 'imports.apply', { batch: batch.id, author: '事務局' });
    expect(second).toMatchObject({ written: 1, notes: 0, heldBack: [] });
    expect((await api(svc, 'imports.get', { batch: batch.id })).status).toBe('applied');
    expect((await api(svc, 'items.get', { key: '1-1-3' })).future.at(-1)!.text).toBe('府省が追記した方向性。');
    expect(svc.db.prepare('SELECT COUNT(*) FROM ministry_notes').pluck().get()).toBe(1);
    expect(svc.db.prepare("SELECT COUNT(*) FROM revisions WHERE item_key = '1-1-1' AND source LIKE 'import:%'").pluck().get()).toBe(1);
  });

  it('a decision changed during the backup is the one applied; a conflict that appeared meanwhile is held back', async () => {
    const svc = seededService();
    const bytes = editCells(await exportFor(svc, '厚'), {
      [`${COL.actions}${answerRow(svc, '厚', '1-1-1')}`]: answerAdding(svc, '1-1-1', 'actions', '・府省の追記。'),
      [`${COL.future}${answerRow(svc, '厚', '1-1-3')}`]: answerAdding(svc, '1-1-3', 'future', '・府省の追記。'),
    });
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    const other = openService(svc.db.name, { seed: false });
    const before111 = (await api(svc, 'items.get', { key: '1-1-1' })).actions;
    duringNextBackup(svc, () => {
      // Another window, on its own connection, rejects 1-1-1's change and saves an edit of 1-1-3; then
      // it shows the batch, which re-classifies it (1-1-3 is now an undecided conflict).
      decide(other.db, batch.id, [{ key: '1-1-1', field: 'actions', decision: 'ours' }]);
      writeField(other.db, '1-1-3', 'future', [{ text: '別の窓で直した。', level: 0 }], { author: '別の職員', source: 'edit' });
      getBatch(other.db, batch.id);
    });
    const result = await api(svc, 'imports.apply', { batch: batch.id, author: '事務局' });
    other.close();
    expect(result).toMatchObject({ written: 0, kept: 1, heldBack: [{ key: '1-1-3', field: 'future' }] });
    expect((await api(svc, 'items.get', { key: '1-1-1' })).actions).toEqual(before111);
    expect((await api(svc, 'items.get', { key: '1-1-3' })).future[0]!.text).toBe('別の窓で直した。');
  });
});
