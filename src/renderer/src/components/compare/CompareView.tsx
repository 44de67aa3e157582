// actions and future directions side by side, linked: each future bullet names the action bullets
// it follows up (取n), a curve joins them, and hovering or focusing a bullet lights up its partners.
// actions nobody follows up and directions with no action behind them are flagged; each future
// bullet carries its label and dates, and the dates sit on a small timeline above.
// Keyboard: Tab reaches each column; ↑ ↓ move inside it; ← → jump to the linked bullet opposite.
import { westernYear } from '../../../../shared/editions/fiscal-year';
import { fieldLabel } from '../../../../shared/fields';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Comparison } from '../../../../shared/compare';
import { comparisonOf } from '../../state/comparisons';
import type { Item } from '../../../../shared/domain';
import { useApp } from '../../state/app-state';
import { useShownFiscalYear } from '../../state/plan-selectors';
import { CompareBullet, bulletDomId } from './CompareBullet';
import { CompareSummary } from './CompareSummary';
import { DateTimeline } from './DateTimeline';
import { LinkGutter } from './LinkGutter';
import { allLinks, buildTimeline, isHighlighted, linkedTo, type BulletRef, type Side } from './compare-model';

function focusBullet(ref: BulletRef): void {
  const el = document.getElementById(bulletDomId(ref.side, ref.index));
  el?.focus();
  el?.scrollIntoView({ block: 'nearest' });
}

interface ColumnProps {
  side: Side;
  item: Item;
  comparison: Comparison;
  active: BulletRef | null;
  current: number;
  target: BulletRef | null;
  onActivate: (ref: BulletRef | null, how: 'hover' | 'focus') => void;
}

function CompareColumn({ side, item, comparison, active, current, target, onActivate }: ColumnProps) {
  const bullets = item[side];
  const fiscalYear = useShownFiscalYear();
  const unmatched = new Set(side === 'actions' ? comparison.unmatchedActions : comparison.unmatchedFuture);
  const headingId = `cmp-${side}-heading`;

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (e.target !== e.currentTarget) return;
    const links = linkedTo(comparison, { side, index });
    const other: Side = side === 'actions' ? 'future' : 'actions';
    const moves: Record<string, BulletRef | undefined> = {
      ArrowDown: index + 1 < bullets.length ? { side, index: index + 1 } : undefined,
      ArrowUp: index > 0 ? { side, index: index - 1 } : undefined,
      [side === 'actions' ? 'ArrowRight' : 'ArrowLeft']:
        links.length > 0
          ? { side: other, index: links[0]! }
          : item[other].length > 0
            ? { side: other, index: Math.min(index, item[other].length - 1) }
            : undefined,
      Home: { side, index: 0 },
      End: { side, index: bullets.length - 1 },
    };
    const next = moves[e.key];
    if (next) {
      e.preventDefault();
      focusBullet(next);
    }
  };

  return (
    <section className="column" aria-labelledby={headingId}>
      <h3 id={headingId} className="column-heading">
        {fieldLabel(side, fiscalYear)}
        <span className="column-count">{bullets.length}件</span>
      </h3>
      {bullets.length === 0 ? (
        <p className="empty-field">記載なし</p>
      ) : (
        <ol className="cmp-list" aria-labelledby={headingId}>
          {bullets.map((b, i) => {
            const ref = { side, index: i };
            const state = !active
              ? 'normal'
              : active.side === side && active.index === i
                ? 'active'
                : isHighlighted(comparison, active, ref)
                  ? 'linked'
                  : 'dimmed';
            return (
              <CompareBullet
                key={i}
                itemKey={item.key}
                side={side}
                index={i}
                bullet={b}
                links={linkedTo(comparison, ref)}
                analysis={side === 'future' ? comparison.future[i] : undefined}
                unmatched={unmatched.has(i)}
                state={state}
                isTarget={target?.side === side && target.index === i}
                tabbable={i === current}
                onActivate={onActivate}
                onJump={focusBullet}
                onKeyDown={(e) => onKeyDown(e, i)}
              />
            );
          })}
        </ol>
      )}
    </section>
  );
}

export function CompareView({ item }: { item: Item }) {
  const comparison = comparisonOf(item);
  const fiscalYear = useShownFiscalYear();
  // Before anything says otherwise, the axis starts at 令和7 (fiscal 2025), the first edition.
  const timeline = useMemo(() => buildTimeline(comparison, westernYear(fiscalYear ?? 7)), [comparison, fiscalYear]);
  const links = useMemo(() => allLinks(comparison), [comparison]);
  const storeTarget = useApp((s) => s.target);
  const target: BulletRef | null = storeTarget ? { side: storeTarget.field, index: storeTarget.ord } : null;

  const [hovered, setHovered] = useState<BulletRef | null>(null);
  const [focused, setFocused] = useState<BulletRef | null>(null);
  const active = hovered ?? focused;

  // The bullet each column's Tab stop is on: the last one focused there.
  const [current, setCurrent] = useState<Record<Side, number>>({ actions: 0, future: 0 });
  const [shownKey, setShownKey] = useState(item.key);
  if (shownKey !== item.key) {
    setShownKey(item.key);
    setCurrent({ actions: 0, future: 0 });
    setHovered(null);
    setFocused(null);
  }

  useEffect(() => {
    if (storeTarget) focusBullet({ side: storeTarget.field, index: storeTarget.ord });
  }, [storeTarget, item.key]);

  const onActivate = (ref: BulletRef | null, how: 'hover' | 'focus') => {
    if (how === 'hover') setHovered(ref);
    else {
      setFocused(ref);
      if (ref) setCurrent((c) => ({ ...c, [ref.side]: ref.index }));
    }
  };

  return (
    <div className="compare">
      <CompareSummary comparison={comparison} />
      <DateTimeline timeline={timeline} onJump={focusBullet} />
      <div
        className="compare-columns"
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
        }}
      >
        <CompareColumn
          side="actions"
          item={item}
          comparison={comparison}
          active={active}
          current={current.actions}
          target={target}
          onActivate={onActivate}
        />
        <LinkGutter
          links={links}
          layoutKey={`${item.key}:${item.version}`}
          isStrong={(l) => (active ? (active.side === 'actions' ? l.actions === active.index : l.future === active.index) : false)}
        />
        <CompareColumn
          side="future"
          item={item}
          comparison={comparison}
          active={active}
          current={current.future}
          target={target}
          onActivate={onActivate}
        />
      </div>
    </div>
  );
}
