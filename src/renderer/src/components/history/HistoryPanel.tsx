// An item's revisions, newest first, each with its diff and a one-click restore (which writes a
// new revision, so a restore can itself be undone).
import { fieldLabel } from '../../../../shared/fields';
import { useEffect, useState } from 'react';
import type { Item, Revision } from '../../../../shared/domain';
import { invoke } from '../../api-client';
import { useApp } from '../../state/app-state';
import { restoreRevision } from '../../state/editing';
import { messageOf } from '../../state/error-message';
import { useFiscalYear } from '../../state/plan-selectors';
import { StatusMessage } from '../common/StatusMessage';
import { DiffView } from './DiffView';
import { sourceName } from '../../../../shared/change-log';

type Load = { status: 'loading' } | { status: 'ready'; revisions: Revision[] } | { status: 'error'; message: string };

function RevisionEntry({ revision, onRestore, busy }: { revision: Revision; onRestore: (r: Revision) => void; busy: boolean }) {
  const editing = useApp((s) => s.draft !== null);
  const fiscalYear = useFiscalYear();
  const when = new Date(revision.createdAt);
  return (
    <li className="revision">
      <div className="revision-head">
        <span className="revision-id">#{revision.id}</span>
        <span className="revision-field">{fieldLabel(revision.field, fiscalYear)}</span>
        <time dateTime={revision.createdAt}>{when.toLocaleString('ja-JP')}</time>
        <span className="revision-author">{revision.author}</span>
        <span className="revision-source">{sourceName(revision.source)}</span>
        <span className="spacer" />
        <button
          type="button"
          className="button button-small"
          onClick={() => onRestore(revision)}
          disabled={busy || editing}
          title={editing ? '編集中は復元できません' : 'この変更の前の内容に戻します(新しい変更として記録されます)'}
        >
          この変更の前に戻す
        </button>
      </div>
      <DiffView revision={revision} />
    </li>
  );
}

export function HistoryPanel({ item }: { item: Item }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const fiscalYear = useFiscalYear();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadedFor, setLoadedFor] = useState({ key: item.key, version: item.version });
  if (loadedFor.key !== item.key || loadedFor.version !== item.version) {
    setLoadedFor({ key: item.key, version: item.version });
    setLoad({ status: 'loading' });
  }

  useEffect(() => {
    let live = true;
    invoke('items.history', { key: item.key }).then(
      (revisions) => live && setLoad({ status: 'ready', revisions }),
      (err: unknown) => live && setLoad({ status: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [item.key, item.version]);

  const restore = async (r: Revision) => {
    setBusy(true);
    setNotice(null);
    try {
      const restored = await restoreRevision(r.id);
      if (restored) setNotice(`#${r.id} の変更前の${fieldLabel(r.field, fiscalYear)}に戻しました(版 ${restored.version})。`);
    } catch (err) {
      setNotice(`復元できませんでした: ${messageOf(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="history" aria-label="変更履歴">
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {load.status === 'loading' && <StatusMessage kind="loading">変更履歴を読み込んでいます…</StatusMessage>}
      {load.status === 'error' && <StatusMessage kind="error">変更履歴を読み込めませんでした: {load.message}</StatusMessage>}
      {load.status === 'ready' &&
        (load.revisions.length === 0 ? (
          <StatusMessage kind="empty">この項目はまだ変更されていません(資料から取り込んだままです)。</StatusMessage>
        ) : (
          <ol className="revisions">
            {load.revisions.map((r) => (
              <RevisionEntry key={r.id} revision={r} onRestore={(x) => void restore(x)} busy={busy} />
            ))}
          </ol>
        ))}
    </section>
  );
}
