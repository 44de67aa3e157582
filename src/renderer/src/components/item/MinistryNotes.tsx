// 府省からの補足: the notes ministries wrote in the last column of their answer sheets, recorded when
// the answers were applied. Shown on the item (loaded with items.notes) and in the meeting pack.
import { useEffect, useState } from 'react';
import { MINISTRY_NAMES, type Item, type MinistryCode } from '../../../../shared/domain';
import type { MinistryNote } from '../../../../shared/imports';
import { warekiDate } from '../../../../shared/wareki';
import { invoke } from '../../api-client';
import { messageOf } from '../../state/error-message';
import '../../styles/notes.css';

function ministryName(code: string | null): string {
  if (code === null) return '協議会資料から';
  return MINISTRY_NAMES[code as MinistryCode] ?? code;
}

/** The notes as a list: ministry, text, the file they came from and the date. */
export function MinistryNoteList({ notes }: { notes: readonly MinistryNote[] }) {
  return (
    <ul className="ministry-notes-list">
      {notes.map((n) => (
        <li key={n.id} className="ministry-note">
          <span className="ministry-note-who">{ministryName(n.ministry)}</span>
          <span className="ministry-note-text">{n.text}</span>
          <span className="ministry-note-source">
            {n.fileName}・{warekiDate(n.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

type Load = { status: 'loading' } | { status: 'ready'; notes: MinistryNote[] } | { status: 'error'; message: string };

/** The item's notes, reloaded when the item changes (applying a batch bumps its version). Nothing when there are none. */
export function ItemMinistryNotes({ item }: { item: Item }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    invoke('items.notes', { keys: [item.key] }).then(
      (byKey) => live && setLoad({ status: 'ready', notes: byKey[item.key] ?? [] }),
      (err: unknown) => live && setLoad({ status: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [item.key, item.version]);
  if (load.status === 'loading' || (load.status === 'ready' && load.notes.length === 0)) return null;
  return (
    <section className="ministry-notes" aria-label="府省からの補足">
      <h3 className="ministry-notes-title">府省からの補足{load.status === 'ready' && ` ${load.notes.length} 件`}</h3>
      {load.status === 'error' ? <p role="alert">補足を読み込めませんでした: {load.message}</p> : <MinistryNoteList notes={load.notes} />}
    </section>
  );
}
