// The reader inside the parse worker, called in-thread: what the zip checks hand exceljs, what comes
// back from a cell, and the store snapshot read while the worker parses.
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { alignRows, type AlignItem } from '../../src/main/excel/align-rows';
import type { FileRow } from '../../src/main/excel/answer-sheet';
import { stageWorkbook } from '../../src/main/excel/import-workbook';
import { compactWorkbook, expandWorkbook, readWorkbookCells, warmUpWorkbook } from '../../src/main/excel/read-cells';
import { storedZip, unpackForReading } from '../../src/main/excel/zip-check';
import { getBatch, insertBatch, listBatches, readOursAhead } from '../../src/main/store/import-store';
import { writeField } from '../../src/main/store/plan-store';
import { COL, answerAdding, answerRow, exportFor, stageOk } from './excel-helpers';
import { seededService } from './helpers';
import { editCells, readZip, writeZip } from './xlsx-tools';

describe('what the reader is given', () => {
  it('only the parts the import reads; every entry is still inflated and checked', async () => {
    const svc = seededService();
    const parts = readZip(await exportFor(svc, '厚'));
    parts.set('xl/media/image1.png', Buffer.alloc(5000, 7));
    parts.set('xl/comments1.xml', Buffer.from('<comments/>'));
    const unpacked = unpackForReading(writeZip(parts), '厚.xlsx').parts;
    expect([...unpacked.keys()].sort()).toEqual([
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    expect(unpacked.get('xl/worksheets/sheet1.xml')!.equals(parts.get('xl/worksheets/sheet1.xml')!)).toBe(true);
    // A part the import never reads is still checked: one that lies about its size refuses the file.
    const liar = writeZip(parts, (name, n) => (name === 'xl/media/image1.png' ? 10 : n));
    expect(() => unpackForReading(liar, '嘘.xlsx')).toThrow(/^嘘\.xlsx: xl\/media\/image1\.png が申告より大きく展開されます/);
  });

  it('reads rich text joined, phonetic guides left out, formulas by their cached result, dates, hidden rows and sheet state', async () => {
    const wb = readWorkbookCells(warmUpWorkbook(20), 'w.xlsx');
    expect(wb.sheets.map((s) => [s.name, s.state, s.rows.length])).toEqual([
      ['回答', 'visible', 20],
      ['_meta', 'veryHidden', 20],
    ]);
    const [row1, row2] = wb.sheets[0]!.rows;
    expect(row1!.cells).toEqual([
      '1-1-1',
      '1',
      '・令和1年度に取組を推進する【厚】。\n\u3000・下位の取組 1 & <続き>',
      '・令和7年度に取組を推進する【厚】。\n\u3000・下位の取組 7 & <続き>',
      '太字の取組',
      '・式',
      '2023-03-16',
      '・富',
      'true',
    ]);
    expect(row2!.cells[4]).toBe('漢字'); // not 漢字カンジ: the reading (rPh) is not cell text
    expect(wb.sheets[0]!.rows.filter((r) => r.hidden).map((r) => r.row)).toEqual([17]);
    expect(wb.formulas).toHaveLength(40);
    expect(expandWorkbook(compactWorkbook(wb))).toEqual(wb);
  });

  it('reads what other writers do: prefixed tags, rows and cells without addresses, escaped characters, errors, rows out of order', () => {
    const ns =
      'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const part = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${body}`, 'utf8');
    const bytes = storedZip([
      [
        'xl/workbook.xml',
        part(
          `<x:workbook ${ns}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="回答" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>`,
        ),
      ],
      [
        'xl/_rels/workbook.xml.rels',
        part(
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
        ),
      ],
      [
        'xl/styles.xml',
        part(`<x:styleSheet ${ns}><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs></x:styleSheet>`),
      ],
      [
        'xl/sharedStrings.xml',
        part(`<x:sst ${ns}><x:si><x:t>一行目_x000D_
二行目</x:t></x:si><x:si><x:t><![CDATA[<そのまま>]]></x:t></x:si></x:sst>`),
      ],
      [
        'xl/worksheets/sheet1.xml',
        part(
          `<x:worksheet ${ns}><x:sheetData>` +
            '<x:row r="3"><x:c t="s"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>' +
            '<x:row><x:c r="B4" t="str"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="AZ4"><x:v>9</x:v></x:c></x:row>' +
            '<x:row r="2" hidden="true"><x:c t="s"><x:v>0</x:v></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c r="D2" t="inlineStr"><x:is><x:t>い</x:t><x:rPh sb="0" eb="1"><x:t>イ</x:t></x:rPh></x:is></x:c></x:row>' +
            '<x:row r="5"><x:c r="A5" s="1"/></x:row>' +
            '</x:sheetData></x:worksheet>',
        ),
      ],
    ]);
    const wb = readWorkbookCells(bytes, 'w.xlsx');
    expect(wb.sheets).toEqual([
      {
        name: '回答',
        state: 'visible',
        rows: [
          { row: 2, hidden: true, cells: ['一行目\r\n二行目', '1904-01-01', '', 'い'] },
          { row: 3, hidden: false, cells: ['<そのまま>', '#N/A'] },
          { row: 4, hidden: false, cells: ['', '2'] },
        ],
      },
    ]);
    expect(wb.formulas).toEqual(['回答!B4']);
  });

  it('reads character references as the characters they stand for (openpyxl writes every non-ASCII character as one)', () => {
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const part = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${body}`, 'utf8');
    const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    // Enough rows that the last cell's reference is cut in two by the reader's 1 MiB pieces.
    const head = '<worksheet><sheetData>';
    const padding = Array.from({ length: 14_000 }, (_, i) => `<row r="${i + 3}">${inline(`A${i + 3}`, 'x')}</row>`).join('');
    const open = `<row r="14003"><c r="A14003" t="inlineStr"><is><t>`;
    const before = part(head + padding + open).length;
    const fill = 'a'.repeat(2 ** 20 - 3 - before);
    const sheet =
      head +
      '<row r="1">' +
      inline('A1', '&#31649;&#29702;&#x756A;&#21495;') +
      inline('B1', '&#60;b&#62; &#38; &#34;&#39; &#93;&#93;&#62;') +
      inline('C1', '一行目&#10;二行目&#13;&#9;') +
      inline('D1', '&#128512;&#x1F600;') +
      '<c r="E1" t="s"><v>0</v></c><c r="F1" t="s"><v>1</v></c></row>' +
      padding +
      `${open}${fill}&#12398;</t></is></c></row></sheetData></worksheet>`;
    const bytes = storedZip([
      [
        'xl/workbook.xml',
        part(`<workbook xmlns:r="${rel}"><sheets><sheet name="&#22238;&#31572;" sheetId="1" r:id="s1"/></sheets></workbook>`),
      ],
      [
        'xl/_rels/workbook.xml.rels',
        part(`<Relationships><Relationship Id="s1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      ],
      // A CDATA section keeps a reference as the text it is; the part's other references still resolve.
      ['xl/sharedStrings.xml', part('<sst><si><t><![CDATA[&#12398;]]></t></si><si><t>&#12398;&#x3042;</t></si></sst>')],
      ['xl/worksheets/sheet1.xml', part(sheet)],
    ]);
    const wb = readWorkbookCells(bytes, 'openpyxl.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['回答']);
    const rows = wb.sheets[0]!.rows;
    expect(rows[0]!.cells).toEqual(['管理番号', '<b> & "\' ]]>', '一行目\n二行目\r\t', '😀😀', '&#12398;', 'のあ']);
    expect(rows).toHaveLength(14_002);
    expect(rows.at(-1)!.cells).toEqual([`${fill}の`]);
  });

  it('a returned file with cell comments (notes) and an image reads as before', async () => {
    const svc = seededService();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportFor(svc, '厚')) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('回答')!;
    const row = answerRow(svc, '厚', '1-1-1');
    const answer = answerAdding(svc, '1-1-1', 'actions', '・コメント付きの答え');
    ws.getCell(`${COL.actions}${row}`).value = answer;
    ws.getCell(`${COL.actions}${row}`).note = '厚労省からのメモ';
    ws.getCell(`${COL.item}${row}`).note = { texts: [{ text: '確認中' }] };
    const image = wb.addImage({
      buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex') as unknown as ExcelJS.Buffer,
      extension: 'png',
    });
    ws.addImage(image, 'J2:K4');
    const batch = await stageOk(svc, '厚.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(batch.items.flatMap((it) => it.changes.map((c) => `${c.key}/${c.field}/${c.kind}/${c.theirs}`))).toEqual([
      `1-1-1/actions/theirs/${answer}`,
    ]);
  });
});

describe('alignment', () => {
  it('never folds titles when every row has its key (the title index is built only when needed)', () => {
    const items: AlignItem[] = Array.from({ length: 3 }, (_, i) => ({
      key: `1-1-${i + 1}`,
      major: 1,
      middle: 1,
      label: '①',
      ministries: ['厚'],
      get title(): string {
        throw new Error('title read');
      },
    }));
    const rows: FileRow[] = items.map((it, i) => ({
      row: i + 2,
      key: it.key,
      major: 1,
      middle: 1,
      area: null,
      item: '①x',
      actions: '',
      future: '',
      comment: '',
    }));
    const out = alignRows(rows, items, { file: 'f.xlsx', ministry: '厚', expectedKeys: null });
    expect(out.aligned.map((a) => a.item.key)).toEqual(['1-1-1', '1-1-2', '1-1-3']);
  });

  it('stays linear when thousands of items share one title', () => {
    const items: AlignItem[] = Array.from({ length: 40_000 }, (_, i) => ({
      key: `k${i}`,
      major: 1,
      middle: 1,
      label: '①',
      title: '同じ題',
      ministries: ['厚'],
    }));
    const rows: FileRow[] = [
      { row: 2, key: '', major: 1, middle: 1, area: null, item: '①同じ題', actions: '・a', future: '', comment: '' },
    ];
    const t = performance.now();
    const out = alignRows(rows, items, { file: 'f.xlsx', ministry: '厚', expectedKeys: null });
    expect(performance.now() - t).toBeLessThan(2000); // the index that copied its list per item took seconds here
    expect(out.warnings.join('\n')).toContain('当てはまる項目が複数あり');
  });
});

describe('the store read ahead while the worker parses', () => {
  it('is not used once anything was written: the batch is classified against the store as it is', async () => {
    const svc = seededService();
    const before = (await getBatch(svc.db, (await stageOk(svc, 'a.xlsx', await exportFor(svc, '厚'))).id)).counts;
    expect(before).toEqual({});
    const ahead = readOursAhead(svc.db);
    writeField(svc.db, '1-1-1', 'actions', [{ text: '先に書かれた値', level: 0 }], { author: 't', source: 'edit' });
    const id = insertBatch(
      svc.db,
      {
        fileName: 'b.xlsx',
        sha256: 'b',
        layout: 'ministry',
        ministry: '厚',
        exportId: null,
        report: { warnings: [], proposals: [] },
        changes: [{ key: '1-1-1', field: 'actions', row: 2, base: null, theirs: '・先に書かれた値' }],
      },
      ahead,
    );
    // With the stale snapshot the file would differ from the store (a two-way conflict); it does not.
    expect(getBatch(svc.db, id).items).toEqual([]);
  });

  it('staging reads the plan once the worker is done if it changed meanwhile', async () => {
    const svc = seededService();
    const bytes = await exportFor(svc, '厚');
    const staging = stageWorkbook(svc.db, '厚.xlsx', bytes);
    writeField(svc.db, '1-1-1', 'actions', [{ text: '解析中に書かれた値', level: 0 }], { author: 't', source: 'edit' });
    const staged = await staging;
    expect(getBatch(svc.db, staged.batch).items.flatMap((it) => it.changes.map((c) => `${c.key}/${c.field}/${c.kind}`))).toEqual([
      '1-1-1/actions/ours',
    ]);
  });
});

describe('one snapshot of the plan per import', () => {
  it('staging a file and then showing its batch read every item\u2019s bullets once; a write in between makes them read again', async () => {
    const svc = seededService();
    const bytes = editCells(await exportFor(svc, '厚'), {
      [`${COL.actions}${answerRow(svc, '厚', '1-1-1')}`]: answerAdding(svc, '1-1-1', 'actions', '・新しい取組'),
    });
    const prepare = vi.spyOn(svc.db, 'prepare');
    const bulletReads = () => prepare.mock.calls.filter(([sql]) => /^SELECT item_key, field, level, text FROM bullets/.test(sql)).length;
    const staged = await stageWorkbook(svc.db, '厚.xlsx', bytes);
    const shown = getBatch(svc.db, staged.batch);
    listBatches(svc.db);
    expect(shown.items.flatMap((it) => it.changes.map((c) => `${c.key}/${c.field}/${c.kind}`))).toEqual(['1-1-1/actions/theirs']);
    expect(bulletReads()).toBe(1);
    writeField(svc.db, '1-1-1', 'actions', [{ text: '事務局が書いた値', level: 0 }], { author: 't', source: 'edit' });
    // The store moved under the staged cell: seen at once, from a fresh read.
    expect(getBatch(svc.db, staged.batch).items[0]!.changes.map((c) => `${c.kind}/${c.reason}/${c.ours}`)).toEqual([
      'conflict/changed_since_staging/・事務局が書いた値',
    ]);
    expect(bulletReads()).toBe(2);
    prepare.mockRestore();
  });
});

describe('reading a staged batch', () => {
  it('costs a fixed number of statements, however many cells it holds', async () => {
    const svc = seededService();
    const bytes = await exportFor(svc, '厚');
    const keys = (
      svc.db.prepare('SELECT key FROM items WHERE ministries LIKE \'%"厚"%\' ORDER BY position').pluck().all() as string[]
    ).slice(0, 30);
    const edits = Object.fromEntries(
      keys.flatMap((k) => [
        [`${COL.actions}${answerRow(svc, '厚', k)}`, `・${k} の新しい取組`],
        [`${COL.future}${answerRow(svc, '厚', k)}`, `・${k} の新しい方向性`],
      ]),
    );
    const batch = await stageOk(svc, '厚.xlsx', editCells(bytes, edits));
    expect(batch.items).toHaveLength(30);
    const prepare = vi.spyOn(svc.db, 'prepare');
    getBatch(svc.db, batch.id);
    listBatches(svc.db);
    // Per-row statements (an item lookup for each of the 60 cells) made this grow with the batch.
    expect(prepare.mock.calls.length).toBeLessThan(20);
    prepare.mockRestore();
  });
});
