// Filters by ministry (any, or lead only), disease area and PJ; combinable; the active ones shown as
// removable chips (the outline section too).
import { useMemo } from 'react';
import { PROJECT_NAMES, isMinistryCode } from '../../../../shared/domain';
import { QUALITY_RULES } from '../../../../shared/quality';
import { filterChips } from '../../state/filters';
import { clearFilter, clearFilters, setFilter, useApp } from '../../state/store';
import { MINISTRY_OPTIONS, SelectFilter } from '../common/SelectFilter';

const QUALITY_OPTIONS = QUALITY_RULES.map((r) => ({ value: r.id, label: `${r.group}: ${r.label}` }));
const PJ_OPTIONS = PROJECT_NAMES.map((name, i) => ({ value: String(i + 1), label: `PJ${i + 1} ${name}` }));

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

  return (
    <div className="filter-bar">
      <div className="filters" role="group" aria-label="絞り込み">
        <SelectFilter
          label="府省"
          ariaLabel="府省で絞り込む"
          value={filters.ministry ?? ''}
          onChange={(v) => setFilter('ministry', isMinistryCode(v) ? v : null)}
          options={MINISTRY_OPTIONS}
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
          options={areaOptions}
        />
        <SelectFilter
          label="PJ"
          ariaLabel="統合プロジェクトで絞り込む"
          value={filters.pj === null ? '' : String(filters.pj)}
          onChange={(v) => setFilter('pj', numberOrNull(v))}
          options={PJ_OPTIONS}
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
