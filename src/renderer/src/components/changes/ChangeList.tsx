// The change list itself: rows of any height (a diff is one line or twenty), virtualised with
// @tanstack/react-virtual and measured as they render, so 10,000 changes cost what is in view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { localMinute, sourceName, type ChangeRow } from '../../../../shared/change-log';
import { fieldLabel } from '../../../../shared/fields';
import { useFiscalYear } from '../../state/plan-selectors';
import { openItem } from '../../state/screens';
import { CellDiffView } from '../history/DiffView';

/** A first guess at a row's height before it is measured. */
const ESTIMATE = 96;

const ChangeEntry = memo(function ChangeEntry({ row, fiscalYear }: { row: ChangeRow; fiscalYear: number | null }) {
  return (
    <article className="change-row" aria-label={`#${row.id} ${row.itemKey} ${fieldLabel(row.field, fiscalYear)}の変更`}>
      <div className="change-head">
        <time dateTime={row.createdAt}>{localMinute(row.createdAt)}</time>
        <button type="button" className="link-button change-item" onClick={() => openItem(row.itemKey)} title="この項目を開く">
          {row.itemKey} {row.label} {row.title}
        </button>
        <span className="change-field">{fieldLabel(row.field, fiscalYear)}</span>
        <span className="change-source">{sourceName(row.source)}</span>
        <span className="change-author">{row.author}</span>
        <span className="change-id">#{row.id}</span>
      </div>
      <CellDiffView before={row.oldText} after={row.newText} />
    </article>
  );
});

export function ChangeList({ rows, total, onNearEnd }: { rows: readonly ChangeRow[]; total: number; onNearEnd: () => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const fiscalYear = useFiscalYear();
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    overscan: 6,
    getItemKey: (i) => rows[i]!.id,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= rows.length - 20 && rows.length < total) onNearEnd();
  }, [last, rows.length, total, onNearEnd]);

  return (
    <div ref={scrollRef} className="change-scroll" tabIndex={0} aria-label="変更の一覧" role="feed">
      <div className="change-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => (
          <div
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            className="change-slot"
            style={{ transform: `translateY(${v.start}px)` }}
          >
            <ChangeEntry row={rows[v.index]!} fiscalYear={fiscalYear} />
          </div>
        ))}
      </div>
    </div>
  );
}
