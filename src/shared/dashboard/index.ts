// The dashboard (ダッシュボード): figures over the plan, each the count of a list filter. Pure.
export { commitmentYearLabel, computeDashboard, FUTURE_LABEL_KINDS, FUTURE_LABEL_NAMES, sectionHeading } from './figures';
export type { AttentionItem, DashboardFigures, Figure, FigureRow } from './figures';
export type { AnnotationFacet, FacetsByKey, ItemFacets } from './facets';
export type { ItemRound, RoundRow } from './round';
