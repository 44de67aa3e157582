// What the comparison view shows, derived from the shared comparison (src/shared/compare): numbers
// for both sides (取1…, 方1…), which bullets a hovered/focused bullet is linked to, label names, and
// the commitment dates placed on fiscal years.
import { fiscalYearLabel, fiscalYearOfWestern, isFiscalYear } from '../../../../shared/editions/fiscal-year';
import type { Comparison, FutureLabel, PlanDate } from '../../../../shared/compare';
import { formatPlanDate } from '../../../../shared/compare';

export type Side = 'actions' | 'future';

export interface BulletRef {
  side: Side;
  index: number;
}

export const SIDE_PREFIX: Record<Side, string> = { actions: '取', future: '方' };

export function refName(ref: BulletRef): string {
  return `${SIDE_PREFIX[ref.side]}${ref.index + 1}`;
}

export const LABEL_NAMES: Record<FutureLabel, string> = {
  continuation: '継続',
  new: '新規',
  delegated: '他で実施',
  boilerplate: '定型文',
};

export const LABEL_HELP: Record<FutureLabel, string> = {
  continuation: 'その年度の取組を引き続き行う',
  new: '新しく始める・計画している(時期や「新規」「予定」などの記載)',
  delegated: '他の会議体・府省で実施する',
  boilerplate: '「引き続き着実に進める」以外の内容がない',
};

/** The bullets on the other side a bullet is linked to. */
export function linkedTo(c: Comparison, ref: BulletRef): number[] {
  if (ref.side === 'future') return (c.future[ref.index]?.links ?? []).map((l) => l.actions);
  return c.actions[ref.index]?.followedBy ?? [];
}

/** Every link as a pair of indices, for drawing. */
export function allLinks(c: Comparison): { actions: number; future: number; score: number }[] {
  return c.future.flatMap((f) => f.links.map((l) => ({ actions: l.actions, future: f.index, score: l.score })));
}

/** Whether a bullet is the active one or linked to it. */
export function isHighlighted(c: Comparison, active: BulletRef | null, ref: BulletRef): boolean {
  if (!active) return false;
  if (active.side === ref.side) return active.index === ref.index;
  return linkedTo(c, active).includes(ref.index);
}

export function labelCounts(c: Comparison): Record<FutureLabel, number> {
  const counts: Record<FutureLabel, number> = { continuation: 0, new: 0, delegated: 0, boilerplate: 0 };
  for (const f of c.future) counts[f.label] += 1;
  return counts;
}

/** Dates a bullet commits to (not past events or cited decisions). */
export function commitments(dates: readonly PlanDate[]): PlanDate[] {
  return dates.filter((d) => !d.reference);
}

export function dateLabel(d: PlanDate): string {
  return formatPlanDate(d);
}

/** 令和 name of the fiscal year that begins in a Western year. */
export function fiscalYearName(westernYear: number): string {
  const reiwa = fiscalYearOfWestern(westernYear);
  return isFiscalYear(reiwa) ? fiscalYearLabel(reiwa) : `${westernYear}年度`;
}

export interface TimelineMark {
  future: number;
  date: PlanDate;
  /** Grid columns (1-based, end exclusive) the mark covers on the year axis. */
  from: number;
  to: number;
  shape: 'point' | 'forward' | 'until';
}

export interface Timeline {
  years: number[];
  marks: TimelineMark[];
  /** Dates counted from an event (公布後18か月以内): no place on the axis. */
  relative: { future: number; date: PlanDate }[];
}

const MAX_YEARS = 8;

/** `planYear`: the Western fiscal year of the edition shown (2025 for 令和7), where the axis starts. */
export function buildTimeline(c: Comparison, planYear: number): Timeline {
  const dated = c.future.flatMap((f) => commitments(f.dates).map((date) => ({ future: f.index, date })));
  const calendar = dated.filter((d) => d.date.kind === 'calendar');
  const relative = dated.filter((d) => d.date.kind === 'relative');
  if (calendar.length === 0) return { years: [], marks: [], relative };
  const yearOf = (d: PlanDate) => (d.kind === 'calendar' ? d.westernYear : planYear);
  const first = Math.min(planYear, ...calendar.map((d) => yearOf(d.date)));
  const openEnded = calendar.some((d) => d.date.qualifier === 'from' || d.date.qualifier === 'after');
  const last = Math.min(first + MAX_YEARS - 1, Math.max(planYear + 1, ...calendar.map((d) => yearOf(d.date))) + (openEnded ? 1 : 0));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const col = (year: number) => Math.max(1, Math.min(years.length, year - first + 1));
  const marks = calendar.map(({ future, date }): TimelineMark => {
    const at = col(yearOf(date));
    if (date.qualifier === 'from' || date.qualifier === 'after') return { future, date, from: at, to: years.length + 1, shape: 'forward' };
    if (date.qualifier === 'by') return { future, date, from: col(planYear), to: at + 1, shape: 'until' };
    return { future, date, from: at, to: at + 1, shape: 'point' };
  });
  return { years, marks, relative };
}
