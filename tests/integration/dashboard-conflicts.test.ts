// 照会状況: the conflicts still open in a ministry's returned files, and the items they are on, which
// the dashboard's figure opens as the list (the `keys` filter of items.list). Deciding a conflict or
// discarding the file takes its items out; a file that was not staged leaves the figures as they were.
import { describe, expect, it } from 'vitest';
import { writeField } from '../../src/main/store/plan-store';
import { COL, api, answerRow, exportFor, stage, stageOk } from './excel-helpers';
import { seededService } from './helpers';
import { editCells } from './xlsx-tools';

const CTX = { author: 'テスト', source: 'edit' };

describe('dashboard: open conflicts per ministry', () => {
  it('counts the open conflict cells and names their items; the list with that filter shows exactly those items', async () => {
    const svc = seededService();
    const original = await exportFor(svc, '厚');
    // Edited here after the export and differently in the file: conflicts on 1-1-2 (actions) and
    // 1-1-4 (actions and future: two cells, one item).
    for (const key of ['1-1-2', '1-1-4']) writeField(svc.db, key, 'actions', [{ text: `${key} 事務局の案`, level: 0 }], CTX);
    writeField(svc.db, '1-1-4', 'future', [{ text: '事務局の方向性', level: 0 }], CTX);
    const row = (key: string) => answerRow(svc, '厚', key);
    const batch = await stageOk(
      svc,
      '厚.xlsx',
      editCells(original, {
        [`${COL.actions}${row('1-1-2')}`]: '・府省の案(1-1-2)',
        [`${COL.actions}${row('1-1-4')}`]: '・府省の案(1-1-4)',
        [`${COL.future}${row('1-1-4')}`]: '・府省の方向性',
      }),
    );
    expect(batch.undecidedConflicts).toBe(3);

    const round = async (ministry: string) => (await api(svc, 'dashboard.figures', {})).round.find((r) => r.ministry === ministry)!;
    const mhlw = await round('厚');
    expect(mhlw.conflictsOpen).toBe(3);
    expect(mhlw.conflictKeys).toEqual(['1-1-2', '1-1-4']);
    expect((await round('文')).conflictKeys).toEqual([]);
    const listed = await api(svc, 'items.list', { keys: mhlw.conflictKeys });
    expect(listed.map((it) => it.key)).toEqual(['1-1-2', '1-1-4']);

    // A broken upload is refused with a message and changes no figure.
    const broken = await stage(svc, '壊れた回答.xlsx', Buffer.from('Excel ではありません'));
    expect(broken.batch).toBeNull();
    expect(broken.error).toMatch(/壊れた回答\.xlsx/);
    expect(await round('厚')).toEqual(mhlw);

    // Deciding 1-1-2's conflict takes it out; 1-1-4 still has two open cells.
    await api(svc, 'imports.decide', { batch: batch.id, decisions: [{ key: '1-1-2', field: 'actions', decision: 'ours' }] });
    expect(await round('厚')).toMatchObject({ conflictsOpen: 2, conflictKeys: ['1-1-4'] });

    // Discarding the file lifts the rest.
    await api(svc, 'imports.discard', { batch: batch.id });
    expect(await round('厚')).toMatchObject({ conflictsOpen: 0, conflictKeys: [] });
  });
});
