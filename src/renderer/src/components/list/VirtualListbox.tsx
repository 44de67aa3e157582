// A keyboard-driven listbox over any number of rows, virtualised with @tanstack/react-virtual: only
// the rows in view (plus a few) are in the DOM, so 5,600 items scroll as smoothly as 56.
// The list itself holds the focus and points at the active row with aria-activedescendant;
// ↑ ↓ PageUp PageDown Home End move, Enter (or a click) opens, Esc is handed to the owner.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { takeFocusRequest } from '../../state/focus-requests';

interface Props<T> {
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowHeight: number;
  renderRow: (row: T) => ReactNode;
  /** Key of the row that is open elsewhere (shown as selected). */
  selectedKey: string | null;
  onOpen: (row: T) => void;
  onActiveChange?: (row: T) => void;
  onEscape?: () => void;
  /** The rows in view, after scrolling settles (for fetching ahead). */
  onRowsInView?: (rows: T[]) => void;
  label: string;
  idPrefix: string;
  /** Bumps when the list should take the focus. */
  focusNonce?: number;
}

export function VirtualListbox<T>({
  rows,
  rowKey,
  rowHeight,
  renderRow,
  selectedKey,
  onOpen,
  onActiveChange,
  onEscape,
  onRowsInView,
  label,
  idPrefix,
  focusNonce,
}: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(selectedKey);
  // When another part of the app opens an item, the active row follows it.
  const [followed, setFollowed] = useState(selectedKey);
  if (followed !== selectedKey) {
    setFollowed(selectedKey);
    setActiveKey(selectedKey);
  }

  const keyIndex = activeKey === null ? -1 : rows.findIndex((r) => rowKey(r) === activeKey);
  const activeIndex = keyIndex >= 0 ? keyIndex : rows.length > 0 ? 0 : -1;
  const active = activeIndex >= 0 ? rows[activeIndex] : undefined;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });

  useEffect(() => {
    if (focusNonce && takeFocusRequest('list', focusNonce)) scrollRef.current?.focus({ preventScroll: true });
  }, [focusNonce]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const moveTo = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (row === undefined) return;
    setActiveKey(rowKey(row));
    onActiveChange?.(row);
  };

  const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 5) / rowHeight) - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, number | undefined> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (active !== undefined) onOpen(active);
    } else if (e.key === 'Escape' && onEscape) {
      e.preventDefault();
      onEscape();
    }
  };

  const optionId = (key: string) => `${idPrefix}-${key}`;
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const inView = useRef(onRowsInView);
  useEffect(() => {
    inView.current = onRowsInView;
  });
  useEffect(() => {
    if (last < first) return;
    const timer = window.setTimeout(() => inView.current?.(rows.slice(first, last + 1)), 120);
    return () => window.clearTimeout(timer);
  }, [rows, first, last]);
  const activeRendered = active !== undefined && items.some((v) => v.index === activeIndex);

  return (
    <div
      ref={scrollRef}
      className="listbox"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={activeRendered ? optionId(rowKey(active)) : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="listbox-inner" role="presentation" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => {
          const row = rows[v.index]!;
          const key = rowKey(row);
          return (
            <div
              key={key}
              id={optionId(key)}
              role="option"
              aria-selected={key === selectedKey}
              aria-setsize={rows.length}
              aria-posinset={v.index + 1}
              className={`option${v.index === activeIndex ? ' is-active' : ''}${key === selectedKey ? ' is-selected' : ''}`}
              style={{ height: rowHeight, transform: `translateY(${v.start}px)` }}
              onClick={() => {
                moveTo(v.index);
                onOpen(row);
              }}
            >
              {renderRow(row)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
