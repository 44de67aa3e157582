// The filters of the global annotation list and of the meeting pack: tag, colour, status, kind,
// author, ministry and section. Tag and author choices come from the annotations that exist.
import { useMemo } from 'react';
import { ANNOTATION_COLORS, ANNOTATION_KINDS, ANNOTATION_STATUSES, KIND_NAMES, STATUS_NAMES, type AnnotationView } from '../../../../shared/annotations';
import { MINISTRY_CODES, MINISTRY_NAMES, type MinistryCode } from '../../../../shared/domain';
import { clearAnnotationFilters, setAnnotationFilter, useAnnotations, type AnnotationFilters } from '../../state/annotations';
import { sectionName } from '../../state/filters';
import { selectSections, useApp } from '../../state/store';
import { colorLabel } from './annotation-model';

function choices(all: readonly AnnotationView[]): { tags: string[]; authors: string[] } {
  const tags = new Set<string>();
  const authors = new Set<string>();
  for (const a of all) {
    for (const t of a.tags) tags.add(t);
    authors.add(a.author);
  }
  const ja = (x: string, y: string) => x.localeCompare(y, 'ja');
  return { tags: [...tags].sort(ja), authors: [...authors].sort(ja) };
}

function active(f: AnnotationFilters): boolean {
  return Object.values(f).some((v) => v !== null);
}

export function AnnotationFilterBar() {
  const filters = useAnnotations((s) => s.filters);
  const all = useAnnotations((s) => s.all);
  const sections = useApp(selectSections);
  const { tags, authors } = useMemo(() => choices(all), [all]);
  const pick = <K extends keyof AnnotationFilters>(key: K, value: string) => setAnnotationFilter(key, (value === '' ? null : value) as AnnotationFilters[K]);

  return (
    <div className="annot-filters" role="group" aria-label="注釈の絞り込み">
      <label className="field">
        <span className="field-label">タグ</span>
        <select value={filters.tag ?? ''} onChange={(e) => pick('tag', e.target.value)}>
          <option value="">すべて</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">色</span>
        <select value={filters.color ?? ''} onChange={(e) => pick('color', e.target.value)}>
          <option value="">すべて</option>
          {ANNOTATION_COLORS.map((c) => (
            <option key={c} value={c}>
              {colorLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">状態</span>
        <select value={filters.status ?? ''} onChange={(e) => pick('status', e.target.value)}>
          <option value="">すべて</option>
          {ANNOTATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_NAMES[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">種類</span>
        <select value={filters.kind ?? ''} onChange={(e) => pick('kind', e.target.value)}>
          <option value="">すべて</option>
          {ANNOTATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">作成者</span>
        <select value={filters.author ?? ''} onChange={(e) => pick('author', e.target.value)}>
          <option value="">すべて</option>
          {authors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">府省</span>
        <select value={filters.ministry ?? ''} onChange={(e) => pick('ministry', e.target.value as MinistryCode | '')}>
          <option value="">すべて</option>
          {MINISTRY_CODES.map((m) => (
            <option key={m} value={m}>
              {m}({MINISTRY_NAMES[m]})
            </option>
          ))}
        </select>
      </label>
      <label className="field annot-filter-section">
        <span className="field-label">区分</span>
        <select value={filters.section ?? ''} onChange={(e) => pick('section', e.target.value)}>
          <option value="">すべて</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.level === 'major' ? '' : s.level === 'middle' ? '　' : '　　'}
              {sectionName(s)} {s.title}
            </option>
          ))}
        </select>
      </label>
      {active(filters) && (
        <button type="button" className="link-button annot-filters-clear" onClick={clearAnnotationFilters}>
          条件をすべて解除
        </button>
      )}
    </div>
  );
}
