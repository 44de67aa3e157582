// Annotation state (issue 5), kept apart from the plan store: the annotations of the items shown,
// the open counts for the outline, the global list (注釈一覧) and its filters, which annotation is
// active (text ↔ panel), and the selection waiting for the floating toolbar.
// The backend re-anchors on every read, so after an item changes its annotations are simply read again.
// Everything read is of the edition on screen (an archived one's annotations, read-only, when one is
// shown): switching editions reads them again.
import { create } from 'zustand';
import type { ArgsOf } from '../../../shared/api';
import type {
  AnnotationColor,
  AnnotationCounts,
  AnnotationImportOutcome,
  AnnotationKind,
  AnnotationStatus,
  AnnotationView,
  CarryForwardResult,
} from '../../../shared/annotations';
import type { ItemField, MinistryCode } from '../../../shared/domain';
import { invoke } from '../api-client';
import { useApp } from './app-state';
import { ensureAuthor } from './author';
import { messageOf } from './error-message';
import { openItem } from './screens';

export interface AnnotationFilters {
  tag: string | null;
  color: AnnotationColor | null;
  status: AnnotationStatus | null;
  kind: AnnotationKind | null;
  author: string | null;
  ministry: MinistryCode | null;
  section: string | null;
}

export const NO_ANNOTATION_FILTERS: AnnotationFilters = {
  tag: null,
  color: null,
  status: null,
  kind: null,
  author: null,
  ministry: null,
  section: null,
};

/** A span of text chosen in the item view, in UTF-16 offsets of its bullet (or the title). */
export interface TextSelection {
  itemKey: string;
  field: ItemField;
  /** Bullet index (0 for the title). */
  bulletIndex: number;
  start: number;
  end: number;
  quote: string;
  /** The item version the offsets were read from. */
  version: number;
}

type ItemAnnotations = { status: 'loading' | 'ready' | 'error'; list: AnnotationView[]; message?: string };

interface AnnotationState {
  byItem: Record<string, ItemAnnotations>;
  counts: AnnotationCounts | null;
  /** The annotation selected in the text or the panel. */
  activeId: string | null;
  /** An annotation to scroll to once its item is shown (from the global list or the panel). */
  pendingJump: { id: string; to: 'text' | 'card' } | null;
  selection: TextSelection | null;

  filters: AnnotationFilters;
  /** Every annotation (for the filter choices) and the filtered ones. */
  all: AnnotationView[];
  list: { status: 'idle' | 'loading' | 'ready' | 'error'; value: AnnotationView[]; message?: string };

  imports: { status: 'idle' | 'running' | 'done' | 'error'; outcomes: AnnotationImportOutcome[]; message?: string };
  carry: { status: 'idle' | 'running' | 'done' | 'error'; result?: CarryForwardResult; message?: string };
}

export const useAnnotations = create<AnnotationState>()(() => ({
  byItem: {},
  counts: null,
  activeId: null,
  pendingJump: null,
  selection: null,
  filters: NO_ANNOTATION_FILTERS,
  all: [],
  list: { status: 'idle', value: [] },
  imports: { status: 'idle', outcomes: [] },
  carry: { status: 'idle' },
}));

const get = useAnnotations.getState;
const set = useAnnotations.setState;

const NONE: AnnotationView[] = [];
export const selectItemAnnotations = (key: string) => (s: AnnotationState) => s.byItem[key]?.list ?? NONE;

// ---------------------------------------------------------------- reading

/** The edition argument of reads: only for an archived edition on screen (the current one is the default). */
function editionArgs(): { edition?: number } {
  const edition = useApp.getState().archivedEdition;
  return edition === null ? {} : { edition };
}

// Another edition on screen: what was read belongs to the one before.
useApp.subscribe((s, prev) => {
  if (s.archivedEdition === prev.archivedEdition) return;
  set({ byItem: {}, activeId: null, pendingJump: null, selection: null, carry: { status: 'idle' } });
  void refreshCounts();
  if (get().list.status !== 'idle') void loadAnnotationList();
});

const itemSeq: Record<string, number> = {};

export async function loadItemAnnotations(key: string): Promise<void> {
  const seq = (itemSeq[key] = (itemSeq[key] ?? 0) + 1);
  set((s) => ({
    byItem: { ...s.byItem, [key]: { status: s.byItem[key]?.status === 'ready' ? 'ready' : 'loading', list: s.byItem[key]?.list ?? [] } },
  }));
  try {
    const list = await invoke('annotations.list', { ...editionArgs(), itemKey: key });
    if (seq === itemSeq[key]) set((s) => ({ byItem: { ...s.byItem, [key]: { status: 'ready', list } } }));
  } catch (err) {
    if (seq === itemSeq[key])
      set((s) => ({ byItem: { ...s.byItem, [key]: { status: 'error', list: s.byItem[key]?.list ?? [], message: messageOf(err) } } }));
  }
}

export async function refreshCounts(): Promise<void> {
  try {
    set({ counts: await invoke('annotations.counts', editionArgs()) });
  } catch {
    // The outline simply shows no annotation counts.
  }
}

function filterArgs(f: AnnotationFilters): ArgsOf<'annotations.list'> {
  const args: NonNullable<ArgsOf<'annotations.list'>> = editionArgs();
  if (f.tag) args.tag = f.tag;
  if (f.color) args.color = f.color;
  if (f.status) args.status = f.status;
  if (f.kind) args.kind = f.kind;
  if (f.author) args.author = f.author;
  if (f.ministry) args.ministry = f.ministry;
  if (f.section) args.section = f.section;
  return args;
}

let listSeq = 0;

/** Read the global list again (all annotations for the filter choices, and the filtered ones). */
export async function loadAnnotationList(): Promise<void> {
  const seq = ++listSeq;
  set((s) => ({ list: { ...s.list, status: 'loading' } }));
  try {
    const [all, value] = await Promise.all([
      invoke('annotations.list', editionArgs()),
      invoke('annotations.list', filterArgs(get().filters)),
    ]);
    if (seq === listSeq) set({ all, list: { status: 'ready', value } });
  } catch (err) {
    if (seq === listSeq) set((s) => ({ list: { status: 'error', value: s.list.value, message: messageOf(err) } }));
  }
}

export function setAnnotationFilter<K extends keyof AnnotationFilters>(key: K, value: AnnotationFilters[K]): void {
  set((s) => ({ filters: { ...s.filters, [key]: value } }));
  void loadAnnotationList();
}

export function clearAnnotationFilters(): void {
  set({ filters: NO_ANNOTATION_FILTERS });
  void loadAnnotationList();
}

/** After a change: the item's list, the counts and (if it was read) the global list. */
function afterChange(itemKey: string): void {
  void loadItemAnnotations(itemKey);
  void refreshCounts();
  if (get().list.status !== 'idle') void loadAnnotationList();
}

function putView(view: AnnotationView): void {
  set((s) => {
    const cur = s.byItem[view.itemKey];
    if (!cur) return {};
    const exists = cur.list.some((a) => a.id === view.id);
    const list = view.deletedAt
      ? cur.list.filter((a) => a.id !== view.id)
      : exists
        ? cur.list.map((a) => (a.id === view.id ? view : a))
        : [...cur.list, view];
    return { byItem: { ...s.byItem, [view.itemKey]: { ...cur, list } } };
  });
}

// ---------------------------------------------------------------- writing

export interface NewAnnotation {
  itemKey: string;
  field: ItemField | null;
  range?: { bulletIndex: number; start: number; end: number };
  expectedVersion?: number;
  kind?: AnnotationKind;
  color?: AnnotationColor;
  comment?: string;
  tags?: string[];
}

/** Create an annotation as the current author (asked once). Null when the user declined to give a name. */
export async function createAnnotation(input: NewAnnotation): Promise<AnnotationView | null> {
  const author = await ensureAuthor();
  if (!author) return null;
  const view = await invoke('annotations.create', { ...input, author });
  putView(view);
  set({ activeId: view.id });
  afterChange(view.itemKey);
  return view;
}

export interface AnnotationChanges {
  comment?: string;
  tags?: string[];
  color?: AnnotationColor;
  status?: AnnotationStatus;
  kind?: AnnotationKind;
}

export async function updateAnnotation(a: AnnotationView, changes: AnnotationChanges): Promise<AnnotationView | null> {
  const author = await ensureAuthor();
  if (!author) return null;
  const view = await invoke('annotations.update', { id: a.id, author, expectedUpdatedAt: a.updatedAt, ...changes });
  putView(view);
  afterChange(view.itemKey);
  return view;
}

export async function deleteAnnotation(a: AnnotationView): Promise<void> {
  const view = await invoke('annotations.delete', { id: a.id });
  putView(view);
  if (get().activeId === a.id) set({ activeId: null });
  afterChange(view.itemKey);
}

export async function replyToAnnotation(a: AnnotationView, text: string): Promise<AnnotationView | null> {
  const author = await ensureAuthor();
  if (!author) return null;
  const view = await invoke('annotations.reply', { id: a.id, text, author });
  putView(view);
  afterChange(view.itemKey);
  return view;
}

// ---------------------------------------------------------------- selection and focus

export function setSelection(selection: TextSelection | null): void {
  const cur = get().selection;
  if (cur === selection) return;
  if (cur && selection && JSON.stringify(cur) === JSON.stringify(selection)) return;
  set({ selection });
}

export function setActiveAnnotation(id: string | null): void {
  set({ activeId: id });
}

/** Show an annotation: open its item if needed, then scroll to its words (or its card). */
export function jumpToAnnotation(a: Pick<AnnotationView, 'id' | 'itemKey'>, to: 'text' | 'card' = 'text'): void {
  set({ activeId: a.id, pendingJump: { id: a.id, to } });
  const app = useApp.getState();
  if (app.view !== 'item' || app.selectedKey !== a.itemKey) openItem(a.itemKey);
}

/** A highlight was clicked: select its annotation and bring its card into view. */
export function showAnnotationCard(id: string): void {
  set({ activeId: id, pendingJump: { id, to: 'card' } });
}

export function takePendingJump(): { id: string; to: 'text' | 'card' } | null {
  const jump = get().pendingJump;
  if (jump) set({ pendingJump: null });
  return jump;
}

// ---------------------------------------------------------------- sharing

export async function importAnnotationFiles(uploads: { name: string; dataBase64: string }[]): Promise<void> {
  set({ imports: { status: 'running', outcomes: [] } });
  try {
    const outcomes = await invoke('annotations.import', { uploads });
    set({ imports: { status: 'done', outcomes }, byItem: {} });
    const key = useApp.getState().selectedKey;
    if (key) void loadItemAnnotations(key);
    void refreshCounts();
    void loadAnnotationList();
  } catch (err) {
    set({ imports: { status: 'error', outcomes: [], message: messageOf(err) } });
  }
}

export function clearImportOutcome(): void {
  set({ imports: { status: 'idle', outcomes: [] } });
}

/** Carry the annotations of edition `from` forward to `to` (the current one), then read everything again. */
export async function carryAnnotationsForward(from: number, to: number): Promise<void> {
  set({ carry: { status: 'running' } });
  try {
    const result = await invoke('annotations.carryForward', { from, to });
    set({ carry: { status: 'done', result }, byItem: {} });
    const key = useApp.getState().selectedKey;
    if (key) void loadItemAnnotations(key);
    void refreshCounts();
    void loadAnnotationList();
  } catch (err) {
    set({ carry: { status: 'error', message: messageOf(err) } });
  }
}
