// 府省からの補足: a note written in a returned workbook is recorded when the batch is applied, and
// items.notes gives it back with the ministry, the file it came from and the date.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COL, api, apiError, answerRow, changesOf, exportFor, stageOk } from './excel-helpers';
import { seededService, tempDir } from './helpers';
import { editCells } from './xlsx-tools';

describe('items.notes', () => {
  it('lists the notes of applied batches by item, with ministry, file and date; nothing before apply', async () => {
    const svc = seededService();
    const bytes = editCells(await exportFor(svc, '厚'), {
      [`${COL.comment}${answerRow(svc, '厚', '1-1-1')}`]: '予算要求中です',
      [`${COL.comment}${answerRow(svc, '厚', '1-1-3')}`]: '担当課が変わりました',
    });
    const batch = await stageOk(svc, '厚_回答.xlsx', bytes);
    expect(await api(svc, 'items.notes', { keys: ['1-1-1', '1-1-3'] })).toEqual({});
    await api(svc, 'imports.apply', { batch: batch.id, author: '事務局' });

    const notes = await api(svc, 'items.notes', { keys: ['1-1-1', '1-1-2', '1-1-3'] });
    expect(Object.keys(notes)).toEqual(['1-1-1', '1-1-3']);
    expect(notes['1-1-1']).toEqual([
      {
        id: expect.any(Number),
        itemKey: '1-1-1',
        ministry: '厚',
        text: '予算要求中です',
        fileName: '厚_回答.xlsx',
        batchId: batch.id,
        createdAt: expect.any(String),
      },
    ]);
    expect(notes['1-1-3']![0]!.text).toBe('担当課が変わりました');
    svc.close();
  });

  it('the consolidated table shows them as a fourth column on request, and still imports as the table', async () => {
    const svc = seededService();
    const bytes = editCells(await exportFor(svc, '厚'), { [`${COL.comment}${answerRow(svc, '厚', '1-1-3')}`]: '担当課が変わりました' });
    await api(svc, 'imports.apply', { batch: (await stageOk(svc, '厚_回答.xlsx', bytes)).id, author: '事務局' });
    const dir = tempDir();
    const plain = path.join(dir, 'plain.xlsx');
    const withNotes = path.join(dir, 'notes.xlsx');
    await api(svc, 'excel.exportTable', { outFile: plain });
    await api(svc, 'excel.exportTable', { outFile: withNotes, ministryNotes: true });

    const sheet = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets[0]!;
    };
    expect((await sheet(plain)).getRow(1).cellCount).toBe(3);
    const ws = await sheet(withNotes);
    expect(ws.getCell('D1').value).toBe('府省からの補足(参考)');
    let row = 0;
    ws.eachRow((r, n) => {
      if (String(r.getCell(1).value ?? '').startsWith('③ゲノムデータ基盤')) row = n;
    });
    expect(String(ws.getCell(`D${row}`).value)).toMatch(/^【厚】担当課が変わりました\(令和\d+年\d+月\d+日\)$/);

    const table = await stageOk(svc, 'notes.xlsx', fs.readFileSync(withNotes));
    expect(table.layout).toBe('table');
    expect(changesOf(table)).toEqual([]);
    svc.close();
  });

  it('refuses a malformed key with a message', async () => {
    const svc = seededService();
    expect(await apiError(svc, 'items.notes', { keys: ['1-1-1; DROP'] })).toMatch(/[ぁ-んァ-ン一-龥]/u);
    svc.close();
  });
});
