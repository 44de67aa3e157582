// Filters by ministry (any, or lead only), disease area and PJ; combinable; the active ones shown as
// removable chips (the outline section too). Each choice shows how many items it would give, and
// the ones that give none are greyed out. The current filters and search can be saved as a view.
import { useMemo } from 'react';
import { MINISTRY_CODES, PROJECT_NAMES, isMinistryCode } from '../../../../shared/domain';
import { QUALITY_RULES } from '../../../../shared/quality';
import { useFacets } from '../../state/facets';
import { countsFor, filterChips, type Filters } from '../../state/filters';
import { useApp } from '../../state/app-state';
import { clearFilter, clearFilters, setFilter } from '../../state/filter-actions';
import { MINISTRY_OPTIONS, SelectFilter, type FilterOption } from '../common/SelectFilter';
import { SaveViewForm } from './SaveViewForm';

const QUALITY_OPTIONS = QUALITY_RULES.map((r) => ({ value: r.id, label: `${r.group}: ${r.label}` }));
const PJ_OPTIONS = PROJECT_NAMES.map((name, i) => ({ value: String(i + 1), label: `PJ${i + 1} ${name}` }));
const PJ_VALUES = PROJECT_NAMES.map((_, i) => i + 1);

/**
 * Each choice labelled with the items it would show (the other filters kept), the count first because a
 * closed drop-down is narrow and cuts the end of a long label; empty ones greyed out.
 */
function withCounts<K extends 'ministry' | 'area' | 'pj'>(
  options: readonly FilterOption[],
  counts: Map<Filters[K], number>,
  valueOf: (o: FilterOption) => Filters[K],
) {
  return options.map((o) => {
    const n = counts.get(valueOf(o)) ?? 0;
    return { value: o.value, label: `${n}件 ${o.label}`, disabled: n === 0 };
  });
}

function numberOrNull(value: string): number | null {
  return value === '' ? null : Number(value);
}

export function FilterBar() {
  const filters = useApp((s) => s.filters);
  const sections = useApp((s) => s.overview?.sections);
  const areaOptions = useMemo(
    () => (sections ?? []).filter((s) => s.level === 'area').map((a) => ({ value: String(a.area), label: `${a.area}) ${a.title}` })),
    [sections],
  );
  const chips = filterChips(filters, sections ?? []);
  const items = useApp((s) => s.items);
  const facets = useFacets((s) => s.facets);
  const ministryOptions = useMemo(
    () =>
      withCounts<'ministry'>(MINISTRY_OPTIONS, countsFor(items, filters, 'ministry', MINISTRY_CODES, facets), (o) =>
        isMinistryCode(o.value) ? o.value : null,
      ),
    [items, filters, facets],
  );
  const areaCounted = useMemo(
    () =>
      withCounts<'area'>(
        areaOptions,
        countsFor(
          items,
          filters,
          'area',
          areaOptions.map((o) => Number(o.value)),
          facets,
        ),
        (o) => Number(o.value),
      ),
    [items, filters, areaOptions, facets],
  );
  const pjOptions = useMemo(
    () => withCounts<'pj'>(PJ_OPTIONS, countsFor(items, filters, 'pj', PJ_VALUES, facets), (o) => Number(o.value)),
    [items, filters, facets],
  );

  return (
    <div className="filter-bar">
      <div className="filters" role="group" aria-label="絞り込み">
        <SelectFilter
          label="府省"
          ariaLabel="府省で絞り込む"
          value={filters.ministry ?? ''}
          onChange={(v) => setFilter('ministry', isMinistryCode(v) ? v : null)}
          options={ministryOptions}
        />
        <label className="field field-check">
          <input type="checkbox" checked={filters.lead} onChange={(e) => setFilter('lead', e.target.checked)} />
          <span>主担当(◎)のみ</span>
        </label>
        <SelectFilter
          label="疾患領域"
          ariaLabel="疾患領域で絞り込む"
          value={filters.area === null ? '' : String(filters.area)}
          onChange={(v) => setFilter('area', numberOrNull(v))}
          options={areaCounted}
        />
        <SelectFilter
          label="PJ"
          ariaLabel="統合プロジェクトで絞り込む"
          value={filters.pj === null ? '' : String(filters.pj)}
          onChange={(v) => setFilter('pj', numberOrNull(v))}
          options={pjOptions}
        />
        <SelectFilter
          label="品質"
          ariaLabel="品質ラベルで絞り込む"
          value={filters.facet?.quality ?? ''}
          onChange={(v) => {
            const rule = QUALITY_RULES.find((r) => r.id === v);
            setFilter('facet', rule ? { quality: rule.id, label: `品質: ${rule.group} ${rule.label}` } : null);
          }}
          options={QUALITY_OPTIONS}
        />
        <SaveViewForm />
      </div>
      {chips.length > 0 && (
        <ul className="chips" aria-label="適用中の条件">
          {chips.map((c) => (
            <li key={c.key} className="chip chip-filter">
              <span>{c.label}</span>
              <button type="button" className="chip-remove" aria-label={`条件「${c.label}」を外す`} onClick={() => clearFilter(c.key)}>
                ×
              </button>
            </li>
          ))}
          {chips.length > 1 && (
            <li>
              <button type="button" className="link-button" onClick={clearFilters}>
                すべて解除
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
