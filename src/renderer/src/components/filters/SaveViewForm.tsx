// 「ビューを保存」: names the current filters and search and saves them as a view for the outline.
import { useState, type FormEvent } from 'react';
import { clearViewError, saveCurrentView, useViews } from '../../state/saved-views';
import { useApp } from '../../state/app-state';

export function SaveViewForm() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const error = useViews((s) => (s.error?.from === 'save' ? s.error.message : null));
  // A read-only database cannot store a view: no button that could only fail.
  const readOnly = useApp((s) => s.overview?.readOnly ?? false);

  const close = () => {
    setOpen(false);
    setName('');
    clearViewError();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveCurrentView(name).then((ok) => ok && close());
  };

  if (readOnly) return null;
  if (!open) {
    return (
      <button
        type="button"
        className="button button-small"
        onClick={() => setOpen(true)}
        title="今の絞り込みと検索語を名前を付けて保存します"
      >
        ビューを保存
      </button>
    );
  }
  return (
    <form className="save-view" onSubmit={submit} aria-label="ビューを保存">
      <input
        aria-label="ビューの名前"
        placeholder="例: 厚労省・認知症"
        value={name}
        maxLength={50}
        autoFocus
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      />
      <button type="submit" className="button button-small">
        保存
      </button>
      <button type="button" className="link-button" onClick={close}>
        キャンセル
      </button>
      {error && (
        <span className="save-view-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
