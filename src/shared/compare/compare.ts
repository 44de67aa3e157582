// actions against future directions, for one item: which action each direction follows up, what
// kind of direction it is, the dates it commits to, and what is left unmatched on either side.

import type { Bullet } from '../domain';
import { extractDates, type PlanDate } from './dates';
import { classifyFuture, noCue, type FutureLabel, type LabelReason } from './labels';
import { LINK_THRESHOLD, linkScores, pickLinks } from './similarity';

export interface FollowUp {
  /** Index into the item's action bullets. */
  actions: number;
  /** Link score in [0, 1] (see similarity.ts). */
  score: number;
}

export interface FutureAnalysis {
  /** Index into the item's future bullets. */
  index: number;
  label: FutureLabel;
  /** The rule that decided the label (see labels.ts) and the words it matched. */
  reason: LabelReason;
  cue: string | null;
  /** For `delegated`: the body named (新産業協議会). */
  delegatedTo: string | null;
  /** The actions this direction follows up, best first. Empty for boilerplate. */
  links: FollowUp[];
  /** Every date in the bullet; `reference: false` ones are the commitments. */
  dates: PlanDate[];
}

export interface ActionsAnalysis {
  index: number;
  /** Future bullets that link to this action. */
  followedBy: number[];
  dates: PlanDate[];
}

export interface Comparison {
  future: FutureAnalysis[];
  actions: ActionsAnalysis[];
  /**
   * actions no future direction follows up. A parent bullet counts as followed when one of its
   * nested bullets is. Boilerplate futures ("continue steadily") follow up nothing in particular, so
   * an item whose only future is boilerplate lists all its action bullets here; see `boilerplateOnly`.
   */
  unmatchedActions: number[];
  /**
   * Future directions with no action behind them. Boilerplate bullets are left out (they say
   * nothing to match), and so is a parent whose nested bullets are matched (引き続き、以下の事業を…).
   */
  unmatchedFuture: number[];
  /** Every future bullet is boilerplate (see isBoilerplateOnly). */
  boilerplateOnly: boolean;
}

export interface CompareOptions {
  /** Minimum link score; defaults to LINK_THRESHOLD. */
  threshold?: number;
  /**
   * Read the dates of the action bullets (default true). The follow-up across editions needs only the
   * future bullets' dates, and reading dates is a good part of the cost over a whole plan.
   */
  actionDates?: boolean;
}

/** Reasons that come from the words of a bullet (a nested bullet may inherit them). */
const CUE_REASONS: ReadonlySet<LabelReason> = new Set(['start', 'continue', 'plan', 'parent']);

/** The bullet a nested bullet sits under: the nearest earlier bullet with a smaller level. */
function parentOf(bullets: readonly Bullet[], index: number): number | null {
  const level = bullets[index]!.level;
  for (let j = index - 1; j >= 0; j--) if (bullets[j]!.level < level) return j;
  return null;
}

/** For each bullet, the indices of the bullets nested under it (deeper level, until the level returns). */
function descendants(bullets: readonly Bullet[]): number[][] {
  return bullets.map((b, i) => {
    const out: number[] = [];
    for (let j = i + 1; j < bullets.length && bullets[j]!.level > b.level; j++) out.push(j);
    return out;
  });
}

export function compareItem(actions: readonly Bullet[], future: readonly Bullet[], options: CompareOptions = {}): Comparison {
  const threshold = options.threshold ?? LINK_THRESHOLD;
  const scores = linkScores(
    actions.map((b) => b.text),
    future.map((b) => b.text),
  );

  const futureOut: FutureAnalysis[] = [];
  future.forEach((bullet, index) => {
    const dates = extractDates(bullet.text);
    // Boilerplate follows up nothing in particular: no links, whatever words it shares.
    const unlinked = classifyFuture(bullet.text, false, dates);
    const links = unlinked.label === 'boilerplate' ? [] : pickLinks(scores[index] ?? [], threshold);
    // Read as unlinked, no rule decided: linked, it is what the no-cue rule says for a linked bullet.
    let decision = unlinked.reason === 'unlinked' && links.length > 0 ? noCue(true) : unlinked;
    // A nested bullet without a cue of its own reads under its parent's (引き続き、以下の事業を…).
    const parent = parentOf(future, index);
    const parentOut = parent === null ? undefined : futureOut[parent];
    if ((decision.reason === 'linked' || decision.reason === 'unlinked') && parentOut && CUE_REASONS.has(parentOut.reason)) {
      decision = { label: parentOut.label, reason: 'parent', cue: parentOut.cue, delegatedTo: null };
    }
    futureOut.push({
      index,
      label: decision.label,
      reason: decision.reason,
      cue: decision.cue,
      delegatedTo: decision.delegatedTo,
      links,
      dates,
    });
  });

  const actionsOut: ActionsAnalysis[] = actions.map((bullet, index) => ({
    index,
    followedBy: futureOut.filter((f) => f.links.some((l) => l.actions === index)).map((f) => f.index),
    dates: options.actionDates === false ? [] : extractDates(bullet.text),
  }));

  const actionChildren = descendants(actions);
  const unmatchedActions = actionsOut
    .filter((r) => r.followedBy.length === 0 && !actionChildren[r.index]!.some((c) => actionsOut[c]!.followedBy.length > 0))
    .map((r) => r.index);

  const futureChildren = descendants(future);
  const unmatchedFuture = futureOut
    .filter((f) => f.label !== 'boilerplate' && f.links.length === 0)
    .filter((f) => !futureChildren[f.index]!.some((c) => futureOut[c]!.links.length > 0))
    .map((f) => f.index);

  return {
    future: futureOut,
    actions: actionsOut,
    unmatchedActions,
    unmatchedFuture,
    boilerplateOnly: allBoilerplate(futureOut, false),
  };
}

function allBoilerplate(decisions: readonly { label: FutureLabel; reason: LabelReason }[], countDelegated: boolean): boolean {
  const said = decisions.filter((d) => d.reason !== 'empty');
  return said.length > 0 && said.every((d) => d.label === 'boilerplate' || (countDelegated && d.label === 'delegated'));
}

/**
 * True when an item's future directions say nothing beyond "continue steadily": at least one bullet
 * with text, and every such bullet boilerplate (empty bullets are ignored). With `countDelegated`,
 * bullets that only hand the work to another body (新産業協議会で実施) count as saying nothing new
 * too. No bullets at all is false: a missing answer is a different problem from a boilerplate one.
 */
export function isBoilerplateOnly(future: readonly Bullet[], options: { countDelegated?: boolean } = {}): boolean {
  return allBoilerplate(
    future.map((b) => classifyFuture(b.text, false)),
    options.countDelegated === true,
  );
}
