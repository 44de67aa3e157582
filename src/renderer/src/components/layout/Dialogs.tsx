// The two questions the app may ask: discard unsaved edits before leaving, and who is editing
// (asked once, kept in the preferences).
import { useState } from 'react';
import { answerAuthor, resolvePendingNavigation, saveDraft, useApp } from '../../state/store';
import { Dialog } from '../common/Dialog';

export function UnsavedChangesDialog() {
  const open = useApp((s) => s.pendingNavigation !== null);
  return (
    <Dialog open={open} title="保存していない変更があります" onCancel={() => resolvePendingNavigation(false)}>
      <p>この項目の編集内容はまだ保存されていません。移動すると編集内容は失われます。</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            void saveDraft().then((saved) => resolvePendingNavigation(saved));
          }}
        >
          保存して移動
        </button>
        <button type="button" className="button button-danger" onClick={() => resolvePendingNavigation(true)}>
          破棄して移動
        </button>
        <button type="button" className="button" onClick={() => resolvePendingNavigation(false)} autoFocus>
          編集に戻る
        </button>
      </div>
    </Dialog>
  );
}

function AuthorForm({ initial }: { initial: string }) {
  const [name, setName] = useState(initial);
  const trimmed = name.trim();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed) void answerAuthor(trimmed);
      }}
    >
      <p>変更履歴に記録する名前を入力してください。次回からはこの名前を使います(右上から変更できます)。</p>
      <label className="editor-field">
        <span className="editor-label">作成者名</span>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoFocus required />
      </label>
      <div className="dialog-actions">
        <button type="submit" className="button button-primary" disabled={!trimmed}>
          決定
        </button>
        <button type="button" className="button" onClick={() => void answerAuthor(null)}>
          キャンセル
        </button>
      </div>
    </form>
  );
}

export function AuthorDialog() {
  const open = useApp((s) => s.authorPrompt !== null);
  const author = useApp((s) => s.author);
  return (
    <Dialog open={open} title="作成者名" onCancel={() => void answerAuthor(null)} className="dialog-narrow">
      {open && <AuthorForm initial={author} />}
    </Dialog>
  );
}
