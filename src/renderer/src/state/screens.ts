// Which screen is shown (the item view, the outline's other screens, the item's tabs), which item is
// open, and where the keyboard focus should go. Every move passes the navigation guard.
import { useApp, type AppState, type BulletTarget, type ItemTab, type View } from './app-state';
import { takeFocusRequest } from './focus-requests';
import { loadItem } from './item-cache';
import { guardNavigation } from './navigation-guard';

const get = useApp.getState;
const set = useApp.setState;

export function setView(view: View): void {
  if (get().view === view) return;
  guardNavigation(() => set({ view }));
}

/** The start page (Welcome): the item view with no item open; an unsaved edit is asked about first. */
export function goHome(): void {
  guardNavigation(() => set({ view: 'item', selectedKey: null, target: null }));
}

/**
 * 小項目: the item view with an item in it. With none open (the start page, or another screen reached
 * from it) the first item of the list opens, so the button never leaves the start page looking unmoved.
 */
export function showItems(): void {
  const { selectedKey, items } = get();
  const first = items[0]?.key;
  if (selectedKey === null && first !== undefined) openItem(first);
  else setView('item');
}

export function setItemTab(itemTab: ItemTab): void {
  if (get().itemTab === itemTab) return;
  guardNavigation(() => set({ itemTab }));
}

/** Open an item in the item view (optionally marking one bullet), keeping the focus where it is unless asked. */
export function openItem(key: string, options: { target?: BulletTarget | null; focus?: boolean } = {}): void {
  const show = (s: AppState): Partial<AppState> => ({
    view: 'item',
    target: options.target ?? null,
    focusItemNonce: options.focus ? s.focusItemNonce + 1 : s.focusItemNonce,
  });
  // The item being edited is already open: showing it again must not ask about its edits.
  if (get().draft?.key === key) {
    set(show);
    return;
  }
  guardNavigation(() => {
    set((s) => ({ ...show(s), selectedKey: key }));
    void loadItem(key);
  });
}

/** The user moved on in the list before the opened item arrived: it must not pull the focus away. */
export function dropItemFocusRequest(): void {
  takeFocusRequest('item', get().focusItemNonce);
}

export function focusList(): void {
  set((s) => ({ focusListNonce: s.focusListNonce + 1 }));
}
