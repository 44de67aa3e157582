// Reading the tags the source document writes inside its text: ministry lists in 【】, integrated
// project references such as (PJ1), and circled item numbers (①…⑳). Pure functions, shared by the
// importer, the store and the UI.
import { MINISTRY_CODES, type MinistryCode } from '../domain';

/** ◎ marks the lead ministry (主担当) of a list. */
const LEAD_MARK = '◎';

/**
 * Codes as they may be written, longest first so `科技` and `AMED` win over any single character. The
 * single-character codes never start a longer one, so a run without separators (`文厚AMED`) splits
 * unambiguously.
 */
const WRITTEN_CODES: readonly MinistryCode[] = [...MINISTRY_CODES].sort((a, b) => b.length - a.length);

/** Separators seen between codes: 中黒, 読点, commas, slashes and white space of any width. */
const CODE_SEPARATOR = /[・･、，,/／\s\u3000]/u;

function inCodeOrder(codes: Iterable<MinistryCode>): MinistryCode[] {
  const set = new Set(codes);
  return MINISTRY_CODES.filter((c) => set.has(c));
}

/**
 * The ministries named by the inside of a 【…】, or null when the bracket is not a ministry list
 * (a column header such as 担当府省・AMED, a sub-heading such as 取組の例, 再掲, or anything with a
 * token that is not a known code): a bracket is only trusted as a list when every character of it
 * reads as a code, a separator or ◎.
 */
export function parseMinistryList(inner: string): { ministries: MinistryCode[]; lead: MinistryCode[] } | null {
  // NFKC folds full-width letters (ＡＭＥＤ) and the half-width 中黒; upper case accepts `amed`.
  const text = inner.normalize('NFKC').replace(/[a-z]+/g, (s) => s.toUpperCase());
  const ministries: MinistryCode[] = [];
  const lead: MinistryCode[] = [];
  let pendingLead = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (CODE_SEPARATOR.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === LEAD_MARK) {
      pendingLead = true;
      i += 1;
      continue;
    }
    const code = WRITTEN_CODES.find((c) => text.startsWith(c, i));
    if (!code) return null;
    ministries.push(code);
    if (pendingLead) lead.push(code);
    pendingLead = false;
    i += code.length;
  }
  // A dangling ◎ or an empty bracket is not a list anyone wrote on purpose.
  if (ministries.length === 0 || pendingLead) return null;
  return { ministries: inCodeOrder(ministries), lead: inCodeOrder(lead) };
}

/** Every 【…】 in a text, with the inside and where it sits. */
export function findBrackets(text: string): { inner: string; start: number; end: number }[] {
  const found: { inner: string; start: number; end: number }[] = [];
  if (!text.includes('【')) return found; // most bullets: no scan at all
  for (const m of text.matchAll(/【([^【】]*)】/g)) {
    found.push({ inner: m[1] ?? '', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** Parenthesised groups, full or half width: PJ references only count inside them. */
const PAREN_GROUP = /[(（]([^()（）]*)[)）]/g;
const PJ_REF = /PJ\s*(\d+)/gi;

/**
 * The ministry tags (【文】, 【こ、厚】) and integrated-project references (`(PJ1)`, `（PJ１、PJ３）`) in a
 * bullet's text. Brackets that are not ministry lists (【再掲】, 【取組の例】) are ignored; PJ numbers
 * outside 1..8 are not projects and are dropped.
 */
export function bulletTags(text: string): { ministries: MinistryCode[]; pj: number[] } {
  const pj = new Set<number>();
  for (const group of text.normalize('NFKC').matchAll(PAREN_GROUP)) {
    for (const ref of (group[1] ?? '').matchAll(PJ_REF)) {
      const n = Number(ref[1]);
      if (n >= 1 && n <= 8) pj.add(n);
    }
  }
  return { ministries: bulletMinistries(text), pj: [...pj].sort((a, b) => a - b) };
}

/** The ministries of bulletTags alone: what linking and the follow-up counts need, without the PJ scan. */
export function bulletMinistries(text: string): MinistryCode[] {
  const ministries = new Set<MinistryCode>();
  for (const { inner } of findBrackets(text)) {
    for (const code of parseMinistryList(inner)?.ministries ?? []) ministries.add(code);
  }
  return inCodeOrder(ministries);
}

/**
 * Circled numbers live in three Unicode runs: ①..⑳ (1-20), ㉑..㉟ (21-35) and ㊱..㊿ (36-50). The
 * source only uses the first, but a longer section must not break the importer.
 */
const CIRCLED_RUNS: readonly { first: number; from: number; to: number }[] = [
  { first: 0x2460, from: 1, to: 20 },
  { first: 0x3251, from: 21, to: 35 },
  { first: 0x32b1, from: 36, to: 50 },
];

/** `⑩` → 10; null for anything that is not exactly one circled number (surrounding spaces allowed). */
export function circledNumber(label: string): number | null {
  const trimmed = label.trim();
  const cp = trimmed.codePointAt(0);
  if (cp === undefined || String.fromCodePoint(cp).length !== trimmed.length) return null;
  for (const run of CIRCLED_RUNS) {
    const n = run.from + (cp - run.first);
    if (n >= run.from && n <= run.to) return n;
  }
  return null;
}

/** 10 → `⑩`; null outside 1..50, which have no circled form. */
export function toCircled(n: number): string | null {
  if (!Number.isInteger(n)) return null;
  const run = CIRCLED_RUNS.find((r) => n >= r.from && n <= r.to);
  return run ? String.fromCodePoint(run.first + n - run.from) : null;
}

/** Matches one circled number at the start of a string, for splitting labels off text. */
export const LEADING_CIRCLED = /^([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])/u;
