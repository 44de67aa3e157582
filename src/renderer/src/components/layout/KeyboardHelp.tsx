// The keyboard help: every shortcut, opened by ? (outside a text field), F1 anywhere, or the header's
// ？ button.
import { useEffect } from 'react';
import { create } from 'zustand';
import { useApp } from '../../state/app-state';
import { Dialog } from '../common/Dialog';
import { SHORTCUT_GROUPS } from './shortcuts';

const useHelp = create<{ open: boolean }>(() => ({ open: false }));

export function openKeyboardHelp(): void {
  useHelp.setState({ open: true });
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function KeyboardHelp() {
  const open = useHelp((s) => s.open);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      // Another dialog is open: its own keys come first.
      if (useApp.getState().pendingNavigation || useApp.getState().authorPrompt) return;
      // F1 would open the browser's own help; `?` is typed text inside a field.
      if (e.key === 'F1' || (e.key === '?' && !isEditable(e.target))) {
        e.preventDefault();
        openKeyboardHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const close = () => useHelp.setState({ open: false });
  return (
    <Dialog open={open} title="キーボード操作" onCancel={close} className="dialog-wide keyboard-help">
      <div className="keyboard-help-groups">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title} className="keyboard-help-group">
            <h3>{g.title}</h3>
            <dl className="welcome-keys">
              {g.shortcuts.map((s) => (
                <div key={s.keys + s.what}>
                  <dt>
                    <kbd>{s.keys}</kbd>
                  </dt>
                  <dd>{s.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={close} autoFocus>
          閉じる
        </button>
      </div>
    </Dialog>
  );
}
