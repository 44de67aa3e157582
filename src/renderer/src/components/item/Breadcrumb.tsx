// Where the item sits: 大項目 › 中項目 › 分野 › item number. Each level narrows the list to it.
import type { ItemSummary } from '../../../../shared/domain';
import { sectionIdsOf, sectionName } from '../../state/filters';
import { useApp } from '../../state/app-state';
import { setFilter } from '../../state/filter-actions';
import { selectSections } from '../../state/plan-selectors';

export function Breadcrumb({ item }: { item: ItemSummary }) {
  const sections = useApp(selectSections);
  const trail = sectionIdsOf(item)
    .map((id) => sections.find((s) => s.id === id))
    .filter((s) => s !== undefined);
  return (
    <nav aria-label="現在位置" className="breadcrumb">
      <ol>
        {trail.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => setFilter('section', s.id)}
              title={`一覧を「${s.title}」で絞り込む`}
            >
              {sectionName(s)} {s.title}
            </button>
          </li>
        ))}
        <li aria-current="page">
          {item.label || '小項目'} <span className="item-key">{item.key}</span>
        </li>
      </ol>
    </nav>
  );
}
