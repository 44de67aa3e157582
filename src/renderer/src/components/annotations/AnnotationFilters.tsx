// The filters of the global annotation list and of the meeting pack: tag, colour, status, kind,
// author, ministry and section. Tag and author choices come from the annotations that exist.
import { useMemo } from 'react';
import {
  ANNOTATION_COLORS,
  ANNOTATION_KINDS,
  ANNOTATION_STATUSES,
  KIND_NAMES,
  STATUS_NAMES,
  type AnnotationView,
} from '../../../../shared/annotations';
import { clearAnnotationFilters, setAnnotationFilter, useAnnotations, type AnnotationFilters } from '../../state/annotations';
import { sectionName } from '../../state/filters';
import { useApp } from '../../state/app-state';
import { selectSections } from '../../state/plan-selectors';
import { MINISTRY_OPTIONS, SelectFilter } from '../common/SelectFilter';
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
  const sectionOptions = useMemo(
    () =>
      sections.map((s) => ({
        value: s.id,
        label: `${s.level === 'major' ? '' : s.level === 'middle' ? '　' : '　　'}${sectionName(s)} ${s.title}`,
      })),
    [sections],
  );
  const pick = <K extends keyof AnnotationFilters>(key: K, value: string) =>
    setAnnotationFilter(key, (value === '' ? null : value) as AnnotationFilters[K]);

  return (
    <div className="annot-filters" role="group" aria-label="注釈の絞り込み">
      <SelectFilter
        label="タグ"
        value={filters.tag ?? ''}
        onChange={(v) => pick('tag', v)}
        options={tags.map((t) => ({ value: t, label: `#${t}` }))}
      />
      <SelectFilter
        label="色"
        value={filters.color ?? ''}
        onChange={(v) => pick('color', v)}
        options={ANNOTATION_COLORS.map((c) => ({ value: c, label: colorLabel(c) }))}
      />
      <SelectFilter
        label="状態"
        value={filters.status ?? ''}
        onChange={(v) => pick('status', v)}
        options={ANNOTATION_STATUSES.map((x) => ({ value: x, label: STATUS_NAMES[x] }))}
      />
      <SelectFilter
        label="種類"
        value={filters.kind ?? ''}
        onChange={(v) => pick('kind', v)}
        options={ANNOTATION_KINDS.map((k) => ({ value: k, label: KIND_NAMES[k] }))}
      />
      <SelectFilter
        label="作成者"
        value={filters.author ?? ''}
        onChange={(v) => pick('author', v)}
        options={authors.map((a) => ({ value: a, label: a }))}
      />
      <SelectFilter label="府省" value={filters.ministry ?? ''} onChange={(v) => pick('ministry', v)} options={MINISTRY_OPTIONS} />
      <SelectFilter
        label="区分"
        className="annot-filter-section"
        value={filters.section ?? ''}
        onChange={(v) => pick('section', v)}
        options={sectionOptions}
      />
      {active(filters) && (
        <button type="button" className="link-button annot-filters-clear" onClick={clearAnnotationFilters}>
          条件をすべて解除
        </button>
      )}
    </div>
  );
}
