// Keys that work anywhere: `/` focuses the search box; Esc inside the item view returns to the list.
import { useEffect } from 'react';
import { SEARCH_INPUT_ID } from '../components/search/SearchBox';
import { useApp } from '../state/app-state';
import { focusList } from '../state/screens';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useGlobalKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (useApp.getState().pendingNavigation || useApp.getState().authorPrompt) return;
      if (e.key === '/' && !isEditable(e.target)) {
        e.preventDefault();
        document.getElementById(SEARCH_INPUT_ID)?.focus();
      } else if (
        e.key === 'Escape' &&
        !isEditable(e.target) &&
        e.target instanceof Element &&
        e.target.closest('#main') &&
        // A dialog opened from the main view closes on Esc (its own cancel), the focus stays put.
        !e.target.closest('dialog')
      ) {
        e.preventDefault();
        // At once when the list is there (the next key may already be on its way), else on its mount.
        const list = document.querySelector<HTMLElement>('.pane-list [role="listbox"]');
        if (list) list.focus({ preventScroll: true });
        else focusList();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
