import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeField } from '../../src/main/store/plan-store';
import { COL, api, apiError, answerAdding, answerRow, changesOf, exportFor, planSnapshot, stage, stageOk } from './excel-helpers';
import { seededService } from './helpers';
import { editCells } from './xlsx-tools';

const CTX = { author: 'テスト', source: 'edit' };

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('per-ministry inquiry workbook', () => {
  it('has the instructions first, the answer sheet, and a veryHidden _meta; only answer cells are unlocked', async () => {
    const svc = seededService();
    const wb = await load(await exportFor(svc, '厚'));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['記入要領', 'visible'],
      ['回答', 'visible'],
      ['_meta', 'veryHidden'],
    ]);
    const ws = wb.getWorksheet('回答')!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual([
      '管理番号',
      '区分',
      '小項目',
      '担当府省',
      '令和7年度の取組',
      '今後の方向性・課題など',
      '府省からの補足',
    ]);
    expect(ws.getCell('A2').value).toBe('1-1-1');
    expect(String(ws.getCell('B2').value)).toMatch(/^1-1 データ利活用・ライフコースプロジェクト/);
    expect(ws.getCell('D2').value).toBe('【文・厚】');
    expect(String(ws.getCell('C2').value)).toMatch(/^①/);
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
    for (const c of ['E2', 'F2', 'G2']) expect(ws.getCell(c).protection?.locked).toBe(false);
    // exceljs keeps sheet protection on an untyped field
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; algorithmName?: string } }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    expect(protection?.algorithmName).toBeUndefined(); // no password
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell('E2').font?.name).toBe('Meiryo UI');
    expect(ws.getCell('E2').alignment?.wrapText).toBe(true);
    expect(ws.getRow(2).height).toBeGreaterThan(20);
    let answerCells = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      for (const col of [5, 6]) {
        const v = String(row.getCell(col).value ?? '');
        if (!v) continue;
        answerCells += 1;
        for (const line of v.split('\n')) expect(line).toMatch(/^\u3000*・/);
        expect(v).not.toMatch(/^[=+\-@]/);
      }
    });
    expect(answerCells).toBeGreaterThan(40);
    const guide = wb.getWorksheet('記入要領')!;
    const guideText = guide.getColumn(1).values.join('\n');
    expect(guideText).toContain('令和7年12月1日');
    expect(guideText).toContain('事務局 山田');
    expect(guideText).toContain('厚生労働省 御中');
    // The respondent's fields: labels in column A, unlocked cells beside them.
    for (const label of ['部署', '担当者', '連絡先', '回答日']) {
      const row = guide.getColumn(1).values.indexOf(label);
      expect(row, label).toBeGreaterThan(0);
      expect(guide.getCell(row, 2).protection?.locked).toBe(false);
    }
    // Dates a person reads are 和暦 in Japan's time, never an ISO string.
    expect(guideText).toMatch(/出力日時: 令和\d+年\d+月\d+日 \d+:\d\d/);
    expect(guideText).not.toMatch(/\d{4}-\d\d-\d\dT/);
    const meta = wb.getWorksheet('_meta')!;
    expect(meta.getCell('A1').value).toBe('format');
    expect(meta.getCell('B3').value).toBe('厚');
    const exportRow = svc.db.prepare("SELECT * FROM exports WHERE ministry = '厚'").get() as { id: string; options: string };
    expect(meta.getCell('B2').value).toBe(exportRow.id);
    expect(JSON.parse(exportRow.options)).toMatchObject({ leadOnly: false, dueDate: '令和7年12月1日' });
    const items = (svc.db.prepare('SELECT COUNT(*) AS n FROM items WHERE ministries LIKE \'%"厚"%\'').get() as { n: number }).n;
    expect((svc.db.prepare('SELECT COUNT(*) AS n FROM export_values WHERE export_id = ?').get(exportRow.id) as { n: number }).n).toBe(
      items * 3,
    );
  });

  it('sends a shared item to each ministry; --lead keeps only the ◎ items', async () => {
    const svc = seededService();
    const mext = await load(await exportFor(svc, '文'));
    const keys = (wb: ExcelJS.Workbook) => (wb.getWorksheet('回答')!.getColumn(1).values as string[]).slice(2).filter(Boolean);
    expect(keys(mext)).toContain('1-1-1');
    expect(keys(await load(await exportFor(svc, '厚')))).toContain('1-1-1');
    const lead = keys(await load(await exportFor(svc, '文', true)));
    expect(lead.length).toBeLessThan(keys(mext).length);
    expect(lead).toContain('1-1-6');
    expect(lead).not.toContain('1-1-1');
  });
});

describe('import: staging, merge and apply', () => {
  it('an unchanged file stages an empty batch and changes nothing', async () => {
    const svc = seededService();
    const before = planSnapshot(svc);
    const batch = await stageOk(svc, '厚.xlsx', await exportFor(svc, '厚'));
    expect(batch).toMatchObject({ status: 'staged', ministry: '厚', layout: 'ministry', counts: {} });
    expect(batch.report.warnings).toEqual([]);
    expect(planSnapshot(svc)).toBe(before);
  });

  it('shows exactly the cells another writer changed; apply writes revisions naming file and batch, once', async () => {
    const svc = seededService();
    const original = await exportFor(svc, '厚');
    const r1 = answerRow(svc, '厚', '1-1-1');
    const r3 = answerRow(svc, '厚', '1-1-3');
    const edited = editCells(original, {
      [`${COL.actions}${r1}`]: answerAdding(svc, '1-1-1', 'actions', '・厚労省が書き直した取組\n\u3000・その下位の取組'),
      [`${COL.future}${r3}`]: answerAdding(svc, '1-1-3', 'future', '・今後は拡充する【厚】。'),
      [`${COL.comment}${r1}`]: '予算要求中です',
    });
    const before = planSnapshot(svc);
    const batch = await stageOk(svc, '厚_回答.xlsx', edited);
    expect(changesOf(batch)).toEqual(['1-1-1/actions/theirs', '1-1-1/comment/theirs', '1-1-3/future/theirs']);
    expect(planSnapshot(svc)).toBe(before);
    const actions = batch.items[0]!.changes.find((c) => c.field === 'actions')!;
    expect(actions.theirs).toBe(answerAdding(svc, '1-1-1', 'actions', '・厚労省が書き直した取組\n\u3000・その下位の取組'));
    expect(actions.base).toBe(actions.ours);

    const applied = await api(svc, 'imports.apply', { batch: batch.id, author: '事務局' });
    expect(applied).toMatchObject({ written: 2, notes: 1 });
    const item = await api(svc, 'items.get', { key: '1-1-1' });
    expect(item.actions.slice(-2)).toEqual([
      expect.objectContaining({ text: '厚労省が書き直した取組', level: 0 }),
      expect.objectContaining({ text: 'その下位の取組', level: 1 }),
    ]);
    const [rev] = await api(svc, 'items.history', { key: '1-1-1' });
    expect(rev).toMatchObject({ source: `import:厚_回答.xlsx#${batch.id}`, author: '事務局', field: 'actions' });
    expect(svc.db.prepare('SELECT text, ministry FROM ministry_notes').all()).toEqual([{ text: '予算要求中です', ministry: '厚' }]);
    const backups = await api(svc, 'backups.list', {});
    expect(backups.backups.map((b) => b.name)).toContain(applied.backup);

    expect(await apiError(svc, 'imports.apply', { batch: batch.id, author: '事務局' })).toMatch(/反映済み/);
    const again = await stage(svc, '厚_回答(再送).xlsx', edited);
    expect(again.batch).toBeNull();
    expect(again.error).toMatch(
      /^厚_回答\(再送\)\.xlsx: このファイルは既に取り込まれています\(取込バッチ #\d+「厚_回答\.xlsx」、反映済み\)/,
    );
  });

  it('classifies ours, same, whitespace and conflict; refuses to apply undecided conflicts', async () => {
    const svc = seededService();
    const original = await exportFor(svc, '厚');
    const keys = ['1-1-1', '1-1-2', '1-1-3', '1-1-4'];
    const rows = keys.map((k) => answerRow(svc, '厚', k));
    // Here, after the export: 1-1-1 changed (file keeps base → ours), 1-1-2 changed like the file
    // (same), 1-1-4 changed differently from the file (conflict).
    writeField(svc.db, '1-1-1', 'actions', [{ text: '事務局の修正', level: 0 }], CTX);
    writeField(svc.db, '1-1-2', 'actions', [{ text: '同じ修正', level: 0 }], CTX);
    writeField(svc.db, '1-1-4', 'actions', [{ text: '事務局の案', level: 0 }], CTX);
    const item3 = await api(svc, 'items.get', { key: '1-1-3' });
    const edited = editCells(original, {
      [`${COL.actions}${rows[1]}`]: '・同じ修正',
      [`${COL.actions}${rows[2]}`]: item3.actions.map((b) => `${'\u3000'.repeat(b.level)}・ ${b.text} `).join('\r\n'),
      [`${COL.actions}${rows[3]}`]: '・府省の案',
    });
    const batch = await stageOk(svc, '厚.xlsx', edited);
    expect(changesOf(batch)).toEqual(['1-1-1/actions/ours', '1-1-2/actions/same', '1-1-4/actions/conflict']);
    // the CRLF + stray spaces of 1-1-3 normalise to the same bullets: not even a whitespace change
    expect(batch.undecidedConflicts).toBe(1);
    const before = planSnapshot(svc);
    const message = await apiError(svc, 'imports.apply', { batch: batch.id, author: 'x' });
    expect(message).toMatch(/^厚\.xlsx\(取込バッチ #\d+\)には、どちらを採るか決まっていない競合が 1 件あります\(1-1-4 令和7年度の取組\)/);
    expect(planSnapshot(svc)).toBe(before);
    await api(svc, 'imports.decide', {
      batch: batch.id,
      decisions: [{ key: '1-1-4', field: 'actions', decision: 'edit', value: '・両案を統合した文' }],
    });
    await api(svc, 'imports.apply', { batch: batch.id, author: 'x' });
    expect((await api(svc, 'items.get', { key: '1-1-4' })).actions.map((b) => b.text)).toEqual(['両案を統合した文']);
    expect((await api(svc, 'items.get', { key: '1-1-1' })).actions.map((b) => b.text)).toEqual(['事務局の修正']);
  });

  it('a whitespace-only edit is shown apart and kept out unless accepted', async () => {
    const svc = seededService();
    const original = await exportFor(svc, '厚');
    const row = answerRow(svc, '厚', '1-1-1');
    const item = await api(svc, 'items.get', { key: '1-1-1' });
    const spaced = item.actions.map((b) => `・${b.text.replace('、', '、 ')}`).join('\n');
    const batch = await stageOk(svc, '厚.xlsx', editCells(original, { [`${COL.actions}${row}`]: spaced }));
    expect(changesOf(batch)).toEqual(['1-1-1/actions/whitespace']);
    const before = planSnapshot(svc);
    expect(await api(svc, 'imports.apply', { batch: batch.id, author: 'x' })).toMatchObject({ written: 0, kept: 1 });
    expect(planSnapshot(svc)).toBe(before);
    expect((await api(svc, 'items.get', { key: '1-1-1' })).actions).toEqual(item.actions);
  });

  it('two ministries answering one shared item: both shown; disagreement is a conflict, agreement is not', async () => {
    const svc = seededService();
    const mhlw = await exportFor(svc, '厚');
    const mext = await exportFor(svc, '文');
    const answer = (key: string, line: string) => answerAdding(svc, key, 'actions', line);
    const b1 = await stageOk(
      svc,
      '厚.xlsx',
      editCells(mhlw, {
        [`${COL.actions}${answerRow(svc, '厚', '1-1-1')}`]: answer('1-1-1', '・厚の答え'),
        [`${COL.actions}${answerRow(svc, '厚', '1-1-3')}`]: answer('1-1-3', '・共通の答え'),
      }),
    );
    expect(changesOf(b1)).toEqual(['1-1-1/actions/theirs', '1-1-3/actions/theirs']);
    const b2 = await stageOk(
      svc,
      '文.xlsx',
      editCells(mext, {
        [`${COL.actions}${answerRow(svc, '文', '1-1-1')}`]: answer('1-1-1', '・文の答え'),
        [`${COL.actions}${answerRow(svc, '文', '1-1-3')}`]: answer('1-1-3', '・共通の答え'),
      }),
    );
    expect(changesOf(b2)).toEqual(['1-1-1/actions/conflict', '1-1-3/actions/theirs']);
    expect(b2.items[0]!.changes[0]!.reason).toBe('ministries_disagree');
    expect(changesOf(await api(svc, 'imports.get', { batch: b1.id }))).toEqual(['1-1-1/actions/conflict', '1-1-3/actions/theirs']);
    // Discarding one side lifts the disagreement.
    await api(svc, 'imports.discard', { batch: b2.id });
    expect(changesOf(await api(svc, 'imports.get', { batch: b1.id }))).toEqual(['1-1-1/actions/theirs', '1-1-3/actions/theirs']);
  });

  it('survives sorting, hidden rows, a renamed sheet, removed protection, rich text, formulas', async () => {
    const svc = seededService();
    const wb = await load(await exportFor(svc, '厚'));
    const ws = wb.getWorksheet('回答')!;
    ws.name = '回答(厚労省)';
    ws.unprotect();
    // Sort the data rows in reverse (values only, as Excel's sort does).
    const last = ws.actualRowCount;
    const data = Array.from({ length: last - 1 }, (_, i) => (ws.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1, 10));
    data.reverse().forEach((vals, i) => {
      const row = ws.getRow(i + 2);
      vals.forEach((v, c) => (row.getCell(c + 1).value = v ?? null));
    });
    const rowOf = (key: string) => data.findIndex((v) => v[0] === key) + 2;
    ws.getRow(rowOf('1-1-2')).hidden = true;
    const g111 = String(ws.getCell(`${COL.actions}${rowOf('1-1-1')}`).value);
    const h112 = String(ws.getCell(`${COL.future}${rowOf('1-1-2')}`).value);
    ws.getCell(`${COL.actions}${rowOf('1-1-1')}`).value = {
      richText: [{ text: `${g111}\n・` }, { text: '太字の', font: { bold: true } }, { text: '取組' }],
    };
    ws.getCell(`${COL.future}${rowOf('1-1-2')}`).value = {
      formula: `"${h112.replace(/\n/g, '"&CHAR(10)&"')}"&CHAR(10)&"・式"&"の結果"`,
      result: `${h112}\n・式の結果`,
    };
    const batch = await stageOk(svc, '厚.xlsx', await save(wb));
    expect(changesOf(batch)).toEqual(['1-1-1/actions/theirs', '1-1-2/future/theirs']);
    expect(batch.items[0]!.changes[0]!.theirs).toBe(`${g111}\n・太字の取組`);
    expect(batch.items[1]!.changes[0]!.theirs).toBe(`${h112}\n・式の結果`);
    expect(batch.report.warnings.join('\n')).toMatch(/厚\.xlsx: 数式のセルが 1 件あります\(回答\(厚労省\)!F\d+\)/);
  });

  it('still reads a workbook of the older layout (大項目 / 中項目 / 分野 columns instead of 区分)', async () => {
    const svc = seededService();
    const wb = await load(await exportFor(svc, '厚'));
    const ws = wb.getWorksheet('回答')!;
    const row = answerRow(svc, '厚', '1-1-4');
    // The old nine columns: 区分 (B) becomes 大項目 / 中項目 / 分野, so the answers sit in G / H / I.
    // Column values from row 1 on (exceljs's `values` has a hole at index 0, spliceColumns does not).
    const sections = ws
      .getColumn(2)
      .values.slice(1)
      .map((v) =>
        String(v ?? '')
          .split(' ')[0]!
          .split('-'),
      );
    const oldColumn = (k: number) =>
      sections.map((p, i) => (i === 0 ? ['大項目', '中項目', '分野'][k]! : p[k] ? `${['大項目', '中項目', ''][k]}${p[k]}` : ''));
    ws.spliceColumns(2, 1, oldColumn(0), oldColumn(1), oldColumn(2));
    expect((ws.getRow(1).values as string[]).slice(1, 10)).toEqual([
      '管理番号',
      '大項目',
      '中項目',
      '分野',
      '小項目',
      '担当府省',
      '令和7年度の取組',
      '今後の方向性・課題など',
      '府省からの補足',
    ]);
    ws.getCell(`G${row}`).value = answerAdding(svc, '1-1-4', 'actions', '・旧様式の答え');
    ws.getCell(`A${row}`).value = ''; // matched by section and title
    const batch = await stageOk(svc, '厚.xlsx', await save(wb));
    expect(changesOf(batch)).toEqual(['1-1-4/actions/theirs']);
  });

  it('aligns by section, label and title when the key column is deleted, and says so', async () => {
    const svc = seededService();
    const wb = await load(await exportFor(svc, '厚'));
    const ws = wb.getWorksheet('回答')!;
    ws.unprotect();
    const row = answerRow(svc, '厚', '1-1-3');
    ws.getCell(`${COL.actions}${row}`).value = `${String(ws.getCell(`${COL.actions}${row}`).value)}\n・列を消したファイルの答え`;
    ws.spliceColumns(1, 1);
    const batch = await stageOk(svc, '厚.xlsx', await save(wb));
    expect(changesOf(batch)).toEqual(['1-1-3/actions/theirs']);
    expect(batch.report.warnings.join('\n')).toContain('厚.xlsx: 管理番号の列がありません。区分と小項目名で行を対応付けました。');
  });

  it('reports unknown keys, other ministries’ items, missing rows and proposed new rows', async () => {
    const svc = seededService();
    const wb = await load(await exportFor(svc, '厚'));
    const ws = wb.getWorksheet('回答')!;
    ws.getCell(`${COL.key}${answerRow(svc, '厚', '1-1-2')}`).value = '9-9-99';
    ws.getCell(`${COL.item}${answerRow(svc, '厚', '1-1-2')}`).value = '存在しない小項目';
    ws.getCell(`${COL.key}${answerRow(svc, '厚', '1-1-3')}`).value = '1-1-8'; // 総's item
    ws.getCell(`${COL.key}${answerRow(svc, '厚', '1-1-4')}`).value = ''; // blanked key: matched by title
    ws.getCell(`${COL.actions}${answerRow(svc, '厚', '1-1-4')}`).value = answerAdding(svc, '1-1-4', 'actions', '・番号なしの行の答え');
    const free = ws.actualRowCount + 1;
    ws.getCell(`${COL.item}${free}`).value = '新しい小項目の提案';
    ws.getCell(`${COL.actions}${free}`).value = '・新規の取組';
    const batch = await stageOk(svc, '厚.xlsx', await save(wb));
    expect(changesOf(batch)).toEqual(['1-1-4/actions/theirs']);
    const w = batch.report.warnings.join('\n');
    expect(w).toContain('管理番号 9-9-99 は計画にありません');
    expect(w).toContain('1-1-8 は厚生労働省の担当項目ではありません');
    expect(w).toMatch(/出力した項目のうち 2 件がファイルにありません\(1-1-2、1-1-3\)/);
    expect(w).toContain('管理番号のない行 1 件を、区分と小項目名で対応付けました');
    expect(batch.report.proposals).toEqual([expect.objectContaining({ title: '新しい小項目の提案', actions: '・新規の取組' })]);
  });

  it('a file from another installation: the base comes from its _meta sheet (three-way), and the report says so', async () => {
    const svc = seededService();
    const other = seededService();
    const exported = await exportFor(other, '厚');
    // Here, after that export elsewhere: 1-1-2 changed (the file keeps its base → ours), 1-1-4 changed
    // differently from the file (conflict).
    writeField(svc.db, '1-1-2', 'actions', [{ text: '事務局の修正', level: 0 }], CTX);
    writeField(svc.db, '1-1-4', 'actions', [{ text: '事務局の案', level: 0 }], CTX);
    const base111 = (await api(other, 'items.get', { key: '1-1-1' })).actions.map((b) => `・${b.text}`).join('\n');
    const theirs111 = answerAdding(other, '1-1-1', 'actions', '・別環境の答え');
    const bytes = editCells(exported, {
      [`${COL.actions}${answerRow(other, '厚', '1-1-1')}`]: theirs111,
      [`${COL.actions}${answerRow(other, '厚', '1-1-4')}`]: '・府省の案',
    });
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    expect(changesOf(batch)).toEqual(['1-1-1/actions/theirs', '1-1-2/actions/ours', '1-1-4/actions/conflict']);
    const c111 = batch.items[0]!.changes[0]!;
    expect(c111).toMatchObject({ twoWay: false, reason: null, theirs: theirs111 });
    expect(c111.base).toBe(base111);
    expect(batch.items[2]!.changes[0]).toMatchObject({ twoWay: false, reason: null });
    expect(batch.exportId).toBeNull();
    expect(batch.report.baseSource).toBe('file');
    expect(batch.report.warnings.join('\n')).toMatch(
      /厚\.xlsx: このファイルの出力記録\(出力番号 [-0-9a-f]+\)がこのデータベースにありません.*ファイル内の管理情報\(_meta シート\)から取りました/,
    );
    expect(batch.undecidedConflicts).toBe(1);
    await api(svc, 'imports.decide', { batch: batch.id, decisions: [{ key: '1-1-4', field: 'actions', decision: 'ours' }] });
    await api(svc, 'imports.apply', { batch: batch.id, author: 'x' });
    expect((await api(svc, 'items.get', { key: '1-1-1' })).actions.map((b) => `・${b.text}`).join('\n')).toBe(theirs111);
    expect((await api(svc, 'items.get', { key: '1-1-2' })).actions.map((b) => b.text)).toEqual(['事務局の修正']);
    expect((await api(svc, 'items.get', { key: '1-1-4' })).actions.map((b) => b.text)).toEqual(['事務局の案']);
  });

  it('a file exported before editions (its _meta names the actions column r7) still gives the base', async () => {
    const svc = seededService();
    const other = seededService();
    // _meta: the column header is row 9 (key, actions, future, comment); older versions wrote r7.
    const older = editCells(await exportFor(other, '厚'), { B9: 'r7' }, 'xl/worksheets/sheet3.xml');
    const base111 = (await api(other, 'items.get', { key: '1-1-1' })).actions.map((b) => `・${b.text}`).join('\n');
    const bytes = editCells(older, {
      [`${COL.actions}${answerRow(other, '厚', '1-1-1')}`]: answerAdding(other, '1-1-1', 'actions', '・別環境の答え'),
    });
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    expect(batch.report.baseSource).toBe('file');
    expect(batch.items[0]!.changes[0]).toMatchObject({ key: '1-1-1', field: 'actions', kind: 'theirs', twoWay: false, base: base111 });
  });

  it('a _meta sheet edited after export is not taken for the base: two-way, with a warning', async () => {
    const svc = seededService();
    const other = seededService();
    // _meta: 7 header rows, a blank row, the column header, then one row per item (1-1-1 first).
    const tampered = editCells(await exportFor(other, '厚'), { B10: '・書き換えた出力時の値' }, 'xl/worksheets/sheet3.xml');
    const bytes = editCells(tampered, {
      [`${COL.actions}${answerRow(other, '厚', '1-1-1')}`]: answerAdding(other, '1-1-1', 'actions', '・別環境の答え'),
    });
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    expect(changesOf(batch)).toEqual(['1-1-1/actions/conflict']);
    expect(batch.items[0]!.changes[0]).toMatchObject({ twoWay: true, reason: 'no_base', base: null });
    expect(batch.report.baseSource).toBe('none');
    const w = batch.report.warnings.join('\n');
    expect(w).toContain('厚.xlsx: 管理情報(_meta シート)に書かれた出力時の値が、出力時の内容と一致しません');
    expect(w).toContain('二者比較');
  });

  it('a _meta sheet listing keys only (no values) falls back to two-way and says so', async () => {
    const svc = seededService();
    const other = seededService();
    const wb = await load(await exportFor(other, '厚'));
    const meta = wb.getWorksheet('_meta')!;
    meta.unprotect();
    // Keys only under the column header (row 9), as in a file written before the values were added.
    for (let r = 9; r <= meta.rowCount; r++) for (const c of [2, 3, 4]) meta.getCell(r, c).value = null;
    meta.getRow(7).values = []; // no digest either
    wb.getWorksheet('回答')!.getCell(`${COL.actions}${answerRow(other, '厚', '1-1-1')}`).value = answerAdding(
      other,
      '1-1-1',
      'actions',
      '・別環境の答え',
    );
    const batch = await stageOk(svc, '厚.xlsx', await save(wb));
    expect(changesOf(batch)).toEqual(['1-1-1/actions/conflict']);
    expect(batch.items[0]!.changes[0]).toMatchObject({ twoWay: true, reason: 'no_base', base: null });
    expect(batch.report.warnings.join('\n')).toMatch(/出力記録\(出力番号 [-0-9a-f]+\)がこのデータベースにありません.*二者比較/);
  });

  it("this database's export record stays the base even when the file's _meta says otherwise", async () => {
    const svc = seededService();
    const original = await exportFor(svc, '厚');
    const row = answerRow(svc, '厚', '1-1-1');
    const bytes = editCells(editCells(original, { B10: '・書き換えた出力時の値' }, 'xl/worksheets/sheet3.xml'), {
      [`${COL.future}${row}`]: answerAdding(svc, '1-1-1', 'future', '・府省の方向性'),
    });
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    expect(changesOf(batch)).toEqual(['1-1-1/future/theirs']);
    expect(batch.report.baseSource).toBe('export');
    expect(batch.exportId).not.toBeNull();
  });

  it('reads the consolidated table layout by section, label and title', async () => {
    const svc = seededService();
    const file = `${(await import('./helpers')).tempDir()}/table.xlsx`;
    await api(svc, 'excel.exportTable', { outFile: file });
    const wb = await load(fs.readFileSync(file));
    const ws = wb.getWorksheet('協議会資料')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
    expect(String(ws.getCell('A2').value)).toMatch(/^大項目1：/);
    let target = 0;
    ws.eachRow((row, n) => {
      if (!target && String(row.getCell(1).value).startsWith('③') && n > 3) target = n;
    });
    expect(String(ws.getCell(`${COL.key}${target}`).value)).toMatch(/【.+】$/);
    ws.getCell(`C${target}`).value = `${String(ws.getCell(`C${target}`).value)}\n・資料で直した方向性`;
    const batch = await stageOk(svc, 'table.xlsx', await save(wb));
    expect(batch.layout).toBe('table');
    expect(changesOf(batch)).toEqual(['1-1-3/future/conflict']);
    expect(batch.report.warnings.join('\n')).toContain('協議会資料(3列)の形式');
  });

  it('discard leaves no trace in the plan and lets the same file be staged again', async () => {
    const svc = seededService();
    const bytes = editCells(await exportFor(svc, '厚'), { [`${COL.actions}${answerRow(svc, '厚', '1-1-1')}`]: '・破棄される答え' });
    const before = planSnapshot(svc);
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    expect((await api(svc, 'imports.discard', { batch: batch.id })).status).toBe('discarded');
    expect(planSnapshot(svc)).toBe(before);
    expect(await apiError(svc, 'imports.apply', { batch: batch.id, author: 'x' })).toMatch(/破棄済み/);
    expect((await stage(svc, '厚.xlsx', bytes)).batch).toBeGreaterThan(batch.id);
  });

  it('restores a backup in place, after taking a safety backup', async () => {
    const svc = seededService();
    const bytes = editCells(await exportFor(svc, '厚'), {
      [`${COL.actions}${answerRow(svc, '厚', '1-1-1')}`]: answerAdding(svc, '1-1-1', 'actions', '・反映して戻す答え'),
    });
    const before = planSnapshot(svc);
    const batch = await stageOk(svc, '厚.xlsx', bytes);
    const applied = await api(svc, 'imports.apply', { batch: batch.id, author: 'x' });
    expect(planSnapshot(svc)).not.toBe(before);
    const restored = await api(svc, 'backups.restore', { name: applied.backup });
    expect(restored.safety.name).toMatch(/before-restore/);
    expect(planSnapshot(svc)).toBe(before);
    expect(await api(svc, 'search', { query: '反映して戻す' })).toEqual([]);
    expect((await api(svc, 'search', { query: 'ゲノム' })).length).toBeGreaterThan(0);
    expect((await api(svc, 'backups.list', {})).backups.length).toBe(2);
    expect(await apiError(svc, 'backups.restore', { name: '../etc/passwd' })).toMatch(/バックアップ名が正しくありません/);
  });
});
