// The dashboard's figures: every number is the count of items an ItemFilter matches, and carries that
// filter, so clicking a bar opens exactly the items it counts (the same rule as the list:
// src/shared/item-filter.ts). Pure: the main side passes the items and their facets.
import { STATUS_NAMES } from '../annotations';
import type { FutureLabel } from '../compare';
import { MINISTRY_CODES, MINISTRY_NAMES, type ItemSummary, type MinistryCode, type Section } from '../domain';
import { fiscalYearLabel } from '../editions/fiscal-year';
import { matchesItemFilter, type ItemFilter } from '../item-filter';
import { QUALITY_RULES, type QualityLabel } from '../quality';
import type { FacetsByKey } from './facets';
import type { RoundRow } from './round';

export interface Figure {
  label: string;
  count: number;
  /** The list filter whose items this figure counts. */
  filter: ItemFilter;
}

export interface FigureRow {
  label: string;
  cells: Figure[];
}

export interface AttentionItem {
  key: string;
  title: string;
  labels: QualityLabel[];
}

export interface DashboardFigures {
  fiscalYear: number | null;
  itemCount: number;
  /** Per ministry: items it is named on, and items it leads (◎). */
  byMinistry: FigureRow[];
  bySection: { major: Figure[]; middle: Figure[]; area: Figure[] };
  /** Future-direction kinds per 大/中項目 and per ministry; items whose future is boilerplate only. */
  labels: { kinds: { id: FutureLabel; label: string }[]; bySection: FigureRow[]; byMinistry: FigureRow[]; boilerplateOnly: Figure };
  /** Dated commitments: per ministry (rows) and fiscal year (cells), and the plan as a whole. */
  timeline: { years: { id: string; label: string }[]; total: Figure[]; byMinistry: FigureRow[] };
  round: (RoundRow & { filter: ItemFilter })[];
  annotations: { bySection: FigureRow[]; byTag: FigureRow[]; byAuthor: FigureRow[] };
  quality: { distribution: Figure[]; attention: AttentionItem[] };
  warnings: { unchecked: Figure; items: { key: string; title: string; warnings: string[] }[] };
}

export const FUTURE_LABEL_NAMES: Record<FutureLabel, string> = {
  continuation: '継続',
  new: '新規',
  delegated: '他で実施',
  boilerplate: '定型文',
};
/** The kinds of future direction, in display order (src/shared/compare/labels.ts decides them). */
export const FUTURE_LABEL_KINDS = ['continuation', 'new', 'delegated', 'boilerplate'] as const satisfies readonly FutureLabel[];
const KINDS = FUTURE_LABEL_KINDS;
const ATTENTION_LIMIT = 20;

export function sectionHeading(s: Section): string {
  if (s.level === 'major') return `大項目${s.major} ${s.title}`;
  if (s.level === 'middle') return `中項目${s.major}-${s.middle} ${s.title}`;
  return `${s.area}) ${s.title}`;
}

export function commitmentYearLabel(year: string): string {
  return year === 'relative' ? '公布後など(起点からの期限)' : fiscalYearLabel(Number(year));
}

export function computeDashboard(input: {
  items: readonly ItemSummary[];
  facets: FacetsByKey;
  sections: readonly Section[];
  round: readonly RoundRow[];
  fiscalYear: number | null;
}): DashboardFigures {
  const { items, facets, sections } = input;
  // Each figure counts with the list's own rule, over a pool already narrowed by the row's filter.
  const count = (label: string, filter: ItemFilter, pool: readonly ItemSummary[] = items): Figure => ({
    label,
    filter,
    count: pool.reduce((n, it) => (matchesItemFilter(it, filter, facets[it.key]) ? n + 1 : n), 0),
  });
  const poolOf = (filter: ItemFilter) => items.filter((it) => matchesItemFilter(it, filter, facets[it.key]));
  const ministries = MINISTRY_CODES.filter((m) => items.some((it) => it.ministries.includes(m)));
  const ministryName = (m: MinistryCode) => `${m}(${MINISTRY_NAMES[m]})`;

  const byMinistry = ministries.map((ministry) => ({
    label: ministryName(ministry),
    cells: [count('担当', { ministry }), count('主担当(◎)', { ministry, lead: true })],
  }));

  const inLevel = (level: Section['level']) => sections.filter((s) => s.level === level);
  const sectionFigures = (level: Section['level']) => inLevel(level).map((s) => count(sectionHeading(s), { section: s.id }));

  const kindCells = (base: ItemFilter) => {
    const pool = poolOf(base);
    return KINDS.map((k) => count(FUTURE_LABEL_NAMES[k], { ...base, futureLabel: k }, pool));
  };
  const labelSections = sections.filter((s) => s.level !== 'area');

  const years = [...new Set(items.flatMap((it) => facets[it.key]?.commitmentYears ?? []))].sort((a, b) =>
    a === 'relative' ? 1 : b === 'relative' ? -1 : Number(a) - Number(b),
  );
  const yearCells = (base: ItemFilter) => {
    const pool = poolOf(base);
    return years.map((y) => count(commitmentYearLabel(y), { ...base, commitmentYear: y }, pool));
  };

  const allNotes = items.flatMap((it) => facets[it.key]?.annotations ?? []);
  const noteCells = (base: ItemFilter) => {
    const pool = poolOf(base);
    return (['open', 'resolved'] as const).map((status) => count(STATUS_NAMES[status], { ...base, annotationStatus: status }, pool));
  };
  const tags = [...new Set(allNotes.flatMap((a) => a.tags))].sort();
  const authors = [...new Set(allNotes.map((a) => a.author))].sort();

  const attention = items
    .map((it) => ({ it, labels: facets[it.key]?.quality ?? [] }))
    .map((x) => ({ ...x, score: x.labels.filter((l) => l.tone === 'attention').length }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.it.position - b.it.position)
    .slice(0, ATTENTION_LIMIT)
    .map((x) => ({ key: x.it.key, title: x.it.title, labels: x.labels.filter((l) => l.tone === 'attention') }));

  return {
    fiscalYear: input.fiscalYear,
    itemCount: items.length,
    byMinistry,
    bySection: { major: sectionFigures('major'), middle: sectionFigures('middle'), area: sectionFigures('area') },
    labels: {
      kinds: KINDS.map((id) => ({ id, label: FUTURE_LABEL_NAMES[id] })),
      bySection: labelSections.map((s) => ({ label: sectionHeading(s), cells: kindCells({ section: s.id }) })),
      byMinistry: ministries.map((ministry) => ({ label: ministryName(ministry), cells: kindCells({ ministry }) })),
      boilerplateOnly: count('定型文のみの項目', { boilerplateOnly: true }),
    },
    timeline: {
      years: years.map((id) => ({ id, label: commitmentYearLabel(id) })),
      total: yearCells({}),
      byMinistry: ministries.map((ministry) => ({ label: ministryName(ministry), cells: yearCells({ ministry }) })),
    },
    round: input.round.map((r) => ({ ...r, filter: { ministry: r.ministry } })),
    annotations: {
      bySection: inLevel('major').map((s) => ({ label: sectionHeading(s), cells: noteCells({ section: s.id }) })),
      byTag: tags.map((tag) => ({ label: tag, cells: noteCells({ annotationTag: tag }) })),
      byAuthor: authors.map((author) => ({ label: author, cells: noteCells({ annotationAuthor: author }) })),
    },
    quality: {
      distribution: QUALITY_RULES.map((r) => count(`${r.group}: ${r.label}`, { quality: r.id })),
      attention,
    },
    warnings: {
      unchecked: count('未確認の取込時の注意がある項目', { uncheckedWarnings: true }),
      items: items
        .filter((it) => (facets[it.key]?.uncheckedWarnings.length ?? 0) > 0)
        .map((it) => ({ key: it.key, title: it.title, warnings: facets[it.key]!.uncheckedWarnings })),
    },
  };
}
