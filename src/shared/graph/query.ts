// Questions the view and the CLI ask of a built graph: find a node, a node's neighbourhood (never
// the whole graph: the 100× plan would be a hairball), items related through shared entities.
import { itemNodeId, projectNodeId, relatedBySharedEntities, textKey, type KnowledgeGraph } from './build';
import { sentenceAround } from './sentence';
import { foldText } from './fold';
import type { EntityInfo, GraphEdge, GraphNode, MentionView, Neighbourhood, NodeType, RelatedItem } from './types';

export function searchNodes(graph: KnowledgeGraph, query: string, types: readonly NodeType[] | undefined, limit: number): GraphNode[] {
  const q = foldText(query.trim()).replace(/\s+/g, '');
  if (!q) return [];
  const scored: { node: GraphNode; rank: number }[] = [];
  for (const node of graph.nodes.values()) {
    if (types && !types.includes(node.type)) continue;
    const label = foldText(node.label).replace(/\s+/g, '');
    const at = label.indexOf(q);
    if (at < 0) continue;
    // Exact names first, then names that start with the query, then the rest; heavier nodes first.
    scored.push({ node, rank: label === q ? 0 : at === 0 ? 1 : 2 });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || b.node.weight - a.node.weight || a.node.label.localeCompare(b.node.label, 'ja'))
    .slice(0, limit)
    .map((s) => s.node);
}

function otherEnd(e: GraphEdge, id: string): string {
  return e.source === id ? e.target : e.source;
}

/** The items an item shares entities with, strongest first, as `shared` edges. */
function sharedEdges(graph: KnowledgeGraph, key: string, limit: number): GraphEdge[] {
  return relatedBySharedEntities(graph, key, limit).map((r) => ({
    source: itemNodeId(key),
    target: itemNodeId(r.key),
    kind: 'shared' as const,
    weight: r.score,
    via: r.shared.map((id) => graph.entities.get(id)?.label ?? id),
  }));
}

const SHARED_PER_ITEM = 8;

/**
 * A node and its direct neighbours of the given types, the heaviest `limit` of them, with the
 * edges among everything shown. Returns null for an unknown node.
 */
export function neighbourhood(
  graph: KnowledgeGraph,
  id: string,
  types: readonly NodeType[] | undefined,
  limit: number,
): Neighbourhood | null {
  const center = graph.nodes.get(id);
  if (!center) return null;
  const own = [...(graph.adjacency.get(id) ?? [])];
  if (center.type === 'item') own.push(...sharedEdges(graph, id.slice('item:'.length), SHARED_PER_ITEM));
  const best = new Map<string, GraphEdge>();
  for (const e of own) {
    const other = graph.nodes.get(otherEnd(e, id));
    if (!other || (types && !types.includes(other.type))) continue;
    const prev = best.get(other.id);
    if (!prev || e.weight > prev.weight) best.set(other.id, e);
  }
  const ranked = [...best].sort(([a, ea], [b, eb]) => eb.weight - ea.weight || graph.nodes.get(b)!.weight - graph.nodes.get(a)!.weight);
  const kept = ranked.slice(0, limit);
  const shown = new Set([id, ...kept.map(([n]) => n)]);
  const edges: GraphEdge[] = own.filter((e) => shown.has(otherEnd(e, id)));
  // Edges among the neighbours (an item's ministry also names the same law…), from the smaller side.
  for (const [n] of kept) {
    for (const e of graph.adjacency.get(n) ?? []) {
      const o = otherEnd(e, n);
      if (o !== id && shown.has(o) && n < o) edges.push(e);
    }
  }
  return { center, nodes: [center, ...kept.map(([n]) => graph.nodes.get(n)!)], edges, truncated: ranked.length - kept.length };
}

/** Items sharing entities with an item: `[{ key, title, shared, score }]`, strongest first. */
export function relatedItems(graph: KnowledgeGraph, key: string, limit: number): RelatedItem[] {
  return relatedBySharedEntities(graph, key, limit).map((r) => ({
    key: r.key,
    title: graph.nodes.get(itemNodeId(r.key))?.label.slice(r.key.length + 1) ?? '',
    shared: r.shared.map((id) => graph.entities.get(id)?.label ?? id),
    score: r.score,
  }));
}

function titleOf(graph: KnowledgeGraph, source: string, field: string): string {
  if (field === 'project') return graph.nodes.get(projectNodeId(source))?.label ?? source;
  return graph.nodes.get(itemNodeId(source))?.label ?? source;
}

/** Every mention of an entity with the sentence it sits in, in plan order. */
export function mentionViews(graph: KnowledgeGraph, entityId: string): MentionView[] {
  return (graph.mentionsByEntity.get(entityId) ?? []).map((m) => {
    const text = graph.texts.get(textKey(m.source, m.field, m.bullet)) ?? '';
    const { sentence, offset } = sentenceAround(text, m.start, m.end);
    return { ...m, sentence, sentenceStart: m.start - offset, sentenceEnd: m.end - offset, sourceTitle: titleOf(graph, m.source, m.field) };
  });
}

export function entityInfo(graph: KnowledgeGraph, entityId: string): EntityInfo | null {
  const e = graph.entities.get(entityId);
  if (!e) return null;
  return {
    id: e.id,
    type: e.type,
    label: e.label,
    origin: e.origin,
    mentions: graph.mentionsByEntity.get(e.id)?.length ?? 0,
    items: graph.itemsByEntity.get(e.id)?.size ?? 0,
    hidden: e.hidden,
    merged: e.merged,
  };
}
