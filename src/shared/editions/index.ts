// Editions: the fiscal year as data, matching a new edition to the previous one, and the follow-up of
// last year's promises. Pure: no Node, no DOM.
export * from './batch';
export * from './edition';
export * from './draft';
export * from './fiscal-year';
export * from './vocabulary';
export { profileItem, type EditionItem } from './item-profile';
export * from './match';
export * from './followup';
