// Comparison of an item's actions with its future directions. Pure: no Node, no DOM.
export { compareItem, isBoilerplateOnly } from './compare';
export type { Comparison, CompareOptions, FollowUp, FutureAnalysis, ActionsAnalysis } from './compare';
export { extractDates, formatPlanDate, isCommitment } from './dates';
export type { CalendarDate, DateQualifier, PlanDate, RelativeDate } from './dates';
export { classifyFuture, delegatedTo, isBoilerplateText } from './labels';
export type { FutureLabel, LabelDecision, LabelReason } from './labels';
export {
  LINK_THRESHOLD,
  OTHER_MINISTRY_FACTOR,
  RUNNER_UP_RATIO,
  STOP_WORDS,
  contentChunks,
  contentGrams,
  gramSimilarity,
  linkScores,
  pickLinks,
  similarity,
} from './similarity';
