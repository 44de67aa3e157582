// Save / cancel for the item being edited, with the save error (a refused version included).
import { useApp } from '../../state/app-state';
import { cancelEditing, saveDraft } from '../../state/editing';

export function EditorToolbar() {
  const saving = useApp((s) => s.saving);
  return (
    <span className="editor-toolbar">
      <button
        type="button"
        className="button button-primary"
        onClick={() => void saveDraft()}
        disabled={saving}
        aria-keyshortcuts="Control+S"
      >
        {saving ? '保存中…' : '保存'}
      </button>
      <button type="button" className="button" onClick={cancelEditing} disabled={saving}>
        編集をやめる
      </button>
    </span>
  );
}
