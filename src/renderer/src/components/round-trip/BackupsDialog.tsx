// Backups of the database (one is made before every import is applied and before every restore, and
// one can be made by hand): when, why, how big, where, the files set aside as unusable, and a restore
// that asks first. After a restore the page reads everything again.
import { useEffect, useState } from 'react';
import type { BackupInfo, BackupListing } from '../../../../shared/imports';
import { formatBytes } from '../../files';
import { closeFileDialog, createBackup, listBackups, restoreBackup, useRoundTrip } from '../../state/round-trip';
import { messageOf } from '../../state/error-message';
import { Dialog } from '../common/Dialog';
import { StatusMessage } from '../common/StatusMessage';

/** The reason a backup was taken, from its name. */
export function backupReason(reason: string): string {
  const m = /^before-import-(\d+)$/.exec(reason);
  if (m) return `取り込み #${m[1]} の反映前`;
  if (reason === 'before-restore') return '復元の前';
  if (reason === 'manual') return '手動';
  return reason || '不明';
}

type Load = { status: 'loading' } | { status: 'ready'; listing: BackupListing } | { status: 'error'; message: string };

function BackupsBody() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let live = true;
    listBackups().then(
      (listing) => live && setLoad({ status: 'ready', listing }),
      (err: unknown) => live && setLoad({ status: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [nonce]);

  const restore = async (b: BackupInfo) => {
    setBusy(true);
    setNotice(null);
    try {
      const r = await restoreBackup(b.name);
      setNotice({
        kind: 'ok',
        text: `${new Date(r.restored.createdAt).toLocaleString('ja-JP')} のバックアップに戻しました。戻す前の内容もバックアップしました(${r.safety.name})。画面の内容を読み込み直しました。`,
      });
      setConfirm(null);
      setNonce((n) => n + 1);
    } catch (err) {
      setNotice({ kind: 'error', text: `復元できませんでした: ${messageOf(err)}` });
    } finally {
      setBusy(false);
    }
  };

  const backUpNow = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const b = await createBackup();
      setNotice({
        kind: 'ok',
        text: `バックアップしました(${b.items} 項目、${formatBytes(b.bytes)})。手動のバックアップは自動では削除しません。`,
      });
      setNonce((n) => n + 1);
    } catch (err) {
      setNotice({ kind: 'error', text: `バックアップできませんでした: ${messageOf(err)}` });
    } finally {
      setBusy(false);
    }
  };

  if (confirm) {
    return (
      <div role="group" aria-label="復元の確認">
        <p>
          <strong>{new Date(confirm.createdAt).toLocaleString('ja-JP')}</strong>({backupReason(confirm.reason)}
          )のバックアップの内容に戻します。 それ以降の編集・取り込みの反映はすべて取り消されます。
        </p>
        <p>戻す前に、現在の内容を自動でバックアップします(あとからこの一覧で元に戻せます)。</p>
        {notice?.kind === 'error' && <StatusMessage kind="error">{notice.text}</StatusMessage>}
        <div className="dialog-actions">
          <button type="button" className="button button-danger" onClick={() => void restore(confirm)} disabled={busy}>
            {busy ? '復元しています…' : 'このバックアップに戻す'}
          </button>
          <button type="button" className="button" onClick={() => setConfirm(null)} disabled={busy} autoFocus>
            やめる
          </button>
        </div>
      </div>
    );
  }

  return (
    <>
      {notice && (
        <p className={notice.kind === 'ok' ? 'notice' : 'notice notice-error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      <p>
        取り込みを反映する前と、復元する前に、データベースのバックアップを自動で作っています(自動のものは新しい順に 20
        件まで保持し、手動のものはすべて保持します)。
      </p>
      {load.status === 'loading' && <StatusMessage kind="loading">バックアップの一覧を読み込んでいます…</StatusMessage>}
      {load.status === 'error' && <StatusMessage kind="error">一覧を読み込めませんでした: {load.message}</StatusMessage>}
      {load.status === 'ready' && (
        <p className="backup-folder">
          保存先: <code>{load.listing.dir}</code>(合計 {formatBytes(load.listing.totalBytes)})
        </p>
      )}
      {load.status === 'ready' &&
        (load.listing.backups.length === 0 ? (
          <StatusMessage kind="empty">バックアップはまだありません(取り込みを反映すると作られます)。</StatusMessage>
        ) : (
          <div className="backup-table-wrap">
            <table className="backup-table">
              <thead>
                <tr>
                  <th scope="col">作成日時</th>
                  <th scope="col">理由</th>
                  <th scope="col" className="num">
                    項目数
                  </th>
                  <th scope="col" className="num">
                    サイズ
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {load.listing.backups.map((b) => (
                  <tr key={b.name}>
                    <td>
                      <time dateTime={b.createdAt} title={b.name}>
                        {new Date(b.createdAt).toLocaleString('ja-JP')}
                      </time>
                    </td>
                    <td>{backupReason(b.reason)}</td>
                    <td className="num">{b.items.toLocaleString('ja-JP')}</td>
                    <td className="num">{formatBytes(b.bytes)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setConfirm(b)}
                        aria-label={`${new Date(b.createdAt).toLocaleString('ja-JP')}(${backupReason(b.reason)})に戻す`}
                      >
                        戻す…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {load.status === 'ready' && load.listing.setAside.length > 0 && (
        <div role="group" aria-label="除外したファイル">
          <p>次のファイルは壊れているか協議会デスクのバックアップではないため、一覧から除外しています(復元には使えません)。</p>
          <ul className="backup-set-aside">
            {load.listing.setAside.map((f) => (
              <li key={f.name}>
                <code>{f.name}</code>({formatBytes(f.bytes)}): {f.problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => void backUpNow()} disabled={busy}>
          {busy ? 'バックアップしています…' : '今すぐバックアップ'}
        </button>
        <button type="button" className="button" onClick={closeFileDialog}>
          閉じる
        </button>
      </div>
    </>
  );
}

export function BackupsDialog() {
  const open = useRoundTrip((s) => s.dialog === 'backups');
  return (
    <Dialog open={open} title="バックアップと復元" onCancel={closeFileDialog} className="dialog-wide">
      {open && <BackupsBody />}
    </Dialog>
  );
}
