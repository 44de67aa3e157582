// A question before an action that changes the plan (apply, discard, publish…): what will happen,
// the action's button and 「やめる」. The focus starts on 「やめる」 so Enter never confirms by accident;
// while the action runs both buttons wait, and the dialog closes when it is done (a failure is
// reported by the screen's own notice, so the dialog need not show it).
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  /** The action runs (this or another one of the screen): the buttons are disabled. */
  busy: boolean;
  /** The confirming button's words, and what it says while the action runs (default: the same). */
  confirmLabel: string;
  busyLabel?: string;
  /** `danger` for what throws work away. */
  tone?: 'primary' | 'danger';
  onConfirm: () => Promise<unknown>;
  /** A short question (one paragraph) takes the narrow width. */
  narrow?: boolean;
  children: ReactNode;
}

export function ConfirmDialog({
  open,
  title,
  onClose,
  busy,
  confirmLabel,
  busyLabel,
  tone = 'primary',
  onConfirm,
  narrow,
  children,
}: Props) {
  return (
    <Dialog open={open} title={title} onCancel={onClose} className={narrow ? 'dialog-narrow' : undefined}>
      {children}
      <div className="dialog-actions">
        <button type="button" className={`button button-${tone}`} disabled={busy} onClick={() => void onConfirm().then(onClose)}>
          {busy ? (busyLabel ?? confirmLabel) : confirmLabel}
        </button>
        <button type="button" className="button" onClick={onClose} disabled={busy} autoFocus>
          やめる
        </button>
      </div>
    </Dialog>
  );
}

/** Said before every apply: the database is backed up first. */
export function BackupFirstNote() {
  return (
    <p className="apply-backup">反映の前に、データベースのバックアップを自動で作成します(「バックアップと復元」からいつでも戻せます)。</p>
  );
}
