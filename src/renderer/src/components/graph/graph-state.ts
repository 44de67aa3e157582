// The graph view's state (zustand): what is on the canvas (a neighbourhood, grown step by step),
// the node types shown, the search, and the selected node with its mentions.
import { create } from 'zustand';
import type { EntityInfo, GraphEdge, GraphNode, MentionView, NodeType } from '../../../../shared/graph/types';
import { NODE_TYPES } from '../../../../shared/graph/types';
import { invoke } from '../../api-client';
import { messageOf } from '../../state/error-message';
import { openItem } from '../../state/screens';

/** Neighbours fetched per step: enough to read, few enough to stay a picture and not a hairball. */
export const STEP_LIMIT = 40;

export interface GraphState {
  query: string;
  results: GraphNode[];
  searching: boolean;
  types: NodeType[];
  /** The node the view grew from, and every node on the canvas with its distance from it. */
  center: string | null;
  nodes: Record<string, GraphNode & { hop: number }>;
  edges: Record<string, GraphEdge>;
  expanded: string[];
  truncated: number;
  selected: string | null;
  mentions: { entity: EntityInfo; list: MentionView[] } | null;
  error: string | null;
  /** Bumps on every change of what is drawn, so the canvas re-lays it out once. */
  revision: number;
}

const initial: GraphState = {
  query: '',
  results: [],
  searching: false,
  types: [...NODE_TYPES],
  center: null,
  nodes: {},
  edges: {},
  expanded: [],
  truncated: 0,
  selected: null,
  mentions: null,
  error: null,
  revision: 0,
};

export const useGraph = create<GraphState>()(() => initial);
const get = useGraph.getState;
const set = useGraph.setState;

export const edgeKey = (e: GraphEdge): string => `${e.kind}:${e.source}|${e.target}`;

export async function searchGraph(query: string): Promise<void> {
  set({ query, searching: true, error: null });
  try {
    const results = await invoke('graph.search', { query, limit: 30 });
    if (get().query === query) set({ results, searching: false });
  } catch (err) {
    set({ searching: false, error: messageOf(err) });
  }
}

/** Add a node's neighbourhood to the canvas (or start over from it). */
export async function expandNode(id: string, options: { restart?: boolean } = {}): Promise<void> {
  const { types } = get();
  try {
    const n = await invoke('graph.neighbourhood', { id, types, limit: STEP_LIMIT });
    set((s) => {
      const restart = options.restart || s.center === null;
      const nodes = restart ? {} : { ...s.nodes };
      const edges = restart ? {} : { ...s.edges };
      const base = restart ? 0 : (nodes[id]?.hop ?? 0);
      for (const node of n.nodes) {
        const hop = node.id === id ? base : base + 1;
        const had = nodes[node.id];
        nodes[node.id] = { ...node, hop: had ? Math.min(had.hop, hop) : hop };
      }
      for (const e of n.edges) edges[edgeKey(e)] = e;
      return {
        center: restart ? id : s.center,
        nodes,
        edges,
        expanded: restart ? [id] : [...s.expanded, id],
        truncated: n.truncated,
        selected: id,
        error: null,
        revision: s.revision + 1,
      };
    });
    await selectNode(id);
  } catch (err) {
    set({ error: messageOf(err) });
  }
}

export async function selectNode(id: string): Promise<void> {
  set({ selected: id, mentions: null });
  if (!id.startsWith('entity:')) return;
  try {
    const { entity, mentions } = await invoke('graph.mentions', { id: id.slice('entity:'.length) });
    if (get().selected === id) set({ mentions: { entity, list: mentions } });
  } catch (err) {
    set({ error: messageOf(err) });
  }
}

/** A click on a node: an item opens in the item view; anything else is selected and its mentions listed. */
export function activateNode(id: string): void {
  if (id.startsWith('item:')) openItem(id.slice('item:'.length), { focus: true });
  else void selectNode(id);
}

export function toggleType(type: NodeType): void {
  set((s) => ({
    types: s.types.includes(type) ? s.types.filter((t) => t !== type) : NODE_TYPES.filter((t) => t === type || s.types.includes(t)),
  }));
  const { center } = get();
  if (center) void expandNode(center, { restart: true });
}

/**
 * After a rename, merge or hide: draw the picture again from its centre (or from the entity merged
 * into, when the centre itself was merged away or hidden) and show the entity as it now is.
 */
export async function afterCuration(changedId: string, shownAs: EntityInfo): Promise<void> {
  const { center } = get();
  const changedNode = `entity:${changedId}`;
  const gone = center === changedNode && (shownAs.id !== changedId || shownAs.hidden);
  const from = gone ? (shownAs.hidden ? null : `entity:${shownAs.id}`) : center;
  if (from) await expandNode(from, { restart: true });
  else set((s) => ({ center: null, nodes: {}, edges: {}, expanded: [], selected: null, mentions: null, revision: s.revision + 1 }));
  if (get().query) await searchGraph(get().query);
}
