// A returned cell that would be emptied (`cleared`) or cut down (`shrunk`) is not an ordinary change:
// it is kept unless someone takes it on the cell itself. Whole-file and whole-item choices (the
// screen's すべて採用, the CLI's --accept all) leave it undecided, and apply says it kept it.
import { describe, expect, it } from 'vitest';
import { COL, api, apiError, answerAdding, answerRow, changesOf, exportFor, planSnapshot, stageOk } from './excel-helpers';
import { seededService } from './helpers';
import { editCells } from './xlsx-tools';

const SHORT_1_1_5 = '・大規模臨床データベースを構築する。';

describe('cleared and shrunk cells', () => {
  it('are their own kinds; bulk choices leave them; apply keeps them unless chosen cell by cell', async () => {
    const svc = seededService();
    const future113 = (await api(svc, 'items.get', { key: '1-1-13' })).future;
    expect(future113.length).toBeGreaterThan(0);
    const bytes = editCells(await exportFor(svc, '厚'), {
      [`${COL.future}${answerRow(svc, '厚', '1-1-13')}`]: '',
      [`${COL.actions}${answerRow(svc, '厚', '1-1-5')}`]: SHORT_1_1_5,
      [`${COL.future}${answerRow(svc, '厚', '1-1-3')}`]: answerAdding(svc, '1-1-3', 'future', '・府省の追記。'),
    });
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    expect(changesOf(batch)).toEqual(['1-1-13/future/cleared', '1-1-3/future/theirs', '1-1-5/actions/shrunk']);
    expect(batch.counts).toEqual({ cleared: 1, shrunk: 1, theirs: 1 });

    // すべて採用 (the whole file) and この項目をすべて採用 (the item) do not take them.
    await api(svc, 'imports.decide', {
      batch: batch.id,
      decisions: [{ decision: 'theirs' }, { key: '1-1-13', decision: 'theirs' }, { key: '1-1-5', decision: 'theirs' }],
    });
    const decided = await api(svc, 'imports.get', { batch: batch.id });
    expect(decided.items.flatMap((it) => it.changes.map((c) => `${c.key}/${c.field}/${c.decision}`)).sort()).toEqual([
      '1-1-13/future/null',
      '1-1-3/future/theirs',
      '1-1-5/actions/null',
    ]);

    // Chosen on the cell itself, a shrunk cell is taken.
    await api(svc, 'imports.decide', { batch: batch.id, decisions: [{ key: '1-1-5', field: 'actions', decision: 'theirs' }] });
    const result = await api(svc, 'imports.apply', { batch: batch.id, author: '事務局' });
    expect(result).toMatchObject({ written: 2, kept: 1, heldBack: [], untaken: [{ key: '1-1-13', field: 'future' }] });
    expect((await api(svc, 'items.get', { key: '1-1-13' })).future).toEqual(future113);
    expect((await api(svc, 'items.get', { key: '1-1-5' })).actions.map((b) => b.text)).toEqual(['大規模臨床データベースを構築する。']);
  });

  it('a cleared cell chosen on the cell empties the field; a bad decision changes nothing', async () => {
    const svc = seededService();
    const bytes = editCells(await exportFor(svc, '厚'), { [`${COL.future}${answerRow(svc, '厚', '1-1-13')}`]: '' });
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    const before = planSnapshot(svc);
    expect(
      await apiError(svc, 'imports.decide', { batch: batch.id, decisions: [{ key: '1-1-99', field: 'future', decision: 'theirs' }] }),
    ).toMatch(/1-1-99/);
    expect(planSnapshot(svc)).toBe(before);
    expect((await api(svc, 'imports.get', { batch: batch.id })).items[0]!.changes[0]!.decision).toBeNull();
    await api(svc, 'imports.decide', { batch: batch.id, decisions: [{ key: '1-1-13', field: 'future', decision: 'theirs' }] });
    expect(await api(svc, 'imports.apply', { batch: batch.id, author: '事務局' })).toMatchObject({ written: 1, untaken: [] });
    expect((await api(svc, 'items.get', { key: '1-1-13' })).future).toEqual([]);
  });
});
