// Parser of the follow-up table (document 000_*.txt, see domain.md): a PDF extraction whose pages
// repeat their headings, come partly out of order and lost most bullet markers. Pure: text in, data
// out, no I/O. It keeps every 小項目, never merges two, and writes a Japanese warning on an item for
// every guess it had to make, so people can check exactly those.
import { MINISTRY_CODES, type Bullet, type ItemSummary, type MinistryCode, type Section, type SectionLevel } from '../../shared/domain';
import { SPLIT_METHOD_LABELS, cleanBulletText, splitCell, stripMarkup } from '../../shared/text/bullets';
import { foldForMatch, tidySpaces } from '../../shared/text/normalize';
import { bigramProfile, foldFast, profileSimilarity, type BigramProfile } from '../../shared/text/similarity';
import { LEADING_CIRCLED, bulletTags, circledNumber, findBrackets, parseMinistryList, toCircled } from '../../shared/text/tags';
import { actionsLabel, detectFiscalYear, futureLabel } from '../../shared/editions/fiscal-year';

/**
 * One 小項目 as the document gives it. `key` is the proposed stable key (`${major}-${middle}-${n}` or
 * `${major}-${middle}-${area}-${n}`), `label` '' when no number was printed, `relistedFrom` the key of
 * the original when this is a 【再掲】 copy.
 */
export interface ParsedItem extends Omit<ItemSummary, 'pj' | 'position'> {
  actions: Bullet[];
  future: Bullet[];
}

export interface ParsedPlan {
  title: string;
  sections: Section[];
  items: ParsedItem[];
  warnings: string[];
  /** The fiscal year the title and column headers name (令和N as N), or null when they name none. */
  fiscalYear: number | null;
}

// ---------------------------------------------------------------------------------------------
// Lines

type Column = 'actions' | 'future';

type Line =
  | { kind: 'blank' }
  | { kind: 'major'; major: number; title: string }
  | { kind: 'middle'; middle: number; title: string; toc: boolean }
  | { kind: 'area'; area: number; title: string }
  | { kind: 'header'; area: { area: number; title: string } | null }
  | { kind: 'column'; column: Column }
  | { kind: 'row'; cells: string[] }
  | { kind: 'bullet'; raw: string; text: string }
  | { kind: 'text'; text: string };

const DIGITS = '[0-9０-９]+';
const MAJOR_HEADING = new RegExp(`^大項目\\s*(${DIGITS})\\s*[:：]\\s*(.+)$`, 'u');
const MIDDLE_HEADING = new RegExp(`^(-\\s*)?中項目\\s*(${DIGITS})(?:\\s+(.*))?$`, 'u');
const AREA_HEADING = /^([0-9０-９]{1,2})\s*[)）]\s*(\S.*)$/u;
const BULLET_LINE = /^[ \t\u3000]*[-・•●]\s+\S/u;
/** The actions column heading of any fiscal year, worded 取組 / 年度取組 / 実施計画 on different pages. */
const ACTIONS_HEADING = /^各府省・amedの令和\d+年度の?(?:取組|実施計画)$/u;
const FUTURE_HEADING = /^今後の方向性・課題など$/u;
const ITEM_HEADER_CELL = /^小項目/u;

function toNumber(digits: string): number {
  return Number(digits.normalize('NFKC'));
}

function parseArea(text: string): { area: number; title: string } | null {
  const m = AREA_HEADING.exec(text.trim());
  // A heading is short and is not a sentence; this keeps `1) …。` list text out.
  if (!m || m[2]!.includes('。') || m[2]!.length > 40) return null;
  return { area: toNumber(m[1]!), title: m[2]!.trim() };
}

/** Headings are short; folding only short text keeps the parse fast on long cells. */
const HEADING_MAX = 60;

function foldHeading(text: string): string {
  return text.length > HEADING_MAX ? '' : foldForMatch(text);
}

function isHeaderRow(cells: string[]): boolean {
  if (cells.slice(1).some((c) => c.length > HEADING_MAX)) return false;
  return cells.map((c) => foldHeading(stripMarkup(c))).some((c) => ACTIONS_HEADING.test(c) || FUTURE_HEADING.test(c));
}

function classify(raw: string): Line {
  const line = raw.replace(/\r$/, '');
  if (line.trim() === '') return { kind: 'blank' };
  if (line.includes('\t')) {
    const cells = line.split('\t');
    if (isHeaderRow(cells)) {
      const first = stripMarkup(cells[0] ?? '').trim();
      return { kind: 'header', area: ITEM_HEADER_CELL.test(first) ? null : parseArea(first) };
    }
    return { kind: 'row', cells };
  }
  const text = tidySpaces(stripMarkup(line));
  if (LEADING_CIRCLED.test(text)) return { kind: 'row', cells: [line] };
  const major = MAJOR_HEADING.exec(text);
  if (major) return { kind: 'major', major: toNumber(major[1]!), title: major[2]!.trim() };
  const middle = MIDDLE_HEADING.exec(text);
  if (middle) return { kind: 'middle', middle: toNumber(middle[2]!), title: (middle[3] ?? '').trim(), toc: middle[1] !== undefined };
  const folded = foldHeading(text);
  if (ACTIONS_HEADING.test(folded)) return { kind: 'column', column: 'actions' };
  if (FUTURE_HEADING.test(folded)) return { kind: 'column', column: 'future' };
  const area = parseArea(text);
  if (area) return { kind: 'area', ...area };
  if (BULLET_LINE.test(line)) return { kind: 'bullet', raw: line, text: cleanBulletText(stripMarkup(line)) };
  return { kind: 'text', text };
}

// ---------------------------------------------------------------------------------------------
// Drafts collected while reading

interface TitleCandidate {
  text: string;
  fromToc: boolean;
}

interface SectionDraft {
  id: string;
  level: SectionLevel;
  major: number;
  middle: number | null;
  area: number | null;
  titles: TitleCandidate[];
  intro: Bullet[];
}

/** Items under a bare `中項目 n` heading with no 大項目 above it: placed once the whole file is read. */
interface OrphanBlock {
  middle: number;
  majorInEffect: number | null;
  line: number;
  intro: Bullet[];
}

interface ItemDraft {
  line: number;
  major: number | null;
  middle: number;
  area: number | null;
  orphan: OrphanBlock | null;
  number: number | null;
  label: string;
  title: string;
  ministries: MinistryCode[];
  lead: MinistryCode[];
  relisted: boolean;
  actions: Bullet[];
  future: Bullet[];
  warnings: string[];
  /** Raw cells (item, actions, future) while the row is still being read. */
  cells: string[];
  /** Set for the single item of a 中項目 without a table. */
  noTable: boolean;
}

type ColumnNames = Record<Column, string>;

/** Column names for messages, in the table's own fiscal year (「当該年度の取組」 when the text names none). */
function columnNames(fiscalYear: number | null): ColumnNames {
  return { actions: actionsLabel(fiscalYear), future: futureLabel };
}

function sectionId(major: number, middle: number | null, area: number | null): string {
  return [major, middle, area].filter((n) => n !== null).join('-');
}

/** Keep each fact once: the same intro bullet on every repeated page is one bullet. */
function addOnce(list: Bullet[], bullet: Bullet): void {
  const key = foldFast(bullet.text);
  if (key !== '' && !list.some((b) => foldFast(b.text) === key)) list.push(bullet);
}

function inCodeOrder(codes: Iterable<MinistryCode>): MinistryCode[] {
  const set = new Set(codes);
  return MINISTRY_CODES.filter((c) => set.has(c));
}

// ---------------------------------------------------------------------------------------------
// The item cell: number, title, ministries

interface ItemCell {
  number: number | null;
  label: string;
  title: string;
  ministries: MinistryCode[];
  lead: MinistryCode[];
  relisted: boolean;
}

/** `⑩…推進【文・◎厚】` → number, title without its number and its trailing 【…】, ministries. */
export function parseItemCell(raw: string): ItemCell {
  let text = tidySpaces(stripMarkup(raw)).replace(/\s+/g, ' ');
  const circled = LEADING_CIRCLED.exec(text);
  const label = circled?.[1] ?? '';
  if (circled) text = text.slice(label.length).trim();
  const ministries: MinistryCode[] = [];
  const lead: MinistryCode[] = [];
  let relisted = false;
  // Peel tags off the end: the ministry list, and a 再掲 mark if one was written there.
  for (;;) {
    const last = findBrackets(text).at(-1);
    if (!last || last.end !== text.length) break;
    const list = parseMinistryList(last.inner);
    if (list) {
      ministries.push(...list.ministries);
      lead.push(...list.lead);
    } else if (last.inner.trim() === '再掲') relisted = true;
    else break;
    text = text.slice(0, last.start).trim();
  }
  return {
    number: label ? circledNumber(label) : null,
    label,
    title: text,
    ministries: inCodeOrder(ministries),
    lead: inCodeOrder(lead),
    relisted,
  };
}

function splitColumn(raw: string, column: Column, warnings: string[], names: ColumnNames): Bullet[] {
  const { bullets, inferred } = splitCell(raw);
  if (inferred.length > 0) {
    const how = inferred.map((m) => SPLIT_METHOD_LABELS[m]).join('・');
    warnings.push(`${names[column]}の箇条書きの区切りを${how}から推定しました。`);
  }
  return bullets;
}

// ---------------------------------------------------------------------------------------------
// Reading the lines

class PlanReader {
  readonly sections = new Map<string, SectionDraft>();
  readonly items: ItemDraft[] = [];
  readonly orphans: OrphanBlock[] = [];
  readonly warnings: string[] = [];

  private major: number | null = null;
  private middle: number | null = null;
  private area: number | null = null;
  private orphan: OrphanBlock | null = null;
  /** Inside the table of contents, where headings only give titles and text is not plan content. */
  private toc = false;
  private mode: 'intro' | 'table' | 'column' = 'intro';
  private column: Column = 'actions';
  private row: { item: ItemDraft; dashColumn: number | null; blankSinceDash: boolean; spilled: boolean } | null = null;
  private noTableItem: ItemDraft | null = null;

  constructor(
    private readonly lines: Line[],
    private readonly names: ColumnNames,
  ) {}

  read(): void {
    this.lines.forEach((line, index) => this.readLine(line, index));
    this.closeRow();
  }

  private readLine(line: Line, index: number): void {
    switch (line.kind) {
      case 'blank':
        if (this.row && this.row.dashColumn !== null) this.row.blankSinceDash = true;
        return;
      case 'major':
        return this.enterMajor(line, index);
      case 'middle':
        return this.enterMiddle(line, index);
      case 'area':
        this.closeRow();
        return this.enterArea(line.area, line.title);
      case 'header':
        this.closeRow();
        this.toc = false;
        if (line.area) this.enterArea(line.area.area, line.area.title);
        this.mode = 'table';
        return;
      case 'column':
        return this.enterColumn(line.column, index);
      case 'row':
        this.toc = false;
        return this.readRow(line.cells, index);
      case 'bullet':
        return this.readBullet(line, index);
      case 'text':
        return this.readText(line.text, index);
    }
  }

  private section(major: number, middle: number | null, area: number | null): SectionDraft {
    const id = sectionId(major, middle, area);
    let s = this.sections.get(id);
    if (!s) {
      const level: SectionLevel = middle === null ? 'major' : area === null ? 'middle' : 'area';
      s = { id, level, major, middle, area, titles: [], intro: [] };
      this.sections.set(id, s);
    }
    return s;
  }

  private enterMajor(line: Extract<Line, { kind: 'major' }>, index: number): void {
    this.closeRow();
    const s = this.section(line.major, null, null);
    s.titles.push({ text: line.title, fromToc: this.nextMiddleIsToc(index) });
    this.orphan = null;
    if (line.major !== this.major) {
      this.major = line.major;
      this.middle = null;
      this.area = null;
      this.noTableItem = null;
    }
  }

  /** A 大項目 line in the table of contents looks like a body heading: its 中項目 lines tell. */
  private nextMiddleIsToc(index: number): boolean {
    for (let i = index + 1; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      if (l.kind === 'middle') return l.toc;
      if (l.kind === 'major' || l.kind === 'row' || l.kind === 'header') return false;
    }
    return false;
  }

  private previousContent(index: number): Line | null {
    for (let i = index - 1; i >= 0; i--) if (this.lines[i]!.kind !== 'blank') return this.lines[i]!;
    return null;
  }

  private enterMiddle(line: Extract<Line, { kind: 'middle' }>, index: number): void {
    this.closeRow();
    if (line.toc) {
      this.toc = true;
      if (this.major !== null) this.section(this.major, line.middle, null).titles.push({ text: line.title, fromToc: true });
      return;
    }
    this.toc = false;
    const underMajor = this.previousContent(index)?.kind === 'major';
    if (!underMajor && !line.title) {
      // A bare `中項目 n` on a page without its 大項目: which 大項目 it belongs to is decided later.
      const orphan: OrphanBlock = { middle: line.middle, majorInEffect: this.major, line: index, intro: [] };
      this.orphans.push(orphan);
      this.orphan = orphan;
      this.middle = line.middle;
      this.area = null;
      this.mode = 'intro';
      this.noTableItem = null;
      return;
    }
    this.orphan = null;
    if (!underMajor) this.placeTitledMiddle(line);
    if (this.major === null) {
      this.warnings.push(`大項目が定まらない位置に「中項目 ${line.middle}」があったため、その見出しを読み飛ばしました。`);
      return;
    }
    this.section(this.major, line.middle, null).titles.push({ text: line.title, fromToc: false });
    if (line.middle !== this.middle) {
      this.middle = line.middle;
      this.area = null;
      this.mode = 'intro';
      this.noTableItem = null;
    }
  }

  /** A titled 中項目 without its 大項目 above: its title names the 大項目 (from the contents). */
  private placeTitledMiddle(line: Extract<Line, { kind: 'middle' }>): void {
    const title = foldForMatch(line.title);
    const match = [...this.sections.values()].find(
      (s) => s.level === 'middle' && s.middle === line.middle && s.titles.some((t) => foldForMatch(t.text) === title),
    );
    if (match && match.major !== this.major) {
      this.warnings.push(`大項目の見出しがない「中項目 ${line.middle} ${line.title}」を、題名から大項目${match.major}に置きました。`);
      this.major = match.major;
      this.middle = null;
    }
  }

  private enterArea(area: number, title: string): void {
    if (this.major === null || this.middle === null || this.orphan) return;
    this.section(this.major, this.middle, area).titles.push({ text: title, fromToc: false });
    if (area !== this.area) {
      this.area = area;
      this.mode = 'intro';
    }
  }

  private enterColumn(column: Column, index: number): void {
    this.closeRow();
    if (this.major === null || this.middle === null || this.orphan) {
      this.warnings.push(`${index + 1}行目の「${this.names[column]}」見出しの位置が定まらないため読み飛ばしました。`);
      return;
    }
    if (!this.noTableItem) {
      this.noTableItem = this.newItem(index, null);
      this.noTableItem.noTable = true;
      this.noTableItem.cells = ['', '', ''];
      this.items.push(this.noTableItem);
    }
    this.mode = 'column';
    this.column = column;
  }

  private newItem(index: number, orphan: OrphanBlock | null): ItemDraft {
    return {
      line: index,
      major: orphan ? null : this.major,
      middle: this.middle ?? 0,
      area: orphan ? null : this.area,
      orphan,
      number: null,
      label: '',
      title: '',
      ministries: [],
      lead: [],
      relisted: false,
      actions: [],
      future: [],
      warnings: [],
      cells: [],
      noTable: false,
    };
  }

  private readRow(cells: string[], index: number): void {
    if ((this.major === null && !this.orphan) || this.middle === null) {
      this.warnings.push(`${index + 1}行目の表の行は大項目・中項目の見出しより前にあるため取り込めませんでした。`);
      return;
    }
    const previous = this.row?.item ?? this.lastTableItemHere();
    // A row with an empty first cell carries on the previous row (a cell that spilled over a break).
    if (cells.length > 1 && (cells[0] ?? '').trim() === '' && previous) {
      this.closeRow();
      cells.slice(1).forEach((c, k) => {
        previous.cells[k + 1] = [previous.cells[k + 1] ?? '', c].join('\n');
      });
      previous.warnings.push('前の行から続くセルの内容を同じ小項目に結合しました。');
      return;
    }
    this.closeRow();
    const item = this.newItem(index, this.orphan);
    item.cells = cells;
    this.items.push(item);
    this.row = { item, dashColumn: null, blankSinceDash: false, spilled: false };
    this.mode = 'table';
  }

  private lastTableItemHere(): ItemDraft | null {
    const last = this.items.at(-1);
    if (!last || last.noTable) return null;
    const here = last.orphan
      ? last.orphan === this.orphan
      : last.major === this.major && last.middle === this.middle && last.area === this.area;
    return here ? last : null;
  }

  private readBullet(line: Extract<Line, { kind: 'bullet' }>, index: number): void {
    if (this.toc) return;
    const intro = this.currentIntro();
    // Every page repeats its 中項目 policy text: a bullet already in the intro is that repeat.
    const folded = foldFast(line.text);
    if (intro?.some((b) => foldFast(b.text) === folded)) return;
    if (this.row) return this.addDashToRow(line.raw);
    if (this.mode === 'column' && this.noTableItem) {
      const k = this.column === 'actions' ? 1 : 2;
      this.noTableItem.cells[k] = `${this.noTableItem.cells[k] ?? ''}\n${line.raw}`;
      return;
    }
    if (intro && this.mode === 'intro') {
      const indent = /^[ \t\u3000]*/.exec(line.raw)?.[0].length ?? 0;
      intro.push({ text: line.text, level: indent > 0 ? 1 : 0 });
      return;
    }
    this.warnings.push(`${index + 1}行目の箇条書きの置き場所が定まらないため取り込めませんでした。`);
  }

  /**
   * Dash bullets under an item row that has no tab-separated cells: each group of lines (groups are
   * separated by blank lines) is the next column, actions first.
   */
  private addDashToRow(raw: string): void {
    const row = this.row!;
    const cells = row.item.cells;
    if (row.dashColumn === null) {
      row.dashColumn = Math.min(cells.length, 2);
      if (cells.length >= 3) row.spilled = true;
    } else if (row.blankSinceDash && row.dashColumn < 2) row.dashColumn += 1;
    row.blankSinceDash = false;
    cells[row.dashColumn] = `${cells[row.dashColumn] ?? ''}\n${raw}`;
  }

  private readText(text: string, index: number): void {
    if (this.toc) return;
    if (this.row) {
      // A line that is neither heading nor row continues the last cell of the row above.
      const cells = this.row.item.cells;
      cells[cells.length - 1] = `${cells[cells.length - 1] ?? ''}\n${text}`;
      this.row.spilled = true;
      return;
    }
    if (this.mode === 'column' && this.noTableItem) {
      const k = this.column === 'actions' ? 1 : 2;
      this.noTableItem.cells[k] = `${this.noTableItem.cells[k] ?? ''}\n${text}`;
      return;
    }
    const intro = this.currentIntro();
    if (intro && this.mode === 'intro') {
      const last = intro.at(-1);
      // A line cut in mid-sentence (…そのため / の基盤になる…) continues the bullet above.
      if (last && !/[。】）)]$/u.test(last.text)) last.text = cleanBulletText(`${last.text}\n${text}`);
      else addOnce(intro, { text: cleanBulletText(text), level: 0 });
      return;
    }
    if (this.major !== null)
      this.warnings.push(`${index + 1}行目の文「${text.slice(0, 20)}…」の置き場所が定まらないため取り込めませんでした。`);
  }

  private currentIntro(): Bullet[] | null {
    if (this.orphan) return this.orphan.intro;
    if (this.major === null || this.middle === null) return null;
    return this.section(this.major, this.middle, this.area).intro;
  }

  private closeRow(): void {
    const row = this.row;
    this.row = null;
    if (!row) return;
    if (row.dashColumn !== null && !row.spilled) {
      row.item.warnings.push(
        `表の列の区切りがない行のため、箇条書きのまとまりを順に${this.names.actions}、${this.names.future}とみなしました。`,
      );
    } else if (row.spilled) {
      row.item.warnings.push('次の行に続いていたセルの内容を同じセルに結合しました。');
    }
  }
}

// ---------------------------------------------------------------------------------------------
// After reading: cells, placement, keys, links

function finishCells(item: ItemDraft, names: ColumnNames): void {
  const [itemCell = '', actions = '', future = '', ...extra] = item.cells;
  if (extra.some((c) => c.trim() !== '')) {
    item.warnings.push('表の列が3つより多い行のため、余った列を今後の方向性・課題などに含めました。');
  }
  if (!item.noTable) {
    const cell = parseItemCell(itemCell);
    Object.assign(item, {
      number: cell.number,
      label: cell.label,
      title: cell.title,
      ministries: cell.ministries,
      lead: cell.lead,
      relisted: cell.relisted,
    });
  }
  item.actions = splitColumn(actions, 'actions', item.warnings, names);
  item.future = splitColumn([future, ...extra].join('\n'), 'future', item.warnings, names);
  if ([...item.actions, ...item.future].some((b) => b.text.includes('【再掲】'))) item.relisted = true;
}

/**
 * Ministries of an item whose own cell names none: those its text names. For the item of a 中項目
 * without a table, the 中項目's policy text names them (…改組する。【厚】); a table item's intro is
 * the policy of the whole 中項目 and says nothing about that one item.
 */
function inferMinistries(item: ItemDraft, intro: Bullet[]): void {
  if (item.ministries.length > 0) return;
  const fromIntro = item.noTable ? inCodeOrder(intro.flatMap((b) => bulletTags(b.text).ministries)) : [];
  const fromBullets = inCodeOrder([...item.actions, ...item.future].flatMap((b) => bulletTags(b.text).ministries));
  const [found, where] = fromIntro.length > 0 ? [fromIntro, '中項目の本文'] : [fromBullets, '取組の本文'];
  if (found.length === 0) {
    item.warnings.push('担当府省の記載が見つからないため、担当府省を空にしました。');
    return;
  }
  item.ministries = found;
  item.warnings.push(`担当府省の欄がないため、${where}の【${found.join('、')}】を担当府省としました。`);
}

/**
 * Place the items of a bare `中項目 n` heading: in the 大項目 whose 中項目 n goes on numbering where
 * the block stops (① ② here, ③ there). Ties go to the section that follows the block in the file.
 */
function placeOrphans(reader: PlanReader): void {
  for (const orphan of reader.orphans) {
    const block = reader.items.filter((i) => i.orphan === orphan);
    const numbers = block.map((i) => i.number).filter((n): n is number => n !== null);
    const last = numbers.length > 0 ? Math.max(...numbers) : 0;
    const candidates = [...reader.sections.values()]
      .filter((s) => s.level === 'middle' && s.middle === orphan.middle)
      .map((s) => {
        const own = reader.items.filter((i) => !i.orphan && !i.noTable && i.major === s.major && i.middle === s.middle && i.area === null);
        const ownNumbers = own.map((i) => i.number).filter((n): n is number => n !== null);
        const firstLine = Math.min(...own.map((i) => i.line));
        return { s, ownNumbers, firstLine };
      })
      .filter((c) => c.ownNumbers.length > 0 && Math.min(...c.ownNumbers) === last + 1 && !c.ownNumbers.some((n) => numbers.includes(n)))
      .sort((a, b) => Number(b.firstLine > orphan.line) - Number(a.firstLine > orphan.line) || a.firstLine - b.firstLine);
    const chosen = candidates[0]?.s.major ?? orphan.majorInEffect;
    const next = toCircled(last + 1) ?? String(last + 1);
    const warning =
      candidates.length > 0
        ? `大項目の見出しがない「中項目 ${orphan.middle}」の下にあったため、番号が${next}以降へ続く大項目${chosen} 中項目${orphan.middle}に置いたと推定しました。`
        : `大項目の見出しがない「中項目 ${orphan.middle}」の下にあり、番号の続く中項目が見つからないため、直前の大項目${chosen ?? '?'}に置きました。`;
    if (chosen === null) {
      reader.warnings.push(`大項目の見出しがない「中項目 ${orphan.middle}」の項目の置き場所が定まりません。`);
      continue;
    }
    for (const item of block) {
      item.major = chosen;
      item.warnings.push(warning);
    }
    if (block.length > 0) reader.warnings.push(warning);
    const target = reader.sections.get(sectionId(chosen, orphan.middle, null));
    if (target) for (const b of orphan.intro) addOnce(target.intro, b);
  }
}

/** What key assignment needs of an item: its place, its printed number and where its warnings go. */
export interface KeyDraft {
  major: number | null;
  middle: number;
  area: number | null;
  number: number | null;
  label: string;
  /** The one item of a 中項目 printed without a table: it has no number, and that is no news. */
  noTable: boolean;
  warnings: string[];
}

function itemSectionId(item: KeyDraft): string {
  return sectionId(item.major ?? 0, item.middle, item.area);
}

/**
 * Keys by circled number; a number already taken in the section (the second ⑩ of 大項目1 中項目1)
 * and an item printed without a number take the next numbers after the highest one, in order.
 */
export function assignKeys<T extends KeyDraft>(items: T[]): Map<T, string> {
  const keys = new Map<T, string>();
  const bySection = new Map<string, T[]>();
  for (const item of items) bySection.set(itemSectionId(item), [...(bySection.get(itemSectionId(item)) ?? []), item]);
  for (const [id, group] of bySection) {
    const taken = new Set<number>();
    const later: T[] = [];
    for (const item of group) {
      if (item.number !== null && !taken.has(item.number)) {
        taken.add(item.number);
        keys.set(item, `${id}-${item.number}`);
      } else later.push(item);
    }
    let next = Math.max(0, ...taken) + 1;
    for (const item of later) {
      if (item.noTable) {
        keys.set(item, `${id}-${next++}`);
        continue;
      }
      const key = `${id}-${next++}`;
      keys.set(item, key);
      item.warnings.push(
        item.number !== null
          ? `丸数字${item.label}が同じ区分内で重複しているため、キーを${key}としました。`
          : `丸数字の番号がないため、キーを${key}としました。`,
      );
    }
  }
  return keys;
}

function contentText(item: ParsedItem): string {
  return [...item.actions, ...item.future].map((b) => b.text.replaceAll('【再掲】', '')).join('');
}

/**
 * Mean of title and content similarity a 再掲 link needs. In the source the two copies score 0.8-1.0
 * and every unrelated pair below 0.25, so the middle keeps a wide margin on both sides.
 */
const RELIST_THRESHOLD = 0.5;

/** Link each 【再掲】 copy to the item it repeats: the most similar title and content elsewhere. */
export function linkRelisted(items: ParsedItem[], relisted: Set<ParsedItem>): void {
  if (relisted.size === 0) return;
  const profiles = new Map<ParsedItem, { title: BigramProfile; content: BigramProfile }>(
    items.map((i) => [i, { title: bigramProfile(i.title), content: bigramProfile(contentText(i)) }]),
  );
  for (const copy of relisted) {
    const mine = profiles.get(copy)!;
    let best: { item: ParsedItem; score: number } | null = null;
    for (const other of items) {
      if (relisted.has(other) || sectionOf(other) === sectionOf(copy)) continue;
      const theirs = profiles.get(other)!;
      const score = (profileSimilarity(mine.title, theirs.title) + profileSimilarity(mine.content, theirs.content)) / 2;
      if (!best || score > best.score) best = { item: other, score };
    }
    if (best && best.score >= RELIST_THRESHOLD) {
      copy.relistedFrom = best.item.key;
      copy.warnings.push(`【再掲】の項目のため、題名と内容が最も近い${best.item.key}の再掲として対応付けました。`);
    } else {
      copy.warnings.push('【再掲】とあるが、再掲元の項目が見つかりませんでした。');
    }
  }
}

function sectionOf(item: Pick<ParsedItem, 'major' | 'middle' | 'area'>): string {
  return sectionId(item.major, item.middle, item.area);
}

function outlineOrder(a: { major: number; middle: number | null; area: number | null }, b: typeof a): number {
  return a.major - b.major || (a.middle ?? 0) - (b.middle ?? 0) || (a.area ?? 0) - (b.area ?? 0);
}

/**
 * The title of a section among its spellings: 利活用 over the older 活用 (domain.md), a body heading
 * over the contents (which uses half-width brackets), then the first seen.
 */
function chooseTitle(candidates: TitleCandidate[]): string {
  const usable = candidates.filter((c) => c.text.trim() !== '');
  const ranked = [...usable].sort(
    (a, b) => b.text.split('利活用').length - a.text.split('利活用').length || Number(a.fromToc) - Number(b.fromToc),
  );
  return tidySpaces(ranked[0]?.text ?? '');
}

function finishSections(drafts: Iterable<SectionDraft>): Section[] {
  return [...drafts].sort(outlineOrder).map((s, position) => ({
    id: s.id,
    level: s.level,
    major: s.major,
    middle: s.middle,
    area: s.area,
    title: chooseTitle(s.titles),
    intro: s.intro,
    position,
  }));
}

/** The document title: the first paragraph of the file, its lines joined. */
function documentTitle(lines: string[]): string {
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start === -1) return '';
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return tidySpaces(
    lines
      .slice(start, end === -1 ? undefined : end)
      .map((l) => l.trim())
      .join(''),
  );
}

export function parsePlan(text: string): ParsedPlan {
  const rawLines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const year = detectFiscalYear(text);
  const names = columnNames(year.fiscalYear);
  const reader = new PlanReader(rawLines.map(classify), names);
  reader.read();
  for (const item of reader.items) finishCells(item, names);
  placeOrphans(reader);

  const placed = reader.items.filter((i) => i.major !== null);
  const sections = finishSections(reader.sections.values());
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const keys = assignKeys(placed);

  const relisted = new Set<ParsedItem>();
  const items = placed
    .sort((a, b) => outlineOrder({ ...a, major: a.major! }, { ...b, major: b.major! }) || a.line - b.line)
    .map((draft): ParsedItem => {
      const middleSection = sectionById.get(sectionId(draft.major!, draft.middle, null));
      if (draft.noTable) draft.title = middleSection?.title ?? '';
      inferMinistries(draft, sectionById.get(itemSectionId(draft))?.intro ?? []);
      const item: ParsedItem = {
        key: keys.get(draft)!,
        major: draft.major!,
        middle: draft.middle,
        area: draft.area,
        label: draft.label,
        title: draft.title,
        ministries: draft.ministries,
        lead: draft.lead,
        actions: draft.actions,
        future: draft.future,
        relistedFrom: null,
        warnings: draft.warnings,
      };
      if (draft.relisted) relisted.add(item);
      return item;
    });
  linkRelisted(items, relisted);

  const warnings = year.conflict === null ? reader.warnings : [year.conflict, ...reader.warnings];
  return { title: documentTitle(rawLines), sections, items, warnings, fiscalYear: year.fiscalYear };
}
