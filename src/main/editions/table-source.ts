// The consolidated table workbook (協議会資料, export-table.ts) read back as an edition source: a
// secretariat may prepare next year's table in Excel from the table Council Desk exported. The file
// goes through the same zip checks, caps and worker as a returned workbook (parse-in-worker.ts); the
// grid is then read into the parsed plan the text parser produces, and staged exactly like a text
// source (edition-batches.ts stageParsed).
// The workbook is recognised by its structure, so exports made before this reader are read too: a
// header row naming the item, actions and future columns (layout.ts headerId), heading rows
// (大項目1：… / 中項目1：… / 1) …) with text in the first column only, item rows 「①題名【◎厚・文】」.
// The title is the text above the header row if a person typed one, else the printed page header
// the export writes it to (sheet-style.ts setupPrint).
import { createHash } from 'node:crypto';
import type { Section } from '../../shared/domain';
import { detectFiscalYear, followUpTitleTail } from '../../shared/editions/fiscal-year';
import { AppError } from '../../shared/errors';
import { cellToBullets, normalizeNewlines } from '../../shared/merge/cell-text';
import { headerId, META_FORMAT, META_SHEET } from '../excel/layout';
import { parseInWorker } from '../excel/parse-in-worker';
import type { GridRow, ParsedWorkbook, SheetGrid } from '../excel/read-parts';
import { checkContainer, ZipCheckError } from '../excel/zip-check';
import { assignKeys, linkRelisted, parseItemCell, type KeyDraft, type ParsedItem, type ParsedPlan } from '../ingest/plan-parser';
import type { Db } from '../store/database';
import { listSections } from '../store/plan-store';
import { stageParsed } from './edition-batches';
import type { EditionBatchDetail } from '../../shared/editions';

/** Rows searched for the header row: the export puts it first, a person may add a title above it. */
const HEADER_SCAN_ROWS = 15;

/** Why a workbook is not an edition source; the CLI adds the English sentence to the Japanese one. */
const REFUSALS = {
  inquiry: {
    ja: 'これは府省の回答様式(照会様式)です。府省からの回答は「取り込み」画面(CLI では import)から取り込んでください。版の資料には、協議会資料の Excel か、フォローアップ表のテキスト(.txt)を指定します。データベースは変更していません。',
    en: 'this is a ministry inquiry workbook (照会様式); import returned answers with `import FILE`, not `edition import`. Nothing was changed.',
  },
  other: {
    ja: '協議会デスクが出力した協議会資料(Excel)ではありません。見出し行(「小項目【担当府省・AMED】」「各府省・AMEDの令和N年度の取組」「今後の方向性・課題など」)のあるシートが見つかりません。版の資料には、協議会資料の Excel か、フォローアップ表のテキスト(.txt)を指定してください。データベースは変更していません。',
    en: 'this workbook is not a consolidated table exported by Council Desk (no sheet with the item / actions / future header row). Give the consolidated table workbook or the text of the follow-up table. Nothing was changed.',
  },
} as const;

function refuse(name: string, why: keyof typeof REFUSALS): never {
  throw new AppError('bad_request', `${name}: ${REFUSALS[why].ja}`);
}

/** The English sentence for a refusal of this module, for the CLI; null for any other message. */
export function englishRefusal(message: string): string | null {
  const found = Object.values(REFUSALS).find((r) => message.endsWith(`: ${r.ja}`));
  return found ? `${message.slice(0, -found.ja.length)}${found.en}` : null;
}

interface TableLayout {
  sheet: SheetGrid;
  header: GridRow;
  /** Column index by id: item, actions, future. */
  columns: Map<string, number>;
}

/**
 * Which kind of workbook this is. An inquiry workbook has the hidden _meta sheet, or answer columns
 * the consolidated table never has (管理番号, 区分, 担当府省, 府省からの補足, 大項目 columns).
 */
function findTable(wb: ParsedWorkbook, name: string): TableLayout {
  const meta = wb.sheets.find((s) => s.name === META_SHEET);
  if (meta?.rows.some((r) => r.cells[0] === 'format' && r.cells[1] === META_FORMAT)) refuse(name, 'inquiry');
  for (const sheet of wb.sheets) {
    if (sheet.name === META_SHEET) continue;
    for (const row of sheet.rows.slice(0, HEADER_SCAN_ROWS)) {
      const columns = new Map<string, number>();
      row.cells.forEach((text, i) => {
        const id = headerId(text);
        if (id && !columns.has(id)) columns.set(id, i);
      });
      if (!columns.has('actions') || !columns.has('future')) continue;
      if (['key', 'section', 'major', 'ministries', 'comment'].some((id) => columns.has(id))) refuse(name, 'inquiry');
      if (columns.has('item')) return { sheet, header: row, columns };
    }
  }
  return refuse(name, 'other');
}

/** The text of a page header without its codes: `&L&"Meiryo UI"&10表題` → 表題 (`&&` is a literal &). */
export function pageHeaderText(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch !== '&') {
      out += ch;
      continue;
    }
    const next = code[i + 1] ?? '';
    if (next === '&') out += '&';
    else if (next === '"') {
      // A font: &"Meiryo UI,Bold".
      const end = code.indexOf('"', i + 2);
      i = end < 0 ? code.length : end;
      continue;
    } else if (/\d/.test(next)) {
      // A font size: &10.
      while (/\d/.test(code[i + 1] ?? '')) i++;
      continue;
    } else if (next === 'K')
      i += 6; // A colour: &KRRGGBB.
    else if ('LCR'.includes(next)) out += ' '; // The left / centre / right part starts.
    i++;
  }
  return out.replace(/\s+/g, ' ').trim();
}

const DIGITS = '[0-9０-９]+';
const MAJOR_ROW = new RegExp(`^大項目\\s*(${DIGITS})\\s*[:：]\\s*(.*)$`, 'u');
const MIDDLE_ROW = new RegExp(`^中項目\\s*(${DIGITS})\\s*(?:[:：]\\s*(.*))?$`, 'u');
/** 「3) がん」: short, not a sentence (as the text parser's area headings). */
const AREA_ROW = new RegExp(`^(${DIGITS})\\s*[)）]\\s*(\\S[^。]{0,39})$`, 'u');

const toNumber = (digits: string) => Number(digits.normalize('NFKC'));

type Heading = Pick<Section, 'level' | 'major' | 'middle' | 'area' | 'title'>;

interface Place {
  major: number | null;
  middle: number | null;
  area: number | null;
}

/** A heading row's section, placed under the headings above it; null when the text is no heading. */
function headingOf(text: string, place: Place): Heading | null {
  const major = MAJOR_ROW.exec(text);
  if (major) return { level: 'major', major: toNumber(major[1]!), middle: null, area: null, title: major[2]!.trim() };
  if (place.major === null) return null;
  const middle = MIDDLE_ROW.exec(text);
  if (middle) return { level: 'middle', major: place.major, middle: toNumber(middle[1]!), area: null, title: (middle[2] ?? '').trim() };
  const area = place.middle === null ? null : AREA_ROW.exec(text);
  if (area) return { level: 'area', major: place.major, middle: place.middle, area: toNumber(area[1]!), title: area[2]!.trim() };
  return null;
}

interface ItemRow extends KeyDraft {
  item: ParsedItem;
  relisted: boolean;
}

/**
 * Read the consolidated table of a parsed workbook into a plan: sections from the heading rows, items
 * from the rows under them (bullets read back from the hang-indented cells as cell-text.ts reads an
 * answer), keys proposed and 再掲 copies linked exactly as the text parser does. Throws a Japanese
 * message when the workbook is an inquiry workbook or no consolidated table.
 */
export function readTableSource(wb: ParsedWorkbook, name: string): ParsedPlan {
  const { sheet, header, columns } = findTable(wb, name);
  const cell = (r: GridRow, id: string) => normalizeNewlines(r.cells[columns.get(id)!] ?? '');
  const warnings: string[] = [];
  const sections = new Map<string, Section>();
  const rows: ItemRow[] = [];
  const place: Place = { major: null, middle: null, area: null };
  let inferred = 0;
  for (const r of sheet.rows) {
    if (r.row <= header.row) continue;
    const itemText = cell(r, 'item').trim();
    const actions = cell(r, 'actions');
    const future = cell(r, 'future');
    const bodyEmpty = actions.trim() === '' && future.trim() === '';
    if (itemText === '' && bodyEmpty) continue;
    const heading = bodyEmpty ? headingOf(itemText, place) : null;
    if (heading) {
      Object.assign(place, { major: heading.major, middle: heading.middle, area: heading.area });
      const id = [heading.major, heading.middle, heading.area].filter((n) => n !== null).join('-');
      if (!sections.has(id)) sections.set(id, { ...heading, id, intro: [], position: sections.size });
      continue;
    }
    if (place.major === null || place.middle === null || itemText === '') {
      warnings.push(
        `${sheet.name} ${r.row}行目: ${itemText === '' ? '小項目名のない行' : '大項目・中項目の見出し行より前にある行'}のため読み飛ばしました(${(itemText || actions || future).trim().slice(0, 20)})。`,
      );
      continue;
    }
    const parsedCell = parseItemCell(itemText);
    const read = (text: string) => {
      const c = cellToBullets(text);
      inferred += c.inferredStarts;
      return c.bullets;
    };
    const item: ParsedItem = {
      key: '',
      major: place.major,
      middle: place.middle,
      area: place.area,
      label: parsedCell.label,
      title: parsedCell.title,
      ministries: parsedCell.ministries,
      lead: parsedCell.lead,
      relistedFrom: null,
      warnings: [],
      actions: read(actions),
      future: read(future),
    };
    const middleTitle = sections.get(`${place.major}-${place.middle}`)?.title;
    rows.push({
      item,
      major: place.major,
      middle: place.middle,
      area: place.area,
      number: parsedCell.number,
      label: parsedCell.label,
      noTable: parsedCell.label === '' && place.area === null && parsedCell.title === middleTitle,
      warnings: item.warnings,
      relisted: parsedCell.relisted || [...item.actions, ...item.future].some((b) => b.text.includes('【再掲】')),
    });
  }
  const keys = assignKeys(rows);
  for (const r of rows) r.item.key = keys.get(r)!;
  const items = rows.map((r) => r.item);
  linkRelisted(items, new Set(rows.filter((r) => r.relisted).map((r) => r.item)));
  if (inferred) {
    warnings.push(`「・」で始まらない行が ${inferred} 行あり、前の行が文末(。)で終わっていたため新しい箇条書きとして読みました。`);
  }

  const typedTitle = sheet.rows
    .filter((r) => r.row < header.row)
    .map((r) => r.cells.join(' ').trim())
    .filter(Boolean)
    .join('');
  const title = typedTitle || pageHeaderText(sheet.pageHeader ?? '');
  const year = detectFiscalYear([title, ...header.cells].join('\n'));
  if (year.conflict) {
    warnings.unshift(typedTitle ? year.conflict : `${year.conflict}(表題は、印刷時にページ上部に出るヘッダーの文から読みました。)`);
  }
  return { title, sections: [...sections.values()], items, warnings, fiscalYear: year.fiscalYear };
}

/**
 * Stage a consolidated table workbook as an edition import. The cheap container checks run first so
 * the usual mistakes fail at once; the worker repeats them and inflates every part under its caps.
 * The table carries no section intros (the policy text above a 中項目's table): the held ones are
 * kept. Nothing is written when the file is refused.
 */
export async function stageTableWorkbook(db: Db, name: string, bytes: Buffer): Promise<EditionBatchDetail> {
  try {
    checkContainer(bytes, name);
  } catch (err) {
    if (err instanceof ZipCheckError) throw new AppError('bad_request', err.message);
    throw err;
  }
  const plan = readTableSource(await parseInWorker(bytes, name), name);
  // Sections keep their held intro and place among the sections the table does not print (those
  // without items); a new one goes after them.
  const heldSections = listSections(db);
  const held = new Map(heldSections.map((s) => [s.id, s]));
  const after = heldSections.length;
  plan.sections = plan.sections.map((s, i) => {
    const h = held.get(s.id);
    return { ...s, intro: h?.intro ?? [], position: h?.position ?? after + i };
  });
  if (!plan.title) {
    // Neither a typed title nor a page header (a person removed it): the held title, under the year read.
    const heldTitle = (db.prepare("SELECT title FROM documents WHERE kind = 'plan' LIMIT 1").pluck().get() as string | undefined) ?? '';
    plan.title =
      plan.fiscalYear === null
        ? heldTitle
        : heldTitle.replace(/令和(\d{1,2}|元)年度の実施と今後の方向性等/u, followUpTitleTail(plan.fiscalYear));
  }
  return stageParsed(db, name, createHash('sha256').update(bytes).digest('hex'), plan);
}
