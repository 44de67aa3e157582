// Editing an item in place: the title and both bullet lists, saved together as one revision per
// changed field. Ctrl+S saves.
import { actionsLabel } from '../../../../shared/editions/fiscal-year';
import type { KeyboardEvent } from 'react';
import { useApp } from '../../state/app-state';
import { saveDraft, updateDraft } from '../../state/editing';
import { reloadItem } from '../../state/item-cache';
import { useFiscalYear } from '../../state/plan-selectors';
import { BulletEditor } from './BulletEditor';

export function ItemEditor() {
  const draft = useApp((s) => s.draft);
  const fiscalYear = useFiscalYear();
  const saveError = useApp((s) => s.saveError);
  if (!draft) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void saveDraft();
    }
  };

  return (
    <div className="item-editor" onKeyDown={onKeyDown}>
      {saveError && (
        <div className="save-error" role="alert">
          <p>保存できませんでした: {saveError.message}</p>
          {saveError.retry ? (
            <button type="button" className="button" onClick={() => void saveDraft()}>
              もう一度保存
            </button>
          ) : (
            <button type="button" className="button" onClick={() => reloadItem(draft.key)}>
              最新の内容を読み込む(この編集は破棄)
            </button>
          )}
        </div>
      )}
      <label className="editor-field">
        <span className="editor-label">小項目名</span>
        <textarea
          className="editor-title"
          value={draft.title}
          rows={2}
          onChange={(e) => {
            const title = e.target.value;
            updateDraft((d) => ({ ...d, title }));
          }}
        />
      </label>
      <p className="editor-hint">Alt+↑↓ で並べ替え、Alt+→ / Alt+← で字下げ・字上げ、Ctrl+S で保存。空の箇条書きは保存時に除かれます。</p>
      <div className="columns">
        <BulletEditor field="actions" heading={actionsLabel(fiscalYear)} />
        <BulletEditor field="future" heading="今後の方向性・課題など" />
      </div>
    </div>
  );
}
