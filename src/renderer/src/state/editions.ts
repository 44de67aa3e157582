// State of the editions screen (版): the editions held, the staged edition imports and the one under
// review (with the decisions on its ambiguous items, apply and discard), the edition diff (新旧対照)
// and the follow-up of last year's promises. The review works like the Excel round trip's: nothing
// changes until a person applies, and then the whole page is read again (the current edition moved).
import { create } from 'zustand';
import type {
  EditionApplyResult,
  EditionBatchDetail,
  EditionBatchSummary,
  EditionDiff,
  EditionInfo,
  FollowUpReport,
} from '../../../shared/editions';
import { editionLabel } from '../../../shared/editions/fiscal-year';
import { invoke } from '../api-client';
import { readFileBase64, saveBase64 } from '../files';
import { useApp } from './app-state';
import { ensureAuthor } from './author';
import { reloadPlanData } from './boot';
import { messageOf } from './error-message';
import { setFilter } from './filter-actions';
import { setView } from './screens';
import { clearSearch } from './search';
import { showEdition } from './shown-edition';

export type Load<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export type EditionsPage = 'list' | 'review' | 'diff' | 'followup';

export interface EditionUpload {
  name: string;
  status: 'reading' | 'staging' | 'done' | 'error';
  batch: number | null;
  error: string | null;
}

interface EditionsState {
  page: EditionsPage;
  editions: Load<EditionInfo[]>;
  batches: Load<EditionBatchSummary[]>;
  uploads: EditionUpload[];
  selectedBatch: number | null;
  detail: Load<EditionBatchDetail>;
  /** A pair, apply or discard in flight. */
  busy: boolean;
  notice: { kind: 'ok' | 'error'; text: string } | null;
  diffYears: { from: number; to: number } | null;
  diff: Load<EditionDiff>;
  /** The follow-up of the current edition (null until asked; its items are keyed for the item tab). */
  followUp: Load<FollowUpReport>;
}

export const useEditions = create<EditionsState>()(() => ({
  page: 'list',
  editions: { status: 'idle' },
  batches: { status: 'idle' },
  uploads: [],
  selectedBatch: null,
  detail: { status: 'idle' },
  busy: false,
  notice: null,
  diffYears: null,
  diff: { status: 'idle' },
  followUp: { status: 'idle' },
}));

const get = useEditions.getState;
const set = useEditions.setState;

/** Open the editions screen on one of its pages. */
export function openEditions(page: EditionsPage = get().page): void {
  set({ page });
  setView('editions');
}

export function setEditionsPage(page: EditionsPage): void {
  set({ page });
}

// ---------------------------------------------------------------- editions and batches

export async function loadEditions(): Promise<void> {
  if (get().editions.status !== 'ready') set({ editions: { status: 'loading' } });
  try {
    const [editions, batches] = await Promise.all([invoke('editions.list', {}), invoke('editions.batches', {})]);
    set({ editions: { status: 'ready', value: editions }, batches: { status: 'ready', value: batches } });
  } catch (err) {
    set({ editions: { status: 'error', message: messageOf(err) } });
  }
}

let detailSeq = 0;

export async function selectEditionBatch(id: number): Promise<void> {
  const seq = ++detailSeq;
  const same = get().selectedBatch === id;
  set({
    selectedBatch: id,
    page: 'review',
    detail: same && get().detail.status === 'ready' ? get().detail : { status: 'loading' },
    notice: same ? get().notice : null,
  });
  try {
    const value = await invoke('editions.get', { batch: id });
    if (seq === detailSeq) set({ detail: { status: 'ready', value } });
  } catch (err) {
    if (seq === detailSeq) set({ detail: { status: 'error', message: messageOf(err) } });
  }
}

// ---------------------------------------------------------------- staging a new edition's table

/**
 * Stage follow-up tables (text extractions, or the consolidated table workbook) as edition imports, one request per file, and show the
 * first one staged for review. What a file is, is the API's to say (a workbook or a text in another
 * encoding is refused there with a message shown beside the file).
 */
export async function stageEditionFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  openEditions('review');
  set((s) => ({ uploads: [...s.uploads.filter((u) => u.status !== 'done' && u.status !== 'error'), ...files.map((f) => upload(f.name))] }));
  let first: number | null = null;
  for (const file of files) {
    const patch = (p: Partial<EditionUpload>) =>
      set((s) => ({
        uploads: s.uploads.map((u) => (u.name === file.name && u.status !== 'done' && u.status !== 'error' ? { ...u, ...p } : u)),
      }));
    try {
      const dataBase64 = await readFileBase64(file);
      patch({ status: 'staging' });
      const [staged] = await invoke('editions.stage', { uploads: [{ name: file.name, dataBase64 }] });
      patch({ status: 'done', batch: staged!.id });
      first ??= staged!.id;
    } catch (err) {
      // The API's messages name the file already.
      const message = messageOf(err);
      patch({ status: 'error', error: message.startsWith(`${file.name}: `) ? message : `${file.name}: ${message}` });
    }
  }
  await loadEditions();
  if (first !== null) await selectEditionBatch(first);
}

function upload(name: string): EditionUpload {
  return { name, status: 'reading', batch: null, error: null };
}

// ---------------------------------------------------------------- review decisions

/** Decide an ambiguous item: the previous key it is, 'added' (a new item), or null to undo. */
export async function pairEditionItem(batch: number, index: number, decision: string | null): Promise<void> {
  if (get().busy) return;
  set({ busy: true, notice: null });
  try {
    const value = await invoke('editions.pair', { batch, index, decision });
    set({ busy: false, detail: { status: 'ready', value } });
    replaceSummary(value);
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `決定を記録できませんでした: ${messageOf(err)}` } });
  }
}

function replaceSummary(d: EditionBatchSummary): void {
  set((s) =>
    s.batches.status === 'ready'
      ? {
          batches: {
            status: 'ready',
            value: s.batches.value.map((b) =>
              b.id === d.id ? { ...b, status: d.status, counts: d.counts, appliedAt: d.appliedAt, backup: d.backup } : b,
            ),
          },
        }
      : {},
  );
}

function applyNotice(r: EditionApplyResult): string {
  const what =
    r.kind === 'new'
      ? `${editionLabel(r.fiscalYear)}を現行の版にしました(前の版は過去の版として閲覧できます)。`
      : `${editionLabel(r.fiscalYear)}の資料の変更を反映しました。`;
  return `${what}更新 ${r.updated} 項目、追加 ${r.added.length} 項目、削除 ${r.dropped.length} 項目。反映前のバックアップ: ${r.backup}`;
}

export async function applyEditionBatch(batch: number): Promise<EditionApplyResult | null> {
  const author = await ensureAuthor();
  if (!author) return null;
  set({ busy: true, notice: null });
  try {
    const result = await invoke('editions.apply', { batch, author });
    set({
      busy: false,
      notice: { kind: 'ok', text: applyNotice(result) },
      followUp: { status: 'idle' },
      diff: { status: 'idle' },
      diffYears: null,
    });
    // The current edition changed: the page shows it (not an archived one) and reads everything again.
    useApp.setState({ archivedEdition: null });
    await Promise.all([reloadPlanData(), loadEditions(), selectEditionBatch(batch)]);
    return result;
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `反映できませんでした: ${messageOf(err)}` } });
    void selectEditionBatch(batch);
    return null;
  }
}

export async function discardEditionBatch(batch: number): Promise<void> {
  set({ busy: true, notice: null });
  try {
    const summary = await invoke('editions.discard', { batch });
    set({
      busy: false,
      notice: { kind: 'ok', text: `${summary.sourceName}(#${summary.id})の取り込みを破棄しました。版は変わっていません。` },
    });
    await Promise.all([loadEditions(), selectEditionBatch(batch)]);
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `破棄できませんでした: ${messageOf(err)}` } });
  }
}

// ---------------------------------------------------------------- edition diff

let diffSeq = 0;

export async function loadEditionDiff(from: number, to: number): Promise<void> {
  const seq = ++diffSeq;
  set({ diffYears: { from, to }, diff: { status: 'loading' } });
  try {
    const value = await invoke('editions.diff', { from, to });
    if (seq === diffSeq) set({ diff: { status: 'ready', value } });
  } catch (err) {
    if (seq === diffSeq) set({ diff: { status: 'error', message: messageOf(err) } });
  }
}

/** The 新旧対照表 of two editions, saved as a download; resolves to the file name. */
export async function downloadComparison(from: number, to: number): Promise<string> {
  const file = await invoke('editions.exportComparison', { from, to });
  if (!file.dataBase64) throw new Error('新旧対照表のデータが返ってきませんでした。');
  saveBase64(file.file, file.dataBase64);
  return file.file;
}

// ---------------------------------------------------------------- follow-up

let followSeq = 0;

/** The follow-up of the current edition against the one before (read once; again after an apply). */
export async function loadFollowUp(): Promise<void> {
  if (get().followUp.status === 'ready' || get().followUp.status === 'loading') return;
  const seq = ++followSeq;
  set({ followUp: { status: 'loading' } });
  try {
    const value = await invoke('editions.followup', {});
    if (seq === followSeq) set({ followUp: { status: 'ready', value } });
  } catch (err) {
    if (seq === followSeq) set({ followUp: { status: 'error', message: messageOf(err) } });
  }
}

/**
 * Show a set of items as the list (a count of the follow-up overview), in the current edition: the
 * list filter `keys` (src/shared/item-filter.ts) with a chip named `label`.
 */
export function openItemSet(label: string, keys: string[]): void {
  const go = () => {
    clearSearch();
    setFilter('keys', { label, keys });
    setView('item');
  };
  if (useApp.getState().archivedEdition !== null) void showEdition(null).then(go, () => undefined);
  else go();
}
