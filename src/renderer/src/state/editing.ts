// Editing an item: starting a draft, changing it, saving each changed field as one revision (checked
// against the version the draft started from), and restoring an old value.
import { cleanBullets } from '../../../shared/bullet-edit';
import type { Bullet, Item, ItemField } from '../../../shared/domain';
import { ApiError, invoke } from '../api-client';
import { useApp, type SaveError } from './app-state';
import { ensureAuthor } from './author';
import { draftFromItem, changedFields, type Draft } from './draft';
import { messageOf } from './error-message';
import { replaceItem } from './item-cache';
import { guardNavigation } from './navigation-guard';

const get = useApp.getState;
const set = useApp.setState;

export function startEditing(key: string): void {
  const item = get().itemCache[key];
  // An archived edition is as it was published: it is read, never edited.
  if (!item || get().archivedEdition !== null) return;
  set({ draft: draftFromItem(item), saveError: null, itemTab: 'compare' });
}

export function updateDraft(change: (d: Draft) => Draft): void {
  set((s) => (s.draft ? { draft: change(s.draft) } : {}));
}

export function cancelEditing(): void {
  guardNavigation(() => undefined);
}

function saveErrorOf(err: unknown): SaveError {
  const code = err instanceof ApiError ? err.payload.code : null;
  if (code === 'conflict') {
    return { message: `${messageOf(err)}(他の画面や取り込みで更新されました。あなたの編集内容はまだ画面に残っています。)`, retry: false };
  }
  if (code === 'busy') return { message: `${messageOf(err)}(あなたの編集内容はまだ画面に残っています。)`, retry: true };
  return { message: messageOf(err), retry: false };
}

/** Save the changed fields of the draft, one revision each, checked against the version the draft started from. */
export async function saveDraft(): Promise<boolean> {
  const { draft, itemCache, saving } = get();
  if (!draft || saving) return false;
  const item = itemCache[draft.key];
  if (!item) return false;
  const fields = changedFields(draft, item);
  if (fields.length === 0) {
    set({ draft: null, saveError: null });
    return true;
  }
  const author = await ensureAuthor();
  if (!author) return false;
  set({ saving: true, saveError: null });
  let version = draft.baseVersion;
  try {
    for (const field of fields) {
      const updated = await invoke('items.update', { key: draft.key, author, expectedVersion: version, ...fieldValue(draft, field) });
      version = updated.version;
      replaceItem(updated);
      // Later fields are checked against the version this save produced.
      updateDraft((d) => ({ ...d, baseVersion: updated.version }));
    }
    set({ draft: null, saving: false });
    return true;
  } catch (err) {
    set({ saving: false, saveError: saveErrorOf(err) });
    return false;
  }
}

function fieldValue(draft: Draft, field: ItemField): { field: 'title'; value: string } | { field: 'actions' | 'future'; value: Bullet[] } {
  if (field === 'title') return { field, value: draft.title.trim() };
  return { field, value: cleanBullets(draft[field]) };
}

/** Put back the value a revision replaced (itself a new revision). */
export async function restoreRevision(revisionId: number): Promise<Item | null> {
  const author = await ensureAuthor();
  if (!author) return null;
  const item = await invoke('items.restore', { revisionId, author });
  replaceItem(item);
  return item;
}
