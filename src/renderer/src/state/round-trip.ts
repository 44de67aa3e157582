// State of the Excel round trip in the page: which file dialog is open, the files being imported (one
// request per file, so each shows its own progress and result), the staged batches and the one under
// review, and the actions on them (decide, apply, discard, restore a backup).
import { create } from 'zustand';
import type { ApplyResult, BackupInfo, BackupListing, BatchDetail, BatchSummary, Decision, AnswerFieldName } from '../../../shared/imports';
import { invoke } from '../api-client';
import { isXlsxName, readFileBase64 } from '../files';
import { useApp } from './app-state';
import { ensureAuthor } from './author';
import { reloadPlanData } from './boot';
import { messageOf } from './error-message';
import { setView } from './screens';

export type FileDialog = 'export-ministry' | 'export-table' | 'import' | 'backups' | null;

export interface Upload {
  id: number;
  name: string;
  bytes: number;
  status: 'waiting' | 'reading' | 'staging' | 'done' | 'error';
  /** Reading progress 0..1 (staging has no measurable progress). */
  progress: number;
  batch: number | null;
  error: string | null;
  startedAt: number | null;
}

export type Load<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

interface RoundTripState {
  dialog: FileDialog;
  uploads: Upload[];
  batches: Load<BatchSummary[]>;
  selectedBatch: number | null;
  detail: Load<BatchDetail>;
  /** A decision, apply or discard in flight. */
  busy: boolean;
  /** The outcome of the last action on the batch under review (or its error). */
  notice: { kind: 'ok' | 'error'; text: string } | null;
  lastApply: ApplyResult | null;
}

export const useRoundTrip = create<RoundTripState>()(() => ({
  dialog: null,
  uploads: [],
  batches: { status: 'idle' },
  selectedBatch: null,
  detail: { status: 'idle' },
  busy: false,
  notice: null,
  lastApply: null,
}));

const get = useRoundTrip.getState;
const set = useRoundTrip.setState;

export function openFileDialog(dialog: Exclude<FileDialog, null>): void {
  set({ dialog });
}

export function closeFileDialog(): void {
  set({ dialog: null });
}

// ---------------------------------------------------------------- batches

let listSeq = 0;

export async function loadBatches(): Promise<void> {
  const seq = ++listSeq;
  if (get().batches.status !== 'ready') set({ batches: { status: 'loading' } });
  try {
    const value = await invoke('imports.list', {});
    if (seq !== listSeq) return;
    set({ batches: { status: 'ready', value } });
    const { selectedBatch } = get();
    // Show the first batch still waiting for review, if none is chosen.
    if (selectedBatch === null || !value.some((b) => b.id === selectedBatch)) {
      const first = value.find((b) => b.status === 'staged') ?? value[0];
      if (first) void selectBatch(first.id);
    }
  } catch (err) {
    if (seq === listSeq) set({ batches: { status: 'error', message: messageOf(err) } });
  }
}

let detailSeq = 0;

export async function selectBatch(id: number): Promise<void> {
  const seq = ++detailSeq;
  const same = get().selectedBatch === id;
  set({
    selectedBatch: id,
    detail: same && get().detail.status === 'ready' ? get().detail : { status: 'loading' },
    notice: same ? get().notice : null,
  });
  try {
    const value = await invoke('imports.get', { batch: id });
    if (seq === detailSeq) set({ detail: { status: 'ready', value } });
  } catch (err) {
    if (seq === detailSeq) set({ detail: { status: 'error', message: messageOf(err) } });
  }
}

/** Keep the batch list's summary of a batch in step with its detail. */
function replaceSummary(summary: BatchSummary): void {
  set((s) =>
    s.batches.status === 'ready'
      ? { batches: { status: 'ready', value: s.batches.value.map((b) => (b.id === summary.id ? { ...b, ...pickSummary(summary) } : b)) } }
      : {},
  );
}

function pickSummary(d: BatchSummary): BatchSummary {
  const { id, fileName, sha256, layout, ministry, exportId, status, createdAt, appliedAt, backup, counts, undecidedConflicts, draftYear } =
    d;
  return { id, fileName, sha256, layout, ministry, exportId, status, createdAt, appliedAt, backup, counts, undecidedConflicts, draftYear };
}

export interface DecisionRequest {
  key?: string;
  field?: AnswerFieldName;
  decision: Decision;
  value?: string;
}

export async function decide(batch: number, decisions: DecisionRequest[]): Promise<boolean> {
  if (get().busy) return false;
  set({ busy: true, notice: null });
  try {
    const detail = await invoke('imports.decide', { batch, decisions });
    set({ detail: { status: 'ready', value: detail }, busy: false });
    replaceSummary(detail);
    return true;
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `決定を記録できませんでした: ${messageOf(err)}` } });
    return false;
  }
}

function applyNotice(r: ApplyResult): string {
  const parts = [
    `反映しました: ${r.written} 欄を更新、${r.kept} 欄は現在の値のまま、府省からの補足 ${r.notes} 件を記録。反映前のバックアップ: ${r.backup}`,
  ];
  if (r.untaken.length)
    parts.push(`空になる・大きく削除される ${r.untaken.length} 欄は、欄ごとに採用を選んでいないため現在の値のままです。`);
  if (r.heldBack.length) {
    const where = r.heldBack.map((c) => c.key).join('、');
    parts.push(
      `反映中に別の編集があった ${r.heldBack.length} 欄(${where})は書き込まず、競合として残しました。決めてから反映し直してください。`,
    );
  }
  return parts.join(' ');
}

export async function applyBatch(batch: number): Promise<ApplyResult | null> {
  const author = await ensureAuthor();
  if (!author) return null;
  set({ busy: true, notice: null });
  try {
    const result = await invoke('imports.apply', { batch, author });
    set({
      busy: false,
      lastApply: result,
      notice: { kind: result.heldBack.length ? 'error' : 'ok', text: applyNotice(result) },
    });
    await Promise.all([reloadPlanData(), loadBatches(), selectBatch(batch)]);
    return result;
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `反映できませんでした: ${messageOf(err)}` } });
    // A conflict may have appeared meanwhile (the item changed): show the batch as it is now.
    void selectBatch(batch);
    return null;
  }
}

export async function discardBatch(batch: number): Promise<boolean> {
  set({ busy: true, notice: null });
  try {
    const summary = await invoke('imports.discard', { batch });
    set({
      busy: false,
      notice: { kind: 'ok', text: `${summary.fileName}(#${summary.id})の取り込みを破棄しました。計画は変わっていません。` },
    });
    await Promise.all([loadBatches(), selectBatch(batch)]);
    return true;
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `破棄できませんでした: ${messageOf(err)}` } });
    return false;
  }
}

// ---------------------------------------------------------------- import

let uploadSeq = 0;
let queue: Promise<void> = Promise.resolve();

function patchUpload(id: number, patch: Partial<Upload>): void {
  set((s) => ({ uploads: s.uploads.map((u) => (u.id === id ? { ...u, ...patch } : u)) }));
}

/**
 * Import returned workbooks: each file is read in the page and staged by its own request (so one
 * bad file does not hold up the others, and each shows its own progress and result). Opens the
 * review screen at once.
 */
/**
 * The user is about to import: have the main side start the workbook reader now (imports.prepare),
 * so the first file does not wait for it. Cheap to repeat; a failure only means a slower first file.
 */
export function prepareImport(): void {
  invoke('imports.prepare', {}).catch(() => undefined);
}

export function importFiles(files: readonly File[]): void {
  if (files.length === 0) return;
  set({ dialog: null });
  setView('imports');
  const added: { upload: Upload; file: File }[] = files.map((file) => ({
    file,
    upload: {
      id: ++uploadSeq,
      name: file.name,
      bytes: file.size,
      status: 'waiting',
      progress: 0,
      batch: null,
      error: null,
      startedAt: null,
    },
  }));
  set((s) => ({ uploads: [...s.uploads.filter((u) => u.status !== 'done' && u.status !== 'error'), ...added.map((a) => a.upload)] }));
  for (const { upload, file } of added) {
    queue = queue.then(() => stageOne(upload.id, file));
  }
  void queue.then(() => loadBatches());
}

async function stageOne(id: number, file: File): Promise<void> {
  if (!isXlsxName(file.name)) {
    patchUpload(id, {
      status: 'error',
      error: `${file.name}: Excel ブック(.xlsx)ではありません。Excel で「.xlsx」形式で保存し直してから取り込んでください(.xls や .csv は読み込めません)。`,
    });
    return;
  }
  patchUpload(id, { status: 'reading', startedAt: Date.now() });
  try {
    const dataBase64 = await readFileBase64(file, (progress) => patchUpload(id, { progress }));
    patchUpload(id, { status: 'staging', progress: 1 });
    const [outcome] = await invoke('imports.stage', { uploads: [{ name: file.name, dataBase64 }] });
    if (!outcome || outcome.batch === null) {
      patchUpload(id, { status: 'error', error: outcome?.error ?? `${file.name}: 取り込めませんでした。` });
      return;
    }
    patchUpload(id, { status: 'done', batch: outcome.batch });
    await loadBatches();
    // The first file staged is shown for review while the others are still on their way.
    const { detail } = get();
    if (detail.status !== 'ready' || detail.value.status !== 'staged') void selectBatch(outcome.batch);
  } catch (err) {
    patchUpload(id, { status: 'error', error: `${file.name}: ${messageOf(err)}` });
  }
}

export function clearFinishedUploads(): void {
  set((s) => ({ uploads: s.uploads.filter((u) => u.status !== 'done' && u.status !== 'error') }));
}

// ---------------------------------------------------------------- backups

export async function listBackups(): Promise<BackupListing> {
  return invoke('backups.list', {});
}

/** A manual backup (kept until removed by hand). */
export async function createBackup(): Promise<BackupInfo> {
  return invoke('backups.create', {});
}

/** Put a backup back; then everything on screen is read again. */
export async function restoreBackup(name: string): Promise<{ restored: BackupInfo; safety: BackupInfo }> {
  const result = await invoke('backups.restore', { name });
  await Promise.all([
    reloadPlanData(),
    useApp.getState().view === 'imports' || get().batches.status === 'ready' ? loadBatches() : Promise.resolve(),
  ]);
  const { selectedBatch } = get();
  if (selectedBatch !== null) void selectBatch(selectedBatch);
  return result;
}
