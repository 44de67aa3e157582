// 再掲 links: a copy points at its original (relistedFrom), and the original lists its copies
// (再掲先), computed from the item list.
import { useMemo } from 'react';
import type { ItemSummary } from '../../../../shared/domain';
import { useApp } from '../../state/app-state';
import { openItem } from '../../state/screens';

function ItemLink({ item }: { item: ItemSummary }) {
  return (
    <button type="button" className="link-button relist-link" onClick={() => openItem(item.key, { focus: true })}>
      {item.label} {item.key} {item.title}
    </button>
  );
}

export function RelistLinks({ item }: { item: ItemSummary }) {
  const items = useApp((s) => s.items);
  const original = useMemo(
    () => (item.relistedFrom ? items.find((it) => it.key === item.relistedFrom) : undefined),
    [items, item.relistedFrom],
  );
  const copies = useMemo(() => items.filter((it) => it.relistedFrom === item.key), [items, item.key]);
  if (!item.relistedFrom && copies.length === 0) return null;
  return (
    <aside className="relist" aria-label="再掲">
      {item.relistedFrom && (
        <p>
          <span className="relist-kind">再掲元</span>
          この項目は次の項目の再掲です: {original ? <ItemLink item={original} /> : <span>{item.relistedFrom}(見つかりません)</span>}
        </p>
      )}
      {copies.length > 0 && (
        <div>
          <span className="relist-kind">再掲先</span>
          この項目は次の場所にも再掲されています:
          <ul>
            {copies.map((c) => (
              <li key={c.key}>
                <ItemLink item={c} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </aside>
  );
}
