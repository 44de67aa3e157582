// The page's one app store (zustand): the loaded plan, filters, search, the open item and its edit
// draft, and the two questions the app may have to ask (discard unsaved edits? who is editing?).
// Only the shape lives here; what changes it lives in the modules named for each job (boot,
// navigation guard, screens, item cache, filter actions, outline, search, author, editing).
// Components subscribe to the slices they show, so a keystroke in the search box re-renders the
// search box, not the whole page.
import { create } from 'zustand';
import type { PlanOverview, SearchHit } from '../../../shared/api';
import type { Item, ItemSummary } from '../../../shared/domain';
import { NO_FILTERS, type Filters } from './filters';
import type { Draft } from './draft';

/** Why the last save failed; the draft stays on screen either way. */
export interface SaveError {
  message: string;
  /** Another program held the database: the same save can simply be tried again. */
  retry: boolean;
}

export type View =
  | 'item'
  | 'boilerplate'
  | 'projects'
  | 'imports'
  | 'annotations'
  | 'pack'
  | 'dashboard'
  | 'quality-help'
  | 'graph'
  | 'editions'
  | 'changes';
export type ItemTab = 'compare' | 'history' | 'followup';

export interface BulletTarget {
  field: 'actions' | 'future';
  ord: number;
}

type Load<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export interface SearchState {
  /** The query the hits answer (the box may already hold a newer one). */
  query: string;
  hits: SearchHit[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  /** 「もしかして」: the index word closest to a query that found nothing. */
  suggestion?: string | null;
}

export interface AppState {
  boot: Load<true>;
  overview: PlanOverview | null;
  items: ItemSummary[];
  author: string;

  filters: Filters;
  /** Outline sections whose intro bullets are shown. */
  expandedIntros: string[];
  /** What the search box holds. */
  searchInput: string;
  search: SearchState;
  /** Search every edition held, not only the one shown. */
  searchAllEditions: boolean;
  /** An archived edition shown read-only instead of the current one (null: the current edition). */
  archivedEdition: number | null;

  view: View;
  itemTab: ItemTab;
  selectedKey: string | null;
  /** A bullet to scroll to and mark once the item is shown (from a search hit). */
  target: BulletTarget | null;
  /** Bumps when the item view should take the focus (Enter in the list). */
  focusItemNonce: number;
  /** Bumps when the list should take the focus (Esc in the item view). */
  focusListNonce: number;
  itemCache: Record<string, Item>;
  itemLoad: { key: string; status: 'loading' | 'error'; message?: string } | null;

  draft: Draft | null;
  saving: boolean;
  saveError: SaveError | null;

  /** A navigation waiting for "discard unsaved edits?". */
  pendingNavigation: (() => void) | null;
  /** A waiting "who are you?" question. */
  authorPrompt: { resolve: (name: string | null) => void } | null;
}

const initial: AppState = {
  boot: { status: 'idle' },
  overview: null,
  items: [],
  author: '',
  filters: NO_FILTERS,
  expandedIntros: [],
  searchInput: '',
  search: { query: '', hits: [], status: 'idle' },
  searchAllEditions: false,
  archivedEdition: null,
  view: 'item',
  itemTab: 'compare',
  selectedKey: null,
  target: null,
  focusItemNonce: 0,
  focusListNonce: 0,
  itemCache: {},
  itemLoad: null,
  draft: null,
  saving: false,
  saveError: null,
  pendingNavigation: null,
  authorPrompt: null,
};

export const useApp = create<AppState>()(() => initial);
