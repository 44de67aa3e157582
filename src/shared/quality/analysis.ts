// What the quality rules and the dashboard read from one item's text: the label of each future
// direction and whether it follows up an action, the dates it commits to, numeric targets and named
// programmes or databases. Pure, and the costly part (compareItem): the main side caches it per item
// version (src/main/store/item-analysis.ts).
import type { Bullet, MinistryCode } from '../domain';
import { compareItem, type FutureLabel, type PlanDate } from '../compare';
import { fiscalYearOfWestern } from '../editions/fiscal-year';

/** A fiscal year (令和N) as a string, or `relative` for a deadline counted from an event (公布後1年以内). */
export type CommitmentYear = string;

export interface Commitment {
  /** The date as printed (令和8年度から). */
  text: string;
  year: CommitmentYear;
  field: 'actions' | 'future';
  ord: number;
  /** Ministries tagged on the bullet (【文】); empty when the bullet names none. */
  ministries: MinistryCode[];
}

export interface ItemAnalysis {
  /** Label of each future bullet, in order. */
  futureLabels: FutureLabel[];
  /** Future bullets that claim to continue something no action shows (not new, not delegated, not boilerplate). */
  untracked: string[];
  boilerplateOnly: boolean;
  commitments: Commitment[];
  /** Numbers with a unit of count (100件, 30機関, 80%). */
  numbers: string[];
  /** Programmes, databases and platforms named (「…」, NDB, バイオバンク…). */
  names: string[];
}

interface TaggedLike extends Bullet {
  ministries?: MinistryCode[];
}

// A count or target: digits, then a unit that counts something. Years (年, 年度) and months are dates, not targets.
const NUMBER = /\d[\d,.]*(?:万|千|百)?(?:件|機関|施設|拠点|か所|箇所|ヶ所|例|症例|人|名|%|倍|種類|品目|課題|社|校|団体|億円|万円|円)/gu;
// Names of programmes, databases and platforms: a short list (the knowledge graph keeps the full dictionary).
const NAMED = new RegExp(
  [
    '「[^」]{2,40}」',
    'ndb',
    'dpc',
    '介護db',
    '次世代db',
    'mid-net',
    '電子カルテ情報共有サービス',
    '全国医療情報プラットフォーム',
    'バイオバンク',
    '全ゲノム解析',
    'レジストリ',
    'データベース',
    'コホート',
    'phr',
    '次世代医療基盤法',
    '[\\p{Script=Katakana}ー]{3,}プログラム',
  ].join('|'),
  'giu',
);

/** NFKC without white space, case kept: the words as evidence a reader recognises. */
function evidenceText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]/gu, '');
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** The fiscal year (令和N) a commitment date falls in, or `relative`. */
export function commitmentYear(date: PlanDate): CommitmentYear {
  if (date.kind === 'relative') return 'relative';
  // A calendar date in January–March belongs to the fiscal year that began the April before.
  const western = !date.fiscal && date.month !== null && date.month < 4 ? date.westernYear - 1 : date.westernYear;
  return String(fiscalYearOfWestern(western));
}

export function analyseItem(actions: readonly TaggedLike[], future: readonly TaggedLike[]): ItemAnalysis {
  const cmp = compareItem(actions, future);
  const commitments: Commitment[] = [];
  const add = (field: 'actions' | 'future', ord: number, dates: readonly PlanDate[], bullet: TaggedLike) => {
    for (const d of dates) {
      if (!d.reference) commitments.push({ text: d.text, year: commitmentYear(d), field, ord, ministries: bullet.ministries ?? [] });
    }
  };
  cmp.actions.forEach((a) => add('actions', a.index, a.dates, actions[a.index]!));
  cmp.future.forEach((f) => add('future', f.index, f.dates, future[f.index]!));
  const unmatched = new Set(cmp.unmatchedFuture);
  const untracked = cmp.future.filter((f) => unmatched.has(f.index) && f.label === 'continuation').map((f) => future[f.index]!.text);
  // Each bullet's evidence text is made once and read for both kinds of evidence.
  const texts = [...actions, ...future].map((b) => evidenceText(b.text));
  return {
    futureLabels: cmp.future.map((f) => f.label),
    untracked,
    boilerplateOnly: cmp.boilerplateOnly,
    commitments,
    numbers: unique(texts.flatMap((t) => t.match(NUMBER) ?? [])),
    names: unique(texts.flatMap((t) => t.match(NAMED) ?? [])),
  };
}
