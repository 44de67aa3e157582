// Filters by ministry (any, or lead only), disease area and PJ; combinable; the active ones shown as
// removable chips (the outline section too).
import { useMemo } from 'react';
import { MINISTRY_CODES, MINISTRY_NAMES, PROJECT_NAMES, isMinistryCode } from '../../../../shared/domain';
import { filterChips } from '../../state/filters';
import { clearFilter, clearFilters, setFilter, useApp } from '../../state/store';

function numberOrNull(value: string): number | null {
  return value === '' ? null : Number(value);
}

export function FilterBar() {
  const filters = useApp((s) => s.filters);
  const sections = useApp((s) => s.overview?.sections);
  const areas = useMemo(() => (sections ?? []).filter((s) => s.level === 'area'), [sections]);
  const chips = filterChips(filters, sections ?? []);

  return (
    <div className="filter-bar">
      <div className="filters" role="group" aria-label="絞り込み">
        <label className="field">
          <span className="field-label">府省</span>
          <select
            value={filters.ministry ?? ''}
            onChange={(e) => setFilter('ministry', isMinistryCode(e.target.value) ? e.target.value : null)}
            aria-label="府省で絞り込む"
          >
            <option value="">すべて</option>
            {MINISTRY_CODES.map((m) => (
              <option key={m} value={m}>
                {m}({MINISTRY_NAMES[m]})
              </option>
            ))}
          </select>
        </label>
        <label className="field field-check">
          <input type="checkbox" checked={filters.lead} onChange={(e) => setFilter('lead', e.target.checked)} />
          <span>主担当(◎)のみ</span>
        </label>
        <label className="field">
          <span className="field-label">疾患領域</span>
          <select value={filters.area ?? ''} onChange={(e) => setFilter('area', numberOrNull(e.target.value))} aria-label="疾患領域で絞り込む">
            <option value="">すべて</option>
            {areas.map((a) => (
              <option key={a.id} value={a.area ?? ''}>
                {a.area}) {a.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">PJ</span>
          <select value={filters.pj ?? ''} onChange={(e) => setFilter('pj', numberOrNull(e.target.value))} aria-label="統合プロジェクトで絞り込む">
            <option value="">すべて</option>
            {PROJECT_NAMES.map((name, i) => (
              <option key={name} value={i + 1}>
                PJ{i + 1} {name}
              </option>
            ))}
          </select>
        </label>
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
