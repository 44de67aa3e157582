// Dates written into actions and future bullets: the real timeline of the plan (令和8年度から…新規公募,
// 令和7年度中に本格稼働, 公布後1年6月以内). Matching runs on folded text (so 令和 7 年度 and 令和７年度
// meet); each date keeps its span and its text as printed in the original.

import { foldForMatch, foldWithMap } from '../text/normalize';

/**
 * How a date is tied to the action, read from the words right after it:
 * - `from`: から, より (令和8年度から公募を開始)
 * - `after`: 以降, 以後 (令和8年度以降に本格実施; inclusive of that year, as in Japanese)
 * - `during`: 中, 内 (令和7年度中に本格稼働, 年度内)
 * - `by`: まで, 末, を目途に (令和7年度を目途に標準仕様を示す)
 * - `within`: 以内, for a period after an event (公布後1年6月以内)
 * - `at`: anything else (令和7年度に設立, 令和7年度は…を実施, 令和7年度の取組)
 */
export type DateQualifier = 'from' | 'after' | 'during' | 'by' | 'within' | 'at';

interface DateBase {
  qualifier: DateQualifier;
  /** The date and its qualifier as printed, e.g. `令和 8 年度以降`. */
  text: string;
  /** Span of `text` in the bullet (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /**
   * True when the date points back rather than commits: a past event (令和6年度に作成した), a cited
   * decision (令和7年2月18日閣議決定), or a year used as an attribute (令和7年度の取組を踏まえ).
   */
  reference: boolean;
}

/** A date on the calendar: an era year (令和, 平成) or a Western year, fiscal (年度) or not. */
export interface CalendarDate extends DateBase {
  kind: 'calendar';
  /** R = 令和, H = 平成, AD = a Western year (2023年度). */
  era: 'R' | 'H' | 'AD';
  /** Year within the era (令和8年度 → 8, 令和元年 → 1, 2023年度 → 2023). */
  year: number;
  /** The Western year: the calendar year, or the year a fiscal year (年度, April–March) begins in. */
  westernYear: number;
  /** 年度 (fiscal year) rather than 年. */
  fiscal: boolean;
  month: number | null;
  day: number | null;
}

/** A deadline counted from an event whose date the text does not give (公布後1年6月以内). */
export interface RelativeDate extends DateBase {
  kind: 'relative';
  /** The event: 公布, 施行, 成立, … */
  anchor: string;
  /** The period in months (1年6月 → 18). */
  months: number;
}

export type PlanDate = CalendarDate | RelativeDate;

const ERA_OFFSET = { R: 2018, H: 1988, AD: 0 } as const;

// On folded text (NFKC, no white space, lower case). `r8年度` is the usual short form of 令和8年度.
const ERA_DATE = /(令和|平成|(?<![a-z])r)(\d{1,2}|元)年(度)?(?:(\d{1,2})月(?:(\d{1,2})日)?)?/gu;
const AD_DATE = /(?<!\d)((?:19|20)\d{2})年(度)?(?:(\d{1,2})月(?:(\d{1,2})日)?)?/gu;
const RELATIVE = /(公布|施行|成立|採択|承認|開始)(?:の日)?(?:後|から)(?:(\d+)年)?(?:(\d+)(?:か|ヶ|ケ|カ|箇|ヵ)?月)?(以内|以降|後|まで)?/gu;
const DATE_DIGIT = /[0-9元]/u;
// A law number such as 平成29年法律第28号 is an identifier, not a date.
const LAW_NUMBER = /^(?:法律|政令|省令|府令|告示|条例)第/u;
const CITED = /^(?:閣議決定|本部決定|決定|改定|改訂)/u;
// A past event: the clause right after the date ends in した / された / れた soon.
const PAST = /^[^、。]{0,10}?(?:した|された|れた)(?![いら])/u;

function qualifierAt(rest: string): { qualifier: DateQualifier; length: number } {
  const rules: [RegExp, DateQualifier][] = [
    [/^(?:中|内)(?:に)?/u, 'during'],
    [/^末(?:まで)?(?:に)?/u, 'by'],
    [/^(?:から|より)/u, 'from'],
    [/^(?:以降|以後)/u, 'after'],
    [/^(?:まで(?:に)?|を?(?:目途|目処|めど)(?:に|として)?)/u, 'by'],
  ];
  for (const [re, qualifier] of rules) {
    const m = re.exec(rest);
    if (m) return { qualifier, length: m[0].length };
  }
  return { qualifier: 'at', length: 0 };
}

function isReference(rest: string, qualifier: DateQualifier): boolean {
  if (CITED.test(rest)) return true;
  if (qualifier === 'at' && /^の/u.test(rest)) return true;
  const afterParticle = rest.replace(/^(?:に|には|は|で|中に|から|より|までに|まで)/u, '');
  return PAST.test(afterParticle);
}

/** Original span of folded [from, to). */
function span(text: string, map: readonly number[], foldedLength: number, from: number, to: number) {
  const start = map[from] ?? text.length;
  const end = to < foldedLength ? (map[to] ?? text.length) : text.length;
  const raw = text.slice(start, end);
  const trimmed = raw.trimEnd();
  return { start, end: start + trimmed.length, text: trimmed };
}

/** Every date in a bullet, in text order. actions and future bullets alike. */
export function extractDates(text: string): PlanDate[] {
  // Every pattern needs a digit or 元 (令和元年): a bullet without one (most) is not mapped or scanned.
  if (!DATE_DIGIT.test(foldForMatch(text))) return [];
  const { folded, map } = foldWithMap(text);
  const found: PlanDate[] = [];
  const taken: [number, number][] = [];

  const calendar = (m: RegExpExecArray, era: 'R' | 'H' | 'AD', yearText: string, fiscal: boolean, month?: string, day?: string) => {
    const after = folded.slice(m.index + m[0].length);
    if (LAW_NUMBER.test(after)) return;
    const year = yearText === '元' ? 1 : Number(yearText);
    const q = qualifierAt(after);
    const to = m.index + m[0].length + q.length;
    const s = span(text, map, folded.length, m.index, to);
    taken.push([m.index, to]);
    found.push({
      kind: 'calendar',
      era,
      year,
      westernYear: ERA_OFFSET[era] + year,
      fiscal,
      month: month === undefined ? null : Number(month),
      day: day === undefined ? null : Number(day),
      qualifier: q.qualifier,
      reference: isReference(after, q.qualifier),
      ...s,
    });
  };

  for (const m of folded.matchAll(ERA_DATE)) {
    const era = m[1] === '平成' ? 'H' : 'R';
    calendar(m, era, m[2]!, m[3] !== undefined, m[4], m[5]);
  }
  for (const m of folded.matchAll(AD_DATE)) {
    if (taken.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
    calendar(m, 'AD', m[1]!, m[2] !== undefined, m[3], m[4]);
  }
  for (const m of folded.matchAll(RELATIVE)) {
    const years = m[2] === undefined ? 0 : Number(m[2]);
    const months = m[3] === undefined ? 0 : Number(m[3]);
    if (years === 0 && months === 0) continue;
    const tail = m[4];
    const qualifier: DateQualifier = tail === '以内' || tail === 'まで' ? 'within' : tail === undefined ? 'at' : 'after';
    found.push({
      kind: 'relative',
      anchor: m[1]!,
      months: years * 12 + months,
      qualifier,
      reference: false,
      ...span(text, map, folded.length, m.index, m.index + m[0].length),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A date the bullet commits to (not a past event or a citation). */
export function isCommitment(date: PlanDate): boolean {
  return !date.reference;
}

/** Short Japanese label for display: 令和8年度から, 2023年度, 公布後18か月以内. */
export function formatPlanDate(date: PlanDate): string {
  const suffix: Record<DateQualifier, string> = { from: 'から', after: '以降', during: '中', by: 'まで', within: '以内', at: '' };
  if (date.kind === 'relative') return `${date.anchor}後${date.months}か月${suffix[date.qualifier]}`;
  const era = date.era === 'R' ? '令和' : date.era === 'H' ? '平成' : '';
  const year = date.era !== 'AD' && date.year === 1 ? '元' : String(date.year);
  const unit = date.fiscal ? '年度' : '年';
  const md = date.month === null ? '' : `${date.month}月${date.day === null ? '' : `${date.day}日`}`;
  return `${era}${year}${unit}${md}${suffix[date.qualifier]}`;
}
