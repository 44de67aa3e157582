// The two questions the app may ask: discard unsaved edits before leaving, and who is editing
// (asked once, kept in the preferences).
import { useState } from 'react';
import { useApp } from '../../state/app-state';
import { answerAuthor } from '../../state/author';
import { saveDraft } from '../../state/editing';
import { resolvePendingNavigation } from '../../state/navigation-guard';
import { Dialog } from '../common/Dialog';
import { recentAuthors, rememberAuthor } from './author-first';

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

/** Take a name, keeping the one it replaces among the names offered next time (the PC is shared). */
function choose(name: string, previous: string): void {
  if (previous) rememberAuthor(previous);
  rememberAuthor(name);
  void answerAuthor(name);
}

function AuthorForm({ initial }: { initial: string }) {
  const [name, setName] = useState(initial);
  const trimmed = name.trim();
  const others = recentAuthors().filter((n) => n !== initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed) choose(trimmed, initial);
      }}
    >
      <p>
        編集・注釈・取込の反映は、ここで入力した名前で変更履歴に記録されます。この端末では次回からもこの名前を使います。別の人が使うときは右上の「作成者」から切り替えてください。
      </p>
      {others.length > 0 && (
        <div className="author-recent" role="group" aria-label="この端末で使われた名前">
          <span className="muted">この端末で使われた名前:</span>
          {others.map((n) => (
            <button key={n} type="button" className="button button-small" onClick={() => choose(n, initial)}>
              {n}
            </button>
          ))}
        </div>
      )}
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
    <Dialog open={open} title={author ? '作成者の切り替え' : '作成者名'} onCancel={() => void answerAuthor(null)} className="dialog-narrow">
      {open && <AuthorForm initial={author} />}
    </Dialog>
  );
}
