// The strip between two panes: a button that collapses or reopens the pane, and a handle that resizes
// it by dragging or from the keyboard (← → by 16 px, Shift for 64 px, Home / End for the bounds).
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { PANE_BOUNDS, setPaneCollapsed, setPaneWidth, useLayoutPrefs, type PaneId } from './layout-prefs';

interface Props {
  pane: PaneId;
  /** The pane's name as a user reads it: 目次, 一覧, 注釈. */
  label: string;
  /** The id of the element whose width is set (for aria-controls and for measuring it). */
  controls: string;
  /** Where the pane is: a pane on the left grows when dragged right, one on the right when dragged left. */
  side: 'left' | 'right';
}

export function PaneDivider({ pane, label, controls, side }: Props) {
  const collapsed = useLayoutPrefs((s) => s.collapsed[pane]);
  const width = useLayoutPrefs((s) => s.widths[pane]);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const bounds = PANE_BOUNDS[pane];
  const grow = side === 'left' ? 1 : -1;

  const currentWidth = () => width ?? document.getElementById(controls)?.getBoundingClientRect().width ?? bounds.initial;
  // Until a width is chosen the screen size decides it (layout.css): measured, so aria-valuenow is true.
  const [measured, setMeasured] = useState(bounds.initial);
  useEffect(() => {
    if (collapsed) return;
    const measure = () => setMeasured(Math.round(currentWidth()));
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- currentWidth reads width and controls
  }, [width, collapsed, controls]);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startX: e.clientX, startWidth: currentWidth() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    setPaneWidth(pane, drag.current.startWidth + grow * (e.clientX - drag.current.startX));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 64 : 16;
    const moves: Record<string, number | undefined> = {
      ArrowRight: currentWidth() + grow * step,
      ArrowLeft: currentWidth() - grow * step,
      Home: bounds.min,
      End: bounds.max,
    };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setPaneWidth(pane, next);
  };

  const arrow = (side === 'left') === collapsed ? '›' : '‹';
  return (
    <div className={`pane-divider pane-divider-${side}${collapsed ? ' is-collapsed' : ''}`} data-pane={pane}>
      <button
        type="button"
        className="pane-toggle"
        aria-expanded={!collapsed}
        aria-controls={controls}
        onClick={() => setPaneCollapsed(pane, !collapsed)}
        title={collapsed ? `${label}を表示` : `${label}を閉じる`}
      >
        <span aria-hidden="true">{arrow}</span>
        <span className="visually-hidden">{collapsed ? `${label}を表示` : `${label}を閉じる`}</span>
      </button>
      {!collapsed && (
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={`${label}の幅`}
          aria-controls={controls}
          aria-valuemin={bounds.min}
          aria-valuemax={bounds.max}
          aria-valuenow={width ?? measured}
          tabIndex={0}
          className="pane-resizer"
          title="ドラッグまたは ← → で幅を変更"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onKeyDown}
        />
      )}
    </div>
  );
}
