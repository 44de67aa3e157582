// The ファイル menu of the banner (the same commands as Electron's application menu): a menu button
// with a popup of menu items; ↑ ↓ Home End move, Enter/Space choose, Esc closes and returns the focus.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { openFileDialog } from '../../state/round-trip';
import { openFilePicker } from './ImportPicker';
import { openEditions } from '../../state/editions';
import { openEditionPicker } from '../editions/EditionPicker';

interface Entry {
  id: string;
  label: string;
  run: () => void;
}

const ENTRIES: Entry[] = [
  { id: 'export-ministry', label: '府省別照会シートを出力…', run: () => openFileDialog('export-ministry') },
  { id: 'export-table', label: '協議会資料を出力…', run: () => openFileDialog('export-table') },
  { id: 'import', label: '回答を取り込む…', run: () => openFilePicker() },
  { id: 'backups', label: 'バックアップと復元…', run: () => openFileDialog('backups') },
  { id: 'edition-import', label: '新しい版の資料を取り込む…', run: () => openEditionPicker() },
  { id: 'editions', label: '版と新旧対照…', run: () => openEditions('list') },
];

export function FileMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menuRef.current?.contains(t) && !buttonRef.current?.contains(t)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    <div className="file-menu">
      <button
        ref={buttonRef}
        type="button"
        className="view-button file-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        ファイル <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-label="ファイル" className="menu" onKeyDown={onMenuKey}>
          {ENTRIES.map((entry, i) => (
            <li key={entry.id} role="none" className={i === 3 ? 'menu-separated' : undefined}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                onClick={() => {
                  close(entry.id !== 'import' && entry.id !== 'edition-import');
                  entry.run();
                }}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
