// How this person likes the window: pane widths, collapsed panes and the font size, remembered in
// localStorage (a preference of this browser profile, like the window size, not data of the plan).
import { create } from 'zustand';

export type PaneId = 'outline' | 'list' | 'annotations';
export type FontSize = 'small' | 'medium' | 'large';

export interface PaneBounds {
  min: number;
  max: number;
  /** The width used when none was chosen (the CSS default for the screen size applies until then). */
  initial: number;
}

export const PANE_BOUNDS: Record<PaneId, PaneBounds> = {
  outline: { min: 180, max: 520, initial: 252 },
  list: { min: 240, max: 640, initial: 336 },
  annotations: { min: 240, max: 560, initial: 300 },
};

export interface LayoutPrefs {
  /** null: the default width for the screen size (layout.css). */
  widths: Record<PaneId, number | null>;
  collapsed: Record<PaneId, boolean>;
  fontSize: FontSize;
}

const KEY = 'council-desk.layout';

const DEFAULTS: LayoutPrefs = {
  widths: { outline: null, list: null, annotations: null },
  collapsed: { outline: false, list: false, annotations: false },
  fontSize: 'medium',
};

function recall(): LayoutPrefs {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<LayoutPrefs> | null;
    if (!saved || typeof saved !== 'object') return DEFAULTS;
    return {
      widths: { ...DEFAULTS.widths, ...saved.widths },
      collapsed: { ...DEFAULTS.collapsed, ...saved.collapsed },
      fontSize: saved.fontSize === 'small' || saved.fontSize === 'large' ? saved.fontSize : 'medium',
    };
  } catch {
    // A damaged entry is forgotten, not fatal: the defaults apply.
    return DEFAULTS;
  }
}

export const useLayoutPrefs = create<LayoutPrefs>(recall);

useLayoutPrefs.subscribe((prefs) => {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or disabled: the preference lasts for this session only.
  }
});

export function clampWidth(pane: PaneId, width: number): number {
  const { min, max } = PANE_BOUNDS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

export function setPaneWidth(pane: PaneId, width: number): void {
  useLayoutPrefs.setState((s) => ({ widths: { ...s.widths, [pane]: clampWidth(pane, width) } }));
}

export function setPaneCollapsed(pane: PaneId, collapsed: boolean): void {
  useLayoutPrefs.setState((s) => ({ collapsed: { ...s.collapsed, [pane]: collapsed } }));
}

export function setFontSize(fontSize: FontSize): void {
  useLayoutPrefs.setState({ fontSize });
}
