// A question before an action that changes the plan (apply, discard, publish…): what will happen,
// the action's button and 「やめる」. The focus starts on 「やめる」 so Enter never confirms by accident;
// while the action runs both buttons wait, and the dialog closes when it is done (a failure is
// reported by the screen's own notice, so the dialog need not show it).
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

/** The action's button: its words, what it says while the action runs, its colour, the dialog's width. */
export interface ConfirmAction {
  label: string;
  busyLabel?: string;
  /** `danger` for what throws work away. */
  tone?: 'primary' | 'danger';
  /** A short question (one paragraph) takes the narrow width. */
  narrow?: boolean;
  /** The action's name in the note that the database is backed up first (every apply and publish is). */
  backupFirst?: '反映' | '公開';
}

/** The review screens' two questions, worded the same wherever they are asked. */
export const APPLY: ConfirmAction = { label: 'バックアップを作成して反映', busyLabel: '反映しています…', backupFirst: '反映' };
export const DISCARD: ConfirmAction = { label: '破棄する', tone: 'danger', narrow: true };
export const PUBLISH: ConfirmAction = { label: 'バックアップを作成して公開', busyLabel: '公開しています…', backupFirst: '公開' };

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  /** The action runs (this or another one of the screen): the buttons are disabled. */
  busy: boolean;
  action: ConfirmAction;
  onConfirm: () => Promise<unknown>;
  children: ReactNode;
}

export function ConfirmDialog({ open, title, onClose, busy, action, onConfirm, children }: Props) {
  return (
    <Dialog open={open} title={title} onCancel={onClose} className={action.narrow ? 'dialog-narrow' : undefined}>
      {children}
      {action.backupFirst && (
        <p className="apply-backup">
          {action.backupFirst}の前に、データベースのバックアップを自動で作成します(「バックアップと復元」からいつでも戻せます)。
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className={`button button-${action.tone ?? 'primary'}`}
          disabled={busy}
          onClick={() => void onConfirm().then(onClose)}
        >
          {busy ? (action.busyLabel ?? action.label) : action.label}
        </button>
        <button type="button" className="button" onClick={onClose} disabled={busy} autoFocus>
          やめる
        </button>
      </div>
    </Dialog>
  );
}
