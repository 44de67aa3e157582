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

/**
 * Items by the values a filter can ask for (ministry, lead, section, quality label, future kind,
 * commitment year, annotation status): a superset of what each filter matches, so counting can look
 * at the shortest list instead of the whole plan. It never decides a count; matchesItemFilter does.
 */
function indexItems(items: readonly ItemSummary[], facets: FacetsByKey): Map<string, ItemSummary[]> {
  const index = new Map<string, ItemSummary[]>();
  const add = (key: string, it: ItemSummary) => {
    const list = index.get(key);
    if (list) list.push(it);
    else index.set(key, [it]);
  };
  for (const it of items) {
    for (const m of it.ministries) add(`ministry:${m}`, it);
    for (const m of it.lead) add(`lead:${m}`, it);
    add(`section:${it.major}`, it);
    add(`section:${it.major}-${it.middle}`, it);
    if (it.area !== null) add(`section:${it.major}-${it.middle}-${it.area}`, it);
    const x = facets[it.key];
    if (!x) continue;
    for (const l of x.quality) add(`quality:${l.id}`, it);
    for (const k of x.futureLabels) add(`future:${k}`, it);
    for (const y of x.commitmentYears) add(`year:${y}`, it);
    for (const a of new Set(x.annotations.map((n) => n.status))) add(`note:${a}`, it);
    if (x.boilerplateOnly) add('boilerplate', it);
    if (x.uncheckedWarnings.length > 0) add('unchecked', it);
  }
  return index;
}

function poolFor(index: Map<string, ItemSummary[]>, items: readonly ItemSummary[], f: ItemFilter): readonly ItemSummary[] {
  const keys: string[] = [];
  if (f.ministry) keys.push(`${f.lead ? 'lead' : 'ministry'}:${f.ministry}`);
  if (f.section != null) keys.push(`section:${f.section}`);
  if (f.quality != null) keys.push(`quality:${f.quality}`);
  if (f.futureLabel != null) keys.push(`future:${f.futureLabel}`);
  if (f.commitmentYear != null) keys.push(`year:${f.commitmentYear}`);
  if (f.annotationStatus != null) keys.push(`note:${f.annotationStatus}`);
  if (f.boilerplateOnly === true) keys.push('boilerplate');
  if (f.uncheckedWarnings === true) keys.push('unchecked');
  let pool: readonly ItemSummary[] = items;
  for (const k of keys) {
    const list = index.get(k) ?? [];
    if (list.length < pool.length) pool = list;
  }
  return pool;
}

export function computeDashboard(input: {
  items: readonly ItemSummary[];
  facets: FacetsByKey;
  sections: readonly Section[];
  round: readonly RoundRow[];
  fiscalYear: number | null;
}): DashboardFigures {
  const { items, facets, sections } = input;
  const index = indexItems(items, facets);
  // Each figure counts with the list's own rule; the index only narrows which items it looks at.
  const count = (label: string, filter: ItemFilter): Figure => ({
    label,
    filter,
    count: poolFor(index, items, filter).reduce((n, it) => (matchesItemFilter(it, filter, facets[it.key]) ? n + 1 : n), 0),
  });
  const ministries = MINISTRY_CODES.filter((m) => items.some((it) => it.ministries.includes(m)));
  const ministryName = (m: MinistryCode) => `${m}(${MINISTRY_NAMES[m]})`;

  const byMinistry = ministries.map((ministry) => ({
    label: ministryName(ministry),
    cells: [count('担当', { ministry }), count('主担当(◎)', { ministry, lead: true })],
  }));

  const inLevel = (level: Section['level']) => sections.filter((s) => s.level === level);
  const sectionFigures = (level: Section['level']) => inLevel(level).map((s) => count(sectionHeading(s), { section: s.id }));

  const kindCells = (base: ItemFilter) => KINDS.map((k) => count(FUTURE_LABEL_NAMES[k], { ...base, futureLabel: k }));
  const labelSections = sections.filter((s) => s.level !== 'area');

  const years = [...new Set(items.flatMap((it) => facets[it.key]?.commitmentYears ?? []))].sort((a, b) =>
    a === 'relative' ? 1 : b === 'relative' ? -1 : Number(a) - Number(b),
  );
  const yearCells = (base: ItemFilter) => years.map((y) => count(commitmentYearLabel(y), { ...base, commitmentYear: y }));

  const allNotes = items.flatMap((it) => facets[it.key]?.annotations ?? []);
  const noteCells = (base: ItemFilter) =>
    (['open', 'resolved'] as const).map((status) => count(STATUS_NAMES[status], { ...base, annotationStatus: status }));
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
