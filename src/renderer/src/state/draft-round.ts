// State of next year's round on the editions screen (版): starting the draft edition
// (「新年度の照会を始める」), the ministries its inquiry workbooks can be written for, writing them as
// downloads, and publishing the draft (「公開する」). The editions list itself is state/editions.ts,
// read again after each step.
import { create } from 'zustand';
import type { DraftPublishResult } from '../../../shared/editions';
import { editionLabel } from '../../../shared/editions/fiscal-year';
import { MINISTRY_CODES, type MinistryCode } from '../../../shared/domain';
import { invoke } from '../api-client';
import { saveBase64 } from '../files';
import { loadEditions, useEditions } from './editions';
import { useApp } from './app-state';
import { ensureAuthor } from './author';
import { reloadPlanData } from './boot';
import { messageOf } from './error-message';

interface DraftRoundState {
  /** A start, export or publish in flight. */
  busy: boolean;
  notice: { kind: 'ok' | 'error'; text: string } | null;
  /** The ministries with items in the draft (its workbooks can be written), for the draft's year. */
  ministries: { fiscalYear: number; codes: MinistryCode[] } | null;
}

export const useDraftRound = create<DraftRoundState>()(() => ({ busy: false, notice: null, ministries: null }));

const set = useDraftRound.setState;

export async function startDraftRound(fiscalYear: number): Promise<void> {
  set({ busy: true, notice: null });
  try {
    const r = await invoke('editions.start', { fiscalYear });
    set({
      busy: false,
      notice: {
        kind: 'ok',
        text: `${editionLabel(r.fiscalYear)}(作成中)を作りました(${r.items} 項目)。各府省の照会票を出力できます。現在の版は変わっていません。`,
      },
    });
    await loadEditions();
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `新年度の照会を始められませんでした: ${messageOf(err)}` } });
  }
}

/** The ministries that have items in the draft: the choices of its export. */
export async function loadDraftMinistries(fiscalYear: number): Promise<void> {
  try {
    const items = await invoke('items.list', { edition: fiscalYear });
    const present = new Set(items.flatMap((it) => it.ministries));
    set({ ministries: { fiscalYear, codes: MINISTRY_CODES.filter((c) => present.has(c)) } });
  } catch (err) {
    set({ ministries: { fiscalYear, codes: [] }, notice: { kind: 'error', text: `府省の一覧を読み込めませんでした: ${messageOf(err)}` } });
  }
}

/** The draft's inquiry workbooks, one per ministry, saved as downloads. */
export async function exportDraftInquiries(fiscalYear: number, ministries: MinistryCode[], dueDate: string): Promise<void> {
  set({ busy: true, notice: null });
  try {
    const files = await invoke('excel.exportMinistry', { ministries, edition: fiscalYear, dueDate: dueDate.trim() || undefined });
    for (const f of files) if (f.dataBase64) saveBase64(f.file, f.dataBase64);
    set({
      busy: false,
      notice: {
        kind: 'ok',
        text: `${editionLabel(fiscalYear)}の照会票を ${files.length} 府省分出力しました: ${files.map((f) => f.file).join('、')}`,
      },
    });
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `照会票を出力できませんでした: ${messageOf(err)}` } });
  }
}

export async function discardDraftRound(fiscalYear: number): Promise<void> {
  set({ busy: true, notice: null });
  try {
    await invoke('editions.discardDraft', { fiscalYear });
    set({
      busy: false,
      ministries: null,
      notice: { kind: 'ok', text: `${editionLabel(fiscalYear)}(作成中)を破棄しました。現在の版は変わっていません。` },
    });
    await loadEditions();
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `破棄できませんでした: ${messageOf(err)}` } });
  }
}

export async function publishDraftRound(fiscalYear: number): Promise<DraftPublishResult | null> {
  const author = await ensureAuthor();
  if (!author) return null;
  set({ busy: true, notice: null });
  try {
    const r = await invoke('editions.publish', { fiscalYear, author });
    set({
      busy: false,
      ministries: null,
      notice: {
        kind: 'ok',
        text: `${editionLabel(r.fiscalYear)}を公開し、現在の版にしました(${editionLabel(r.previousYear)}は過去の版として閲覧できます)。更新 ${r.updated} 項目(変更履歴 ${r.revisions} 件)。公開前のバックアップ: ${r.backup}`,
      },
    });
    // The current edition changed: the page shows it and reads everything again.
    useApp.setState({ archivedEdition: null });
    useEditions.setState({ followUp: { status: 'idle' }, diff: { status: 'idle' }, diffYears: null });
    await Promise.all([reloadPlanData(), loadEditions()]);
    return r;
  } catch (err) {
    set({ busy: false, notice: { kind: 'error', text: `公開できませんでした: ${messageOf(err)}` } });
    return null;
  }
}
