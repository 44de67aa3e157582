// The changed cells of a batch grouped by item, virtualised: a file of 5,600 rows stays smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { BatchDetail } from '../../../../shared/imports';
import { useRoundTrip } from '../../state/round-trip';
import { StatusMessage } from '../common/StatusMessage';
import { CellChangeRow, ItemHeadRow } from './CellChangeRow';
import { type ReviewRow } from './review-model';

export function ChangeList({
  detail,
  rows,
  editing,
  setEditing,
  scrollTo,
}: {
  detail: BatchDetail;
  rows: ReviewRow[];
  editing: Set<number>;
  setEditing: (id: number, on: boolean) => void;
  scrollTo: { index: number; nonce: number } | null;
}) {
  const busy = useRoundTrip((s) => s.busy);
  const scrollRef = useRef<HTMLDivElement>(null);
  const staged = detail.status === 'staged';
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.type === 'item' ? 52 : 220),
    getItemKey: (i) => {
      const r = rows[i]!;
      return r.type === 'item' ? `i-${r.group.key}` : `c-${r.change.id}`;
    },
    overscan: 6,
  });
  useEffect(() => {
    if (scrollTo) virtualizer.scrollToIndex(scrollTo.index, { align: 'start' });
  }, [scrollTo, virtualizer]);

  if (rows.length === 0) {
    return <StatusMessage kind="empty">表示する変更はありません(表示する種類の切り替えを確認してください)。</StatusMessage>;
  }
  return (
    <div ref={scrollRef} className="review-list" role="list" aria-label="変更された欄の一覧" aria-busy={busy || undefined}>
      <div className="review-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index]!;
          return (
            <div
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              role="listitem"
              className="review-row"
              style={{ transform: `translateY(${v.start}px)` }}
            >
              {row.type === 'item' ? (
                <ItemHeadRow group={row.group} staged={staged} busy={busy} shown={row.shown} batch={detail.id} />
              ) : (
                <CellChangeRow
                  batch={detail.id}
                  status={detail.status}
                  change={row.change}
                  group={row.group}
                  staged={staged}
                  busy={busy}
                  editing={editing.has(row.change.id)}
                  setEditing={(on) => setEditing(row.change.id, on)}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
