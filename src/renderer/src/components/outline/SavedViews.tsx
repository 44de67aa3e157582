// The saved views in the outline: choosing one shows its filters and search; each can be renamed in
// place or deleted (after a second click to confirm).
import { useEffect, useState, type FormEvent } from 'react';
import type { SavedView } from '../../../../shared/api';
import { applyView, deleteView, loadViews, renameView, useViews } from '../../state/saved-views';
import { filtersFromArgs, filterChips } from '../../state/filters';
import { useApp } from '../../state/app-state';
import { selectSections } from '../../state/plan-selectors';

function describe(view: SavedView, sections: ReturnType<typeof selectSections>): string {
  const parts = filterChips(filtersFromArgs(view.filters), sections).map((c) => c.label);
  if (view.query) parts.push(`検索「${view.query}」`);
  return parts.length > 0 ? parts.join('、') : '条件なし';
}

function ViewEntry({ view }: { view: SavedView }) {
  const sections = useApp(selectSections);
  const readOnly = useApp((s) => s.overview?.readOnly ?? false);
  const [mode, setMode] = useState<'show' | 'rename' | 'confirm'>('show');
  const [name, setName] = useState(view.name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void renameView(view.id, name).then((ok) => ok && setMode('show'));
  };

  if (mode === 'rename') {
    return (
      <li className="saved-view">
        <form className="saved-view-rename" onSubmit={submit}>
          <input
            aria-label={`「${view.name}」の新しい名前`}
            value={name}
            maxLength={50}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && (setName(view.name), setMode('show'))}
          />
          <button type="submit" className="button button-small">
            変更
          </button>
        </form>
      </li>
    );
  }
  return (
    <li className="saved-view">
      <button type="button" className="outline-button saved-view-apply" title={describe(view, sections)} onClick={() => applyView(view)}>
        <span className="outline-title">{view.name}</span>
      </button>
      {readOnly ? null : mode === 'confirm' ? (
        <>
          <button type="button" className="link-button danger" onClick={() => void deleteView(view.id)}>
            削除する
          </button>
          <button type="button" className="link-button" onClick={() => setMode('show')}>
            やめる
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="icon-button"
            aria-label={`ビュー「${view.name}」の名前を変更`}
            title="名前を変更"
            onClick={() => setMode('rename')}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`ビュー「${view.name}」を削除`}
            title="削除"
            onClick={() => setMode('confirm')}
          >
            ×
          </button>
        </>
      )}
    </li>
  );
}

export function SavedViews() {
  const { views, loaded } = useViews();
  const error = useViews((s) => (s.error?.from === 'list' ? s.error.message : null));
  useEffect(() => {
    if (!loaded) void loadViews();
  }, [loaded]);
  if (views.length === 0 && !error) return null;
  return (
    <section className="saved-views" aria-label="保存したビュー">
      <h3 className="saved-views-title">保存したビュー</h3>
      {error && (
        <p className="saved-views-error" role="alert">
          {error}
        </p>
      )}
      <ul className="outline-list">
        {views.map((v) => (
          <ViewEntry key={`${v.id}-${v.name}`} view={v} />
        ))}
      </ul>
    </section>
  );
}
