// The 新旧対照表 of two editions, in the form Japanese ministries use for revisions: per changed item,
// 新 (the later edition) and 旧 (the earlier one) side by side, the changed passages underlined on
// both sides, added and dropped items marked. A4 landscape, header row repeated, 10.5 pt body.
import ExcelJS from 'exceljs';
import { lineDiff } from '../../shared/diff/word-diff';
import { editionFieldLabel, editionLabel, type EditionField } from '../../shared/editions';
import type { Db } from '../store/database';
import { FONT_NAME, WRAP_TOP, writeBodyRow, fittingHeight, setupHeader, setupPrint, solidFill } from '../excel/sheet-style';
import { diffEditions } from './compare-editions';
import { editionItems, editionSections, type PlainItem } from './edition-items';
import { fieldChanges } from './edition-batches';

const BODY: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10.5 };
// The columns add up to the printable width of A4 landscape, so fitting the sheet to the page width
// prints it at about 100 %: wider columns are shrunk as a whole (at 184 units, 10.5 pt printed as 8 pt).
const COLUMNS = [
  { header: '管理番号', width: 8 },
  { header: '区分', width: 14 },
  { header: '欄', width: 9 },
  { header: '新', width: 50 },
  { header: '旧', width: 50 },
  { header: '備考', width: 8 },
] as const;

type Rich = ExcelJS.RichText[];

/**
 * Both sides of a changed text as rich text: what changed is underlined (新: added words, 旧: removed
 * words). Line by line first (a bullet kept as it was costs nothing), words only inside a line that
 * was edited: a whole rewritten cell of actions, the usual case from one year to the next, would
 * otherwise be diffed word against word across the whole cell.
 */
function underlined(before: string, after: string): { newer: Rich; older: Rich } {
  const newer: Rich = [];
  const older: Rich = [];
  const run = (side: Rich, text: string, marked: boolean) => {
    const last = side.at(-1);
    const underline = marked ? ('single' as const) : undefined;
    if (last && last.font?.underline === underline) last.text += text;
    else side.push({ text, font: { ...BODY, underline } });
  };
  const rows = lineDiff(before.split('\n'), after.split('\n'));
  rows.forEach((row, i) => {
    const nl = i < rows.length - 1 ? '\n' : '';
    if (row.kind === 'same') {
      run(newer, row.text + nl, false);
      run(older, row.text + nl, false);
    } else if (row.kind === 'added') run(newer, row.text + nl, true);
    else if (row.kind === 'removed') run(older, row.text + nl, true);
    else {
      for (const part of row.parts) {
        if (part.kind !== 'removed') run(newer, part.text, part.kind === 'added');
        if (part.kind !== 'added') run(older, part.text, part.kind === 'removed');
      }
      run(newer, nl, false);
      run(older, nl, false);
    }
  });
  return { newer: newer.filter((r) => r.text), older: older.filter((r) => r.text) };
}

function wholeText(it: PlainItem, field: EditionField): string {
  const cell = (bs: PlainItem['actions']) => bs.map((b) => `${'\u3000'.repeat(b.level)}・${b.text}`).join('\n');
  if (field === 'title') return `${it.label}${it.title}`;
  if (field === 'ministries') return it.ministries.map((m) => (it.lead.includes(m) ? `◎${m}` : m)).join('・');
  return cell(it[field]);
}

export function buildComparisonWorkbook(db: Db, from: number, to: number): { workbook: ExcelJS.Workbook; items: number } {
  const diff = diffEditions(db, from, to);
  const older = new Map(editionItems(db, from).map((it) => [it.key, it]));
  const newerItems = editionItems(db, to);
  const sections = new Map([...editionSections(db, from), ...editionSections(db, to)].map((s) => [s.id, s]));
  const place = (id: string) => `${id} ${sections.get(id)?.title ?? ''}`.trim();
  const touched = new Set([...diff.changed, ...diff.renumbered, ...diff.moved].map((c) => c.key));

  const wb = new ExcelJS.Workbook();
  wb.creator = '協議会デスク';
  const ws = wb.addWorksheet('新旧対照表');
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  setupHeader(
    ws,
    COLUMNS.map((c) => (c.header === '新' ? `新(${editionLabel(to)})` : c.header === '旧' ? `旧(${editionLabel(from)})` : c.header)),
    false,
  );
  setupPrint(ws, `新旧対照表 ${editionLabel(to)} / ${editionLabel(from)}`);
  ws.pageSetup.fitToWidth = 1;

  let rowNo = 2;
  const put = (key: string, section: string, field: string, newer: string | Rich, olderText: string | Rich, note: string) => {
    const row = ws.getRow(rowNo++);
    const values: (string | { richText: Rich })[] = [
      key,
      section,
      field,
      typeof newer === 'string' ? newer : { richText: newer },
      typeof olderText === 'string' ? olderText : { richText: olderText },
      note,
    ];
    writeBodyRow(row, values, BODY, WRAP_TOP);
    const plain = (v: string | Rich) => (typeof v === 'string' ? v : v.map((r) => r.text).join(''));
    row.height =
      fittingHeight([
        { text: plain(newer), width: COLUMNS[3].width },
        { text: plain(olderText), width: COLUMNS[4].width },
        { text: section, width: COLUMNS[1].width },
      ]) * 1.08;
    return row;
  };

  let items = 0;
  for (const it of newerItems) {
    const old = older.get(it.key);
    if (!old) {
      items += 1;
      const row = put(
        it.key,
        place(it.sectionId),
        '項目全体',
        ['title', 'actions', 'future'].map((f) => wholeText(it, f as EditionField)).join('\n'),
        '(新設)',
        '追加',
      );
      row.getCell(4).fill = solidFill('FFEAF4EA');
      continue;
    }
    if (!touched.has(it.key)) continue;
    items += 1;
    const notes = [
      old.label !== it.label ? `番号 ${old.label || '—'}→${it.label || '—'}` : '',
      old.sectionId !== it.sectionId ? `移動 ${old.sectionId}→${it.sectionId}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    const changes = fieldChanges(old, it);
    if (changes.length === 0) {
      put(it.key, place(it.sectionId), editionFieldLabel('title', to), wholeText(it, 'title'), wholeText(old, 'title'), notes);
      continue;
    }
    changes.forEach((c, i) => {
      const { newer, older: olderRich } = underlined(wholeText(old, c.field), wholeText(it, c.field));
      put(
        i === 0 ? it.key : '',
        i === 0 ? place(it.sectionId) : '',
        c.field === 'actions' ? '取組' : editionFieldLabel(c.field, to),
        newer,
        olderRich,
        i === 0 ? notes : '',
      );
    });
  }
  for (const d of diff.dropped) {
    const old = older.get(d.key)!;
    items += 1;
    const row = put(
      d.key,
      place(old.sectionId),
      '項目全体',
      '(削除)',
      ['title', 'actions', 'future'].map((f) => wholeText(old, f as EditionField)).join('\n'),
      '削除',
    );
    row.getCell(5).fill = solidFill('FFF7E6E6');
  }
  if (items === 0) put('', '', '', '変更はありません', '変更はありません', '');
  return { workbook: wb, items };
}

export function comparisonFileName(from: number, to: number, date: string): string {
  return `新旧対照表_${editionLabel(to)}_${editionLabel(from)}_${date.slice(0, 10)}.xlsx`;
}
