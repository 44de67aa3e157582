// The fiscal year of an edition, as data: a number N meaning 令和N年度 (April of 2018 + N to March of
// the year after). Every label that names a fiscal year comes from here, so 令和7 is one edition among
// many and never a word written into a screen, a sheet or a message.
import { foldFast } from '../text/similarity';

/** 令和N is the Western year 2018 + N (令和1 = 令和元 = 2019). */
const REIWA_OFFSET = 2018;

/** The Western year a fiscal year begins in: 令和8 → 2026. */
export function westernYear(fiscalYear: number): number {
  return fiscalYear + REIWA_OFFSET;
}

/** The 令和 year of a Western (fiscal) year: 2026 → 8. */
export function fiscalYearOfWestern(year: number): number {
  return year - REIWA_OFFSET;
}

/** A fiscal year is a whole 令和 year from 元 (1) on. */
export function isFiscalYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}

/**
 * 令和8 → 「令和8年度」, 令和1 → 「令和元年度」 (the official spelling of the first year). null (nothing
 * loaded yet, so no year is known) → 「当該年度」.
 */
export function fiscalYearLabel(fiscalYear: number | null): string {
  if (fiscalYear === null) return '当該年度';
  return `令和${fiscalYear === 1 ? '元' : String(fiscalYear)}年度`;
}

/** 「令和8年度(2026年度)」: where a reader may count in Western years. */
export function fiscalYearWithWestern(fiscalYear: number): string {
  return `${fiscalYearLabel(fiscalYear)}(${westernYear(fiscalYear)}年度)`;
}

/** The field of the year's actions: 「令和8年度の取組」. */
export function actionsLabel(fiscalYear: number | null): string {
  return `${fiscalYearLabel(fiscalYear)}の取組`;
}

/** The column header of the year's actions as the table prints it: 「各府省・AMEDの令和8年度の取組」. */
export function actionsColumnHeader(fiscalYear: number | null): string {
  return `各府省・AMEDの${actionsLabel(fiscalYear)}`;
}

/** The field of future directions; the same in every edition. */
export const futureLabel = '今後の方向性・課題など';

/** Last year's future directions, shown beside this year's answer as what it answers to. */
export const previousFutureLabel = '前年度に示した今後の方向性';

/** An edition's name: 「令和8年度版」. */
export function editionLabel(fiscalYear: number): string {
  return `${fiscalYearLabel(fiscalYear)}版`;
}

/** The end of a follow-up table's title: 「令和8年度の実施と今後の方向性等」. */
export function followUpTitleTail(fiscalYear: number): string {
  return `${fiscalYearLabel(fiscalYear)}の実施と今後の方向性等`;
}

// ---------------------------------------------------------------------------------------------
// Reading the fiscal year of a follow-up table

export interface FiscalYearDetection {
  /** The table's fiscal year: the title's, else the one its column headers agree on; null if neither says. */
  fiscalYear: number | null;
  /** From the title (「…令和8年度の実施と今後の方向性等」), or null. */
  title: number | null;
  /** Every fiscal year the actions column headers name, in order of first appearance. */
  headers: number[];
  /** A Japanese sentence when the title and the headers (or the headers among themselves) disagree. */
  conflict: string | null;
}

// On folded text (NFKC, no white space, lower case): 令和 ８ 年度 and 令和8年度 read alike.
const YEAR = String.raw`令和(\d{1,2}|元)年度`;
const TITLE = new RegExp(`${YEAR}の実施と今後の方向性`, 'u');
const HEADER = new RegExp(`各府省・amedの${YEAR}の?(?:取組|実施計画)`, 'gu');

function yearOf(text: string): number {
  return text === '元' ? 1 : Number(text);
}

/**
 * The fiscal year a follow-up table is about, from its title and its actions column headers. The
 * title wins when both speak (a header left at last year's number is the usual slip of a revision),
 * and any disagreement is reported so the importer can ask rather than guess.
 */
export function detectFiscalYear(text: string): FiscalYearDetection {
  const folded = foldFast(text);
  const titleMatch = TITLE.exec(folded);
  const title = titleMatch ? yearOf(titleMatch[1]!) : null;
  const headers: number[] = [];
  for (const m of folded.matchAll(HEADER)) {
    const year = yearOf(m[1]!);
    if (!headers.includes(year)) headers.push(year);
  }
  const fiscalYear = title ?? (headers.length === 1 ? headers[0]! : null);
  let conflict: string | null = null;
  if (title !== null && headers.some((h) => h !== title)) {
    const others = headers
      .filter((h) => h !== title)
      .map(fiscalYearLabel)
      .join('・');
    conflict = `表題は${fiscalYearLabel(title)}ですが、取組の列見出しに${others}があります。`;
  } else if (title === null && headers.length > 1) {
    conflict = `表題に年度がなく、取組の列見出しの年度が${headers.map(fiscalYearLabel).join('・')}に分かれています。`;
  }
  return { fiscalYear, title, headers, conflict };
}

/**
 * A fiscal year as a person types it: 8, 令和8, 令和８年度, R8, 令和元年度, or a Western 2026. Null when
 * the text is none of these.
 */
export function parseFiscalYear(input: string): number | null {
  const m = /^(令和|r)?(\d{1,4}|元)(?:年度)?$/u.exec(foldFast(input));
  if (!m) return null;
  const n = yearOf(m[2]!);
  if (n >= 1 && n <= 99) return n;
  return m[1] === undefined && n > REIWA_OFFSET && n < 10_000 ? fiscalYearOfWestern(n) : null;
}
