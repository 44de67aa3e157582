// The outline of the plan: 大項目 / 中項目 / 分野 with item counts. Choosing an entry narrows the
// list to it (as a removable chip); a 中項目's intro bullets open on demand under its entry.
// Counts follow the other active filters, so "厚 only" shows where 厚's items are.
import { useMemo, type ReactNode } from 'react';
import type { Section } from '../../../../shared/domain';
import { countBySection, hasFilters, matchesFilters, sectionName } from '../../state/filters';
import { useFacets } from '../../state/facets';
import { useApp } from '../../state/app-state';
import { setFilter } from '../../state/filter-actions';
import { toggleIntro } from '../../state/outline';
import { selectSections } from '../../state/plan-selectors';
import { BulletList } from '../item/BulletList';
import { OpenAnnotationCount, openAnnotationLabel, useAnnotationCounts, useOpenAnnotations } from '../annotations/OutlineCounts';
import { SavedViews } from './SavedViews';

interface EntryProps {
  section: Section;
  count: number;
  total: number;
  filtered: boolean;
  children?: ReactNode;
}

function OutlineEntry({ section, count, total, filtered, children }: EntryProps) {
  const current = useApp((s) => s.filters.section === section.id);
  const expanded = useApp((s) => s.expandedIntros.includes(section.id));
  const introId = `intro-${section.id}`;
  const countLabel = filtered ? `${total}件中${count}件` : `${count}件`;
  const openAnnotations = useOpenAnnotations(section.id);
  return (
    <li className={`outline-entry outline-${section.level}`}>
      <div className="outline-row">
        <button
          type="button"
          className="outline-button"
          aria-current={current ? 'true' : undefined}
          onClick={() => setFilter('section', current ? null : section.id)}
          aria-label={`${sectionName(section)} ${section.title}(${countLabel}${openAnnotationLabel(openAnnotations)})`}
          title={section.title}
        >
          <span className="outline-name">{sectionName(section)}</span>
          <span className="outline-title">{section.title}</span>
          <span className={`count${count === 0 ? ' count-zero' : ''}`} aria-hidden="true">
            {count}
          </span>
          <OpenAnnotationCount count={openAnnotations} />
        </button>
        {section.intro.length > 0 && (
          <button
            type="button"
            className="intro-toggle"
            aria-expanded={expanded}
            aria-controls={introId}
            onClick={() => toggleIntro(section.id)}
            title={expanded ? '説明を閉じる' : '説明を読む'}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            <span className="visually-hidden">
              {sectionName(section)}の説明{expanded ? 'を閉じる' : 'を読む'}
            </span>
            <span className="intro-toggle-text" aria-hidden="true">
              説明
            </span>
          </button>
        )}
      </div>
      {expanded && (
        <div id={introId} className="outline-intro" role="region" aria-label={`${sectionName(section)}の説明`}>
          <BulletList bullets={section.intro} />
        </div>
      )}
      {children}
    </li>
  );
}

export function Outline() {
  const sections = useApp(selectSections);
  const items = useApp((s) => s.items);
  const filters = useApp((s) => s.filters);
  const allCurrent = filters.section === null;
  useAnnotationCounts();

  const totals = useMemo(() => countBySection(items), [items]);
  const facets = useFacets((s) => s.facets);
  const matching = useMemo(
    () => items.filter((it) => matchesFilters(it, filters, facets, { ignoreSection: true })),
    [items, filters, facets],
  );
  const counts = useMemo(() => countBySection(matching), [matching]);
  const filtered = hasFilters({ ...filters, section: null });

  const childrenOf = (parent: Section, level: Section['level']) =>
    sections.filter((s) => s.level === level && s.major === parent.major && (level === 'middle' || s.middle === parent.middle));
  const entry = (s: Section, children?: ReactNode) => (
    <OutlineEntry key={s.id} section={s} count={counts.get(s.id) ?? 0} total={totals.get(s.id) ?? 0} filtered={filtered}>
      {children}
    </OutlineEntry>
  );

  return (
    <div className="outline">
      <h2 className="pane-title">目次</h2>
      <button
        type="button"
        className="outline-button outline-all"
        aria-current={allCurrent ? 'true' : undefined}
        onClick={() => setFilter('section', null)}
      >
        <span className="outline-title">すべての項目</span>
        <span className="count" data-testid="outline-total">
          {filtered ? `${matching.length} / ${items.length}` : items.length}
        </span>
      </button>
      <SavedViews />
      <ul className="outline-list">
        {sections
          .filter((s) => s.level === 'major')
          .map((major) =>
            entry(
              major,
              <ul className="outline-list">
                {childrenOf(major, 'middle').map((middle) => {
                  const areas = childrenOf(middle, 'area');
                  return entry(middle, areas.length > 0 ? <ul className="outline-list">{areas.map((a) => entry(a))}</ul> : undefined);
                })}
              </ul>,
            ),
          )}
      </ul>
    </div>
  );
}
