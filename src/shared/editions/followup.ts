// Follow-up across editions: did last year's future directions (promises) become this year's actions?
// For one item, each promise is linked to the actions that report on it with the same linking as the
// compare view (compare/compare.ts, which links an edition's future bullets to its own actions; here
// the future bullets are last year's and the actions this year's). Then a plan-wide summary per
// ministry and per section.
import { compareItem } from '../compare/compare';
import type { PlanDate } from '../compare/dates';
import type { Bullet } from '../domain';
import { bulletMinistries } from '../text/tags';
import { fiscalYearOfWestern } from './fiscal-year';
import type { PromiseStatus } from './vocabulary';

export interface PromiseFollowUp {
  /** Index into last year's future bullets. */
  index: number;
  text: string;
  status: PromiseStatus;
  /** The fiscal year (令和N as N) the promise falls due: its earliest committed date, or null. */
  due: number | null;
  /** Due in this edition's year or before, and no action reports on it. */
  overdue: boolean;
  /** This year's actions that report on it, best first. */
  actions: { index: number; text: string; score: number }[];
}

/**
 * The fiscal year a date falls in: 令和8年度 is 8; a calendar month of January to March belongs to
 * the fiscal year that began the April before (令和9年3月 → 8). Null for a date counted from an event.
 */
function fiscalYearOf(date: PlanDate): number | null {
  if (date.kind !== 'calendar') return null;
  const early = !date.fiscal && date.month !== null && date.month <= 3;
  return fiscalYearOfWestern(date.westernYear - (early ? 1 : 0));
}

/** The earliest fiscal year a promise commits to (令和8年度中に…, 令和8年度から…), or null. */
export function dueYear(dates: readonly PlanDate[]): number | null {
  const years = dates
    .filter((d) => !d.reference)
    .map(fiscalYearOf)
    .filter((y): y is number => y !== null);
  return years.length === 0 ? null : Math.min(...years);
}

/**
 * Last year's promises of one item against this year's actions. `fiscalYear` is this edition's year
 * (令和N as N): a dated promise due by then that no action reports on is overdue.
 */
export function followUpItem(promises: readonly Bullet[], actions: readonly Bullet[], fiscalYear: number): PromiseFollowUp[] {
  const comparison = compareItem(actions, promises, { actionDates: false });
  const unreported = new Set(comparison.unmatchedFuture);
  return comparison.future.map((f) => {
    const text = promises[f.index]!.text;
    const status: PromiseStatus =
      f.label === 'boilerplate' || f.label === 'delegated' ? 'boilerplate' : unreported.has(f.index) ? 'unreported' : 'reported';
    const due = dueYear(f.dates);
    return {
      index: f.index,
      text,
      status,
      due,
      overdue: status === 'unreported' && due !== null && due <= fiscalYear,
      // A boilerplate or delegated promise commits to nothing an action could report on.
      actions: status === 'boilerplate' ? [] : f.links.map((l) => ({ index: l.actions, text: actions[l.actions]!.text, score: l.score })),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Plan-wide summary

export interface FollowUpCounts {
  promises: number;
  reported: number;
  unreported: number;
  boilerplate: number;
  overdue: number;
}

export interface FollowUpGroup extends FollowUpCounts {
  /** Ministry code, or section id ('1', '1-2', '1-2-3'). */
  id: string;
  /** Keys of the items counted, and of those with an unreported or overdue promise, in input order. */
  items: string[];
  unreportedItems: string[];
  overdueItems: string[];
}

export interface FollowUpSummary {
  total: FollowUpCounts;
  /** In the order ministries are first met. */
  byMinistry: FollowUpGroup[];
  /** Every section an item sits in and the sections above it ('1-2-3' counts in '1' and '1-2' too), in outline order. */
  bySection: FollowUpGroup[];
}

export interface ItemFollowUpInput {
  key: string;
  sectionId: string;
  ministries: readonly { code: string }[];
  promises: readonly PromiseFollowUp[];
}

function emptyCounts(): FollowUpCounts {
  return { promises: 0, reported: 0, unreported: 0, boilerplate: 0, overdue: 0 };
}

function count(into: FollowUpCounts, p: PromiseFollowUp): void {
  into.promises += 1;
  into[p.status] += 1;
  if (p.overdue) into.overdue += 1;
}

class Groups {
  readonly byId = new Map<string, FollowUpGroup>();

  add(id: string, key: string, p: PromiseFollowUp): void {
    let g = this.byId.get(id);
    if (!g) {
      g = { id, ...emptyCounts(), items: [], unreportedItems: [], overdueItems: [] };
      this.byId.set(id, g);
    }
    count(g, p);
    pushOnce(g.items, key);
    if (p.status === 'unreported') pushOnce(g.unreportedItems, key);
    if (p.overdue) pushOnce(g.overdueItems, key);
  }
}

/** Adds an item's key unless it was the last added (an item's promises come one after another). */
function pushOnce(list: string[], key: string): void {
  if (list.at(-1) !== key) list.push(key);
}

/** '1-2-3' → ['1', '1-2', '1-2-3']. */
function sectionPath(sectionId: string): string[] {
  const parts = sectionId.split('-');
  return parts.map((_, i) => parts.slice(0, i + 1).join('-'));
}

function outlineOrder(a: FollowUpGroup, b: FollowUpGroup): number {
  const x = a.id.split('-').map(Number);
  const y = b.id.split('-').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Counts of reported / unreported / boilerplate / overdue promises over the plan, per ministry and
 * per section. A promise counts for the ministries its own tag names (…を推進する【文】), else for
 * every ministry of its item.
 */
export function summarizeFollowUp(items: readonly ItemFollowUpInput[]): FollowUpSummary {
  const total = emptyCounts();
  const ministries = new Groups();
  const sections = new Groups();
  for (const item of items) {
    const own = item.ministries.map((m) => m.code);
    for (const p of item.promises) {
      count(total, p);
      const tagged = bulletMinistries(p.text);
      for (const code of tagged.length > 0 ? tagged : own) ministries.add(code, item.key, p);
      for (const id of sectionPath(item.sectionId)) sections.add(id, item.key, p);
    }
  }
  return { total, byMinistry: [...ministries.byId.values()], bySection: [...sections.byId.values()].sort(outlineOrder) };
}
