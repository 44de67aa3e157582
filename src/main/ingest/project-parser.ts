// Parser of an AMED project sheet (one page of 研究事業実施方針, seed 004). Pure: text in, record out.
//
// The extraction is a PDF page turned into lines: a header of the hosting site, the project name, then
// headings (令和7年度予算額, 事業概要, 【背景】, 【目的】, PJ区分, 予算額(千円), 令和8年度概算要求のポイント,
// これまでの成果概要等) each followed by its content, and the printed page number. PDF line wraps cut
// sentences anywhere (…を適切に / 推進していく…) and are joined back. The same page can appear more than
// once: a heading seen again, or any heading after the page number, starts another copy; the copies
// are parsed alike and merged field by field, keeping the most complete text and saying where they
// differ. Nothing here throws on odd input: what is missing or unclear goes to `warnings`.

import { PROJECT_NAMES } from '../../shared/domain';
import type { ProjectBudgetRow, ProjectRecord, ProjectSource, ProjectTopic } from '../../shared/project';
import { foldForMatch, foldWithMap } from '../../shared/text/normalize';

type SectionId = 'budgetYear' | 'overview' | 'background' | 'purpose' | 'pjCategory' | 'budget' | 'points' | 'achievements';

/** Heading patterns, matched on folded text (NFKC, no white space, lower case) at the start of a line. */
const HEADINGS: readonly { id: SectionId; re: RegExp }[] = [
  { id: 'budgetYear', re: /^令和(\d+|元)年度予算額[:：]?/ },
  { id: 'overview', re: /^事業概要(\(背景・目的\))?/ },
  { id: 'background', re: /^[【[]背景[】\]][:：]?/ },
  { id: 'purpose', re: /^[【[]目的[】\]][:：]?/ },
  { id: 'pjCategory', re: /^pj区分[:：]?/ },
  { id: 'budget', re: /^予算額\(千円\)[:：]?/ },
  { id: 'points', re: /^(?:令和(\d+|元)年度)?概算要求のポイント[:：]?/ },
  { id: 'achievements', re: /^これまでの成果(?:概要)?(?:等)?[:：]?/ },
];

/** Names of the sections as a user knows them, for warnings. */
const SECTION_LABELS: Record<SectionId, string> = {
  budgetYear: '令和N年度予算額',
  overview: '事業概要',
  background: '【背景】',
  purpose: '【目的】',
  pjCategory: 'PJ区分',
  budget: '予算額(千円)',
  points: '概算要求のポイント',
  achievements: 'これまでの成果概要',
};

/** Lines of the hosting site's page around the extracted text (folded prefixes). */
const SITE_LINES: readonly string[] = [
  'よむ、つかう、まなぶ。',
  'ページ画像',
  'ダウンロードした画像を利用する際は',
  '低解像度画像をダウンロード',
  'プレーンテキスト',
  '資料テキストはコンピュータによる自動処理',
  'テキストをコピーしてご利用いただく際は',
];

/**
 * Readable slugs of the projects we know, by folded name. A project not listed gets a slug from a
 * hash of its folded name: still stable across re-ingests and width/spacing variants of the name.
 */
const KNOWN_SLUGS: Record<string, string> = {
  [foldForMatch('医療等情報連携基盤整備・利活用推進事業')]: 'iryou-jouhou-renkei',
};

const BULLET_MARK = /^[○◯〇●・•◆◇■□▪*＊\-－‐]\s*/u;
const DASH_ONLY = /^[-－―‐—−ー]+$/u;
const TOTAL_LABELS = new Set(['計', '合計', '総計', '総額']);

// ---------------------------------------------------------------------------------------------
// Text helpers

/** One line of the extraction without HTML fragments, `**bold**` markers or surplus white space. */
function cleanLine(line: string): string {
  return line
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u3000\u200b\ufeff]+/gu, ' ')
    .trim();
}

/** Drop spaces next to non-ASCII (Japanese) text (令和 7 年度 → 令和7年度, できる。 結果 → できる。結果); keep them between Latin words. */
function squeezeSpaces(text: string): string {
  return text
    .replace(/ +/g, ' ')
    .replace(/ (?=[^ -~])/gu, '')
    .replace(/(?<=[^ -~]) /gu, '')
    .trim();
}

/** Join lines that a PDF wrapped: no separator in Japanese text, a space between two Latin words. */
function joinWrapped(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (!line) continue;
    out += out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(line) ? ` ${line}` : line;
  }
  return squeezeSpaces(out);
}

/** Paragraphs: a bullet mark (○ ・ ● - …) starts one, any other line continues the current one. */
function paragraphs(lines: readonly string[]): string[] {
  const groups: string[][] = [];
  for (const line of lines) {
    const mark = BULLET_MARK.exec(line);
    const body = mark ? line.slice(mark[0].length) : line;
    const last = groups.at(-1);
    if (mark || !last) groups.push([body]);
    else last.push(body);
  }
  return groups.map(joinWrapped).filter((p) => p !== '');
}

/** Match a pattern on the folded line and return the original text after the match, trimmed. */
function restAfter(line: string, re: RegExp): { match: RegExpExecArray; rest: string } | null {
  const { folded, map } = foldWithMap(line);
  const match = re.exec(folded);
  if (!match) return null;
  const end = match.index + match[0].length;
  const rest = end < folded.length ? line.slice(map[end]) : '';
  return { match, rest: rest.trim() };
}

/** The original text of a regex group matched on folded text (with the `d` flag). */
function groupText(line: string, re: RegExp, group: number): string | null {
  const { folded, map } = foldWithMap(line);
  const match = re.exec(folded);
  const span = match?.indices?.[group];
  if (!span) return null;
  const start = map[span[0]] ?? line.length;
  const end = span[1] < folded.length ? (map[span[1]] ?? line.length) : line.length;
  // Source fields keep their single spaces (厚生科学審議会 科学技術部会(第145回 7/16)).
  return line.slice(start, end).replace(/ +/g, ' ').trim();
}

function eraYear(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  if (digits === '元') return 1;
  const n = Number(digits);
  return Number.isInteger(n) ? n : null;
}

/**
 * An amount in thousands of yen: `1,234` `１，２３４` `△500` (minus) `1,234千円`.
 * Returns null for a dash (printed but no figure) and undefined for text that is not an amount.
 */
export function parseAmount(text: string): number | null | undefined {
  const f = foldForMatch(text).replace(/千円$/, '');
  if (f === '') return undefined;
  if (DASH_ONLY.test(f)) return null;
  const m = /^([△▲-]|−)?(\d{1,3}(?:[,，、]\d{3})+|\d+)$/u.exec(f);
  if (!m || m[2] === undefined) return undefined;
  const n = Number(m[2].replace(/[,，、]/g, ''));
  return m[1] ? -n : n;
}

/** 1..8 for a label naming an integrated project (PJ5, データ利活用・ライフコース, データ活用・ライフコース), else null. */
function pjOfLabel(label: string): number | null {
  const f = foldForMatch(label);
  const numbered = /^\(?pj(\d)\)?/.exec(f);
  if (numbered) {
    const n = Number(numbered[1]);
    if (n >= 1 && n <= PROJECT_NAMES.length) return n;
  }
  // データ活用 and データ利活用 are the same heading spelled two ways in these documents.
  const canon = (s: string) => foldForMatch(s).replace(/利活用/g, '活用');
  const bare = canon(label.replace(/^[(（]?\s*PJ\s*\d\s*[)）]?\s*/iu, ''));
  const index = PROJECT_NAMES.findIndex((name) => canon(name) === bare);
  return index >= 0 ? index + 1 : null;
}

function headingOf(line: string): { id: SectionId; rest: string; year: number | null } | null {
  for (const h of HEADINGS) {
    const hit = restAfter(line, h.re);
    if (hit) return { id: h.id, rest: hit.rest, year: eraYear(hit.match[1]) };
  }
  return null;
}

function isSiteLine(line: string): boolean {
  const f = foldForMatch(line);
  return f === '出典' || SITE_LINES.some((s) => f.startsWith(foldForMatch(s)));
}

const DOC_RE = /^【([^】]*)】(.+?)(?:\((\d+)ページ\))?$/d;
const URL_RE = /^公開元url\|([^|]+)\|?$/d;
const ORIGIN_RE = /^出典情報\|([^|]+)\|?$/d;

function isMetaLine(line: string): boolean {
  const f = foldForMatch(line);
  return DOC_RE.test(f) || URL_RE.test(f) || ORIGIN_RE.test(f);
}

/** A line that can be the project name: not site or source text, not a sentence, not too long. */
function isNameLike(line: string): boolean {
  const f = foldForMatch(line);
  return f !== '' && !isSiteLine(line) && !isMetaLine(line) && !/。$/.test(f) && !/^\d+$/.test(f) && f.length <= 80;
}

// ---------------------------------------------------------------------------------------------
// Splitting into copies of the page

interface RawCopy {
  /** Lines before the copy's first heading: site header, source, project name. */
  pre: string[];
  sections: Map<SectionId, string[]>;
  budgetYear: number | null;
  pointsYear: number | null;
  page: number | null;
}

function newCopy(pre: string[] = []): RawCopy {
  return { pre, sections: new Map(), budgetYear: null, pointsYear: null, page: null };
}

/** Whether the budget section ends with a label still waiting for its amount. */
function budgetAwaitsAmount(lines: readonly string[] | undefined): boolean {
  const last = lines?.at(-1);
  return last !== undefined && parseAmount(last) === undefined && splitRowLine(last) === null;
}

function splitCopies(lines: readonly string[]): { copies: RawCopy[]; trailing: string[] } {
  const copies: RawCopy[] = [newCopy()];
  let current = copies[0]!;
  let section: SectionId | null = null;
  let closed = false; // the page number was seen: the next heading starts another copy
  let nextPre: string[] = [];

  for (const line of lines) {
    const heading = headingOf(line);
    if (heading) {
      if (closed || current.sections.has(heading.id)) {
        const pre = closed ? nextPre : takeTrailingName(current, section, copies[0]!);
        current = newCopy(pre);
        copies.push(current);
        closed = false;
        nextPre = [];
      }
      current.sections.set(heading.id, heading.rest ? [heading.rest] : []);
      if (heading.id === 'budgetYear') current.budgetYear = heading.year;
      if (heading.id === 'points') current.pointsYear = heading.year;
      section = heading.id;
      continue;
    }
    const f = foldForMatch(line);
    const isNumber = /^\d{1,4}$/.test(f);
    if (isNumber && !closed && section !== null && !(section === 'budget' && budgetAwaitsAmount(current.sections.get('budget')))) {
      current.page = Number(f);
      closed = true;
      section = null;
      continue;
    }
    if (closed) nextPre.push(line);
    else if (section === null) current.pre.push(line);
    else current.sections.get(section)!.push(line);
  }
  return { copies, trailing: nextPre };
}

/**
 * When a page repeats without a page number between the copies, the second copy's name line ends up
 * at the end of the first copy's last section: give it back if it equals the first copy's name.
 */
function takeTrailingName(copy: RawCopy, section: SectionId | null, first: RawCopy): string[] {
  const name = findName(first.pre);
  const lines = section ? copy.sections.get(section) : undefined;
  const last = lines?.at(-1);
  if (name && last !== undefined && foldForMatch(last) === foldForMatch(name)) {
    lines!.pop();
    return [last];
  }
  return [];
}

function findName(pre: readonly string[]): string | null {
  for (let i = pre.length - 1; i >= 0; i--) {
    const line = pre[i]!;
    if (isNameLike(line)) return squeezeSpaces(line);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Parsing one copy

interface ParsedCopy {
  name: string | null;
  budgetFiscalYear: string | null;
  background?: string;
  purpose?: string;
  pjCategory?: string;
  budget?: ProjectBudgetRow[];
  topics?: ProjectTopic[];
  achievements?: string[];
  pointsYear: number | null;
  page: number | null;
  warnings: string[];
}

/** `医薬品 1,234` on one line: the label and the amount text, or null. */
function splitRowLine(line: string): { label: string; amount: string } | null {
  const m = /^(.*\S)[\s:：]+([△▲\-−－―]?[0-9０-９][0-9０-９,，]*(?:千円)?|[-－―‐—−]+)$/u.exec(line);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  if (parseAmount(m[1]) !== undefined) return null; // two numbers: not a label
  return { label: m[1].trim(), amount: m[2] };
}

function parseBudget(lines: readonly string[], warnings: string[]): ProjectBudgetRow[] {
  const rows: ProjectBudgetRow[] = [];
  let pending: string | null = null;
  const push = (label: string, amountText: string | null) => {
    const amount = amountText === null ? null : (parseAmount(amountText) ?? null);
    const clean = squeezeSpaces(label);
    const isTotal = TOTAL_LABELS.has(foldForMatch(clean));
    const pj = isTotal ? null : pjOfLabel(clean);
    if (!isTotal && pj === null) warnings.push(`予算額の行「${clean}」がどの統合プロジェクトか分からない`);
    if (amountText === null) warnings.push(`予算額の行「${clean}」に金額がない`);
    else if (amount === null) warnings.push(`予算額の行「${clean}」の金額が「${amountText}」のため数値にしなかった`);
    rows.push({ pj, label: clean, amountThousandYen: amount });
  };
  for (const line of lines) {
    const amount = parseAmount(line);
    if (amount !== undefined) {
      if (pending === null) warnings.push(`予算額の表に項目名のない金額「${line}」がある`);
      else push(pending, line);
      pending = null;
      continue;
    }
    const row = splitRowLine(line);
    if (pending !== null) push(pending, null);
    pending = null;
    if (row) push(row.label, row.amount);
    else pending = line;
  }
  if (pending !== null) push(pending, null);
  return rows;
}

const TOPIC_TAG = /^【([^】]*)】/;
const TOPIC_FIELDS: Record<string, keyof ProjectTopic> = { 課題名: 'title', 概要: 'summary', 成果の活用: 'outcome' };
const TOPIC_LABELS: Record<keyof ProjectTopic, string> = { title: '【課題名】', summary: '【概要】', outcome: '【成果の活用】' };

function parseTopics(lines: readonly string[], warnings: string[]): ProjectTopic[] {
  const topics: Record<keyof ProjectTopic, string[]>[] = [];
  let field: keyof ProjectTopic | null = null;
  const start = () => {
    const t = { title: [], summary: [], outcome: [] };
    topics.push(t);
    return t;
  };
  for (const line of lines) {
    const tag = restAfter(line, TOPIC_TAG);
    const name = tag ? tag.match[1]! : null;
    const known = name !== null ? TOPIC_FIELDS[name] : undefined;
    if (tag && known) {
      let topic = topics.at(-1);
      if (known === 'title' || !topic) {
        if (known !== 'title') warnings.push(`${TOPIC_LABELS[known]}の前に【課題名】がない`);
        topic = start();
      } else if (topic[known].length > 0) {
        warnings.push(`1つの課題に${TOPIC_LABELS[known]}が2回ある(続けてつないだ)`);
      }
      topic[known].push(tag.rest);
      field = known;
      continue;
    }
    if (tag) warnings.push(`概算要求のポイントに見慣れない見出し「【${name}】」がある(直前の項目に続けた)`);
    const topic = topics.at(-1);
    if (!topic || field === null) {
      warnings.push(`概算要求のポイントの【課題名】より前の行を読み飛ばした: ${line}`);
      continue;
    }
    topic[field].push(line);
  }
  return topics.map((t, i) => {
    const topic: ProjectTopic = { title: joinWrapped(t.title), summary: joinWrapped(t.summary), outcome: joinWrapped(t.outcome) };
    for (const key of ['title', 'summary', 'outcome'] as const) {
      if (!topic[key]) warnings.push(`概算要求のポイントの${i + 1}つ目の課題に${TOPIC_LABELS[key]}がない`);
    }
    return topic;
  });
}

function eraText(year: number | null): string | null {
  return year === null ? null : `令和${year}年度`;
}

function parseCopy(raw: RawCopy): ParsedCopy {
  const warnings: string[] = [];
  const text = (id: SectionId): string | undefined => {
    const lines = raw.sections.get(id);
    if (!lines) return undefined;
    const value = paragraphs(lines).join('\n');
    if (!value) warnings.push(`「${SECTION_LABELS[id]}」の見出しはあるが中身がない`);
    return value;
  };
  const out: ParsedCopy = {
    name: findName(raw.pre),
    budgetFiscalYear: eraText(raw.budgetYear),
    pointsYear: raw.pointsYear,
    page: raw.page,
    warnings,
  };
  out.background = text('background');
  out.purpose = text('purpose');
  const pj = raw.sections.get('pjCategory');
  if (pj) {
    out.pjCategory = joinWrapped(pj);
    if (!out.pjCategory) warnings.push('「PJ区分」の見出しはあるが中身がない');
  }
  const budgetLines = raw.sections.get('budget');
  if (budgetLines) out.budget = parseBudget(budgetLines, warnings);
  const yearLines = raw.sections.get('budgetYear');
  if (yearLines?.length) {
    // An amount printed with the 令和N年度予算額 heading itself: the total, if the table has none.
    const amountText = joinWrapped(yearLines);
    const amount = parseAmount(amountText);
    const total = out.budget?.find((r) => r.pj === null && TOTAL_LABELS.has(foldForMatch(r.label)));
    if (amount === undefined) warnings.push(`「${SECTION_LABELS.budgetYear}」の後の「${amountText}」を金額として読めない`);
    else if (!total) (out.budget ??= []).push({ pj: null, label: '計', amountThousandYen: amount });
    else if (total.amountThousandYen !== amount) {
      warnings.push(`予算額の見出しの金額(${amount})と表の計(${total.amountThousandYen ?? '－'})が合わない`);
    }
  }
  const pointLines = raw.sections.get('points');
  if (pointLines) out.topics = parseTopics(pointLines, warnings);
  const achievementLines = raw.sections.get('achievements');
  if (achievementLines) out.achievements = paragraphs(achievementLines);
  for (const line of raw.pre) {
    if (!isSiteLine(line) && !isMetaLine(line) && line !== out.name && foldForMatch(line) !== foldForMatch(out.name ?? '')) {
      warnings.push(`見出しの前の行を読み飛ばした: ${line}`);
    }
  }
  if (out.budget) checkBudget(out.budget, warnings);
  return out;
}

function checkBudget(rows: readonly ProjectBudgetRow[], warnings: string[]): void {
  const missing = PROJECT_NAMES.map((_, i) => i + 1).filter((n) => !rows.some((r) => r.pj === n));
  if (missing.length > 0) warnings.push(`予算額の表に ${missing.map((n) => `PJ${n}`).join('、')} の行がない`);
  const total = rows.find((r) => r.pj === null && TOTAL_LABELS.has(foldForMatch(r.label)));
  const parts = rows.filter((r) => r.pj !== null);
  if (total?.amountThousandYen != null && parts.every((r) => r.amountThousandYen !== null)) {
    const sum = parts.reduce((s, r) => s + (r.amountThousandYen ?? 0), 0);
    if (sum !== total.amountThousandYen) warnings.push(`予算額の内訳の合計(${sum})が計(${total.amountThousandYen})と合わない`);
  }
}

function parseSource(pre: readonly string[]): ProjectSource {
  const source: ProjectSource = { document: null, documentLabel: null, url: null, origin: null, printedPage: null, sitePage: null };
  for (const line of pre) {
    const f = foldForMatch(line);
    if (DOC_RE.test(f) && source.document === null) {
      source.documentLabel = groupText(line, DOC_RE, 1);
      source.document = groupText(line, DOC_RE, 2);
      const page = DOC_RE.exec(f)?.[3];
      source.sitePage = page === undefined ? null : Number(page);
    } else if (URL_RE.test(f) && source.url === null) {
      source.url = groupText(line, URL_RE, 1);
    } else if (ORIGIN_RE.test(f) && source.origin === null) {
      source.origin = groupText(line, ORIGIN_RE, 1);
    }
  }
  return source;
}

// ---------------------------------------------------------------------------------------------
// Merging copies

/** FNV-1a, 32 bits, as 8 hex digits: a short stable id for a name we have no slug for. */
function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function ordinal(i: number): string {
  return `${i + 1}つ目`;
}

type MergeField = 'name' | 'background' | 'purpose' | 'pjCategory' | 'budgetFiscalYear' | 'budget' | 'topics' | 'achievements';

const MERGE_LABELS: Record<MergeField, string> = {
  name: '事業名',
  background: '【背景】',
  purpose: '【目的】',
  pjCategory: 'PJ区分',
  budgetFiscalYear: '令和N年度予算額',
  budget: '予算額(千円)',
  topics: '概算要求のポイント',
  achievements: 'これまでの成果概要',
};

/**
 * The value of one field over all copies: the most complete one (the longest folded text), with a
 * note when a copy lacks the field or copies disagree. `undefined` when no copy has it.
 */
function mergeField<T>(
  copies: readonly ParsedCopy[],
  field: MergeField,
  get: (c: ParsedCopy) => T | null | undefined,
  notes: string[],
): T | undefined {
  const values = copies.map(get);
  const present = values.flatMap((v, i) => (v === undefined || v === null ? [] : [{ i, v, f: foldForMatch(JSON.stringify(v)) }]));
  if (present.length === 0) return undefined;
  if (copies.length > 1) {
    const absent = values.flatMap((v, i) => (v === undefined || v === null ? [ordinal(i)] : []));
    if (absent.length > 0) notes.push(`${absent.join('・')}の写しには「${MERGE_LABELS[field]}」がない`);
  }
  let best = present[0]!;
  for (const p of present) if (p.f.length > best.f.length) best = p;
  if (present.some((p) => p.f !== best.f)) {
    notes.push(`「${MERGE_LABELS[field]}」が写しによって異なるため、最も長い${ordinal(best.i)}の写しを採用した`);
  }
  return best.v;
}

/** Parse one AMED project sheet. Pure and total: odd input gives warnings, never an exception. */
export function parseProject(text: string): ProjectRecord {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(cleanLine)
    .filter((l) => l !== '');
  const { copies: rawCopies, trailing } = splitCopies(lines);
  // A first "copy" with no section at all is just the site header: not a copy of the page.
  const copies = rawCopies.map(parseCopy);
  const pages = rawCopies.filter((c) => c.sections.size > 0).length;

  const notes: string[] = [];
  const warnings: string[] = [];
  const name = mergeField(copies, 'name', (c) => c.name, notes);
  const background = mergeField(copies, 'background', (c) => c.background, notes);
  const purpose = mergeField(copies, 'purpose', (c) => c.purpose, notes);
  const pjCategory = mergeField(copies, 'pjCategory', (c) => c.pjCategory, notes);
  const budgetFiscalYear = mergeField(copies, 'budgetFiscalYear', (c) => c.budgetFiscalYear, notes);
  const budget = mergeField(copies, 'budget', (c) => c.budget, notes);
  const topics = mergeField(copies, 'topics', (c) => c.topics, notes);
  const achievements = mergeField(copies, 'achievements', (c) => c.achievements, notes);
  if (pages > 1) {
    warnings.push(`同じページが${pages}回抽出されていたため1件に統合した${notes.length === 0 ? '(内容は同一)' : ''}`);
  }
  warnings.push(...notes);

  const missing: [MergeField, unknown][] = [
    ['name', name],
    ['background', background],
    ['purpose', purpose],
    ['pjCategory', pjCategory],
    ['budget', budget],
    ['topics', topics],
    ['achievements', achievements],
  ];
  for (const [field, value] of missing) {
    if (value === undefined) warnings.push(`「${MERGE_LABELS[field]}」が見つからない`);
  }

  const source = parseSource(rawCopies.flatMap((c) => c.pre));
  const printed = [...new Set(copies.flatMap((c) => (c.page === null ? [] : [c.page])))];
  source.printedPage = printed[0] ?? null;
  if (printed.length > 1) warnings.push(`写しによってページ番号が異なる(${printed.join('、')})`);

  // The plan's fiscal year: from the document title, else from 令和N年度概算要求のポイント.
  const titleYear = source.document ? eraYear(/令和(\d+|元)年度/.exec(foldForMatch(source.document))?.[1]) : null;
  const pointsYear = copies.find((c) => c.pointsYear !== null)?.pointsYear ?? null;
  const year = titleYear ?? pointsYear;
  if (year === null) warnings.push('年度が分からない(資料名にも概算要求のポイントにも令和N年度がない)');
  else if (titleYear !== null && pointsYear !== null && titleYear !== pointsYear) {
    warnings.push(`資料名の年度(令和${titleYear}年度)と概算要求の年度(令和${pointsYear}年度)が異なる(資料名を採用)`);
  }

  for (const line of trailing) if (!isSiteLine(line)) warnings.push(`ページ番号の後の行を読み飛ばした: ${line}`);
  for (const w of copies.flatMap((c) => c.warnings)) if (!warnings.includes(w)) warnings.push(w);

  const folded = foldForMatch(name ?? '');
  const slug =
    KNOWN_SLUGS[folded] ?? (folded ? `p${hash32(folded)}` : `unnamed-${hash32(foldForMatch(`${background ?? ''}${purpose ?? ''}`))}`);
  return {
    key: year === null ? `amed-${slug}` : `amed-r${year}-${slug}`,
    name: name ?? '',
    fiscalYear: eraText(year) ?? '',
    background: background ?? '',
    purpose: purpose ?? '',
    pjCategory: pjCategory ?? '',
    budgetFiscalYear: budgetFiscalYear ?? null,
    budget: budget ?? [],
    topics: topics ?? [],
    achievements: achievements ?? [],
    source,
    warnings,
  };
}
