// The knowledge graph built from the plan: items, ministries, sections, integrated projects, AMED
// projects and the curated entities, with the edges between them. Pure: the caller passes the
// plan's items, sections, projects and the curated extraction in.
import { MINISTRY_NAMES, PROJECT_NAMES, type Bullet, type ItemSummary, type Section } from '../domain';
import type { ProjectRecord } from '../project';
import type { CuratedExtraction, CuratedEntity } from './curation';
import type { TextUnit } from './extract';
import type { EdgeKind, GraphEdge, GraphNode, Mention } from './types';

/** What the graph needs of an item: its tags and the text of its title and bullets. */
export type GraphItem = Pick<ItemSummary, 'key' | 'title' | 'major' | 'middle' | 'area' | 'ministries' | 'lead' | 'pj' | 'relistedFrom'> & {
  actions: Bullet[];
  future: Bullet[];
};

export interface KnowledgeGraph {
  nodes: Map<string, GraphNode>;
  /** Every stored edge, by both of its ends. Item–item `shared` edges are computed on demand (see related.ts). */
  adjacency: Map<string, GraphEdge[]>;
  edges: GraphEdge[];
  entities: Map<string, CuratedEntity>;
  /** Mentions by entity id (hidden entities' too: they have no node). */
  mentionsByEntity: Map<string, Mention[]>;
  /** Entity id → mention count, per item key or project key. */
  entitiesBySource: Map<string, Map<string, number>>;
  /** Item keys naming each entity. */
  itemsByEntity: Map<string, Set<string>>;
  itemCount: number;
  /** The text each mention points into, by `source/field/bullet` (see textKey). */
  texts: Map<string, string>;
}

export const textKey = (source: string, field: string, bullet: number): string => `${source}/${field}/${bullet}`;

export const itemNodeId = (key: string): string => `item:${key}`;
export const entityNodeId = (id: string): string => `entity:${id}`;
export const projectNodeId = (key: string): string => `project:${key}`;

/** The pieces of an item the extraction reads: title, then each bullet of both fields. */
export function itemTextUnits(item: Pick<GraphItem, 'key' | 'title' | 'actions' | 'future'>): TextUnit[] {
  return [
    { source: item.key, field: 'title', bullet: 0, text: item.title },
    ...item.actions.map((b, i) => ({ source: item.key, field: 'actions' as const, bullet: i, text: b.text })),
    ...item.future.map((b, i) => ({ source: item.key, field: 'future' as const, bullet: i, text: b.text })),
  ];
}

/** The paragraphs of an AMED project sheet, numbered in reading order. */
export function projectTextUnits(p: ProjectRecord): TextUnit[] {
  const parts = [
    p.name,
    ...p.background.split('\n'),
    ...p.purpose.split('\n'),
    ...p.topics.flatMap((t) => [t.title, t.summary, t.outcome]),
    ...p.achievements,
  ];
  return parts.filter((t) => t.trim() !== '').map((text, i) => ({ source: p.key, field: 'project' as const, bullet: i, text }));
}

export interface GraphInput {
  items: GraphItem[];
  sections: Section[];
  projects: ProjectRecord[];
  extraction: CuratedExtraction;
}

export function buildGraph({ items, sections, projects, extraction }: GraphInput): KnowledgeGraph {
  const nodes = new Map<string, GraphNode>();
  const adjacency = new Map<string, GraphEdge[]>();
  const edges: GraphEdge[] = [];
  const node = (id: string, type: GraphNode['type'], label: string) => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, type, label, weight: 0 }));
    return n;
  };
  const edge = (source: string, target: string, kind: EdgeKind, weight = 1, via?: string[]) => {
    const e: GraphEdge = via ? { source, target, kind, weight, via } : { source, target, kind, weight };
    edges.push(e);
    for (const end of [source, target]) {
      const list = adjacency.get(end);
      if (list) list.push(e);
      else adjacency.set(end, [e]);
    }
  };

  for (const s of sections) {
    node(`section:${s.id}`, 'section', `${s.id} ${s.title}`);
    const parent = s.id.includes('-') ? `section:${s.id.slice(0, s.id.lastIndexOf('-'))}` : null;
    if (parent) edge(`section:${s.id}`, parent, 'section');
  }
  const sectionIds = new Set(sections.map((s) => s.id));

  for (const item of items) {
    const id = itemNodeId(item.key);
    node(id, 'item', `${item.key} ${item.title}`);
    for (const m of item.ministries) {
      node(`ministry:${m}`, 'ministry', MINISTRY_NAMES[m]).weight += 1;
      edge(id, `ministry:${m}`, item.lead.includes(m) ? 'lead' : 'ministry');
    }
    const sectionId = [item.area === null ? null : `${item.major}-${item.middle}-${item.area}`, `${item.major}-${item.middle}`].find(
      (s) => s !== null && sectionIds.has(s),
    );
    if (sectionId) {
      nodes.get(`section:${sectionId}`)!.weight += 1;
      edge(id, `section:${sectionId}`, 'section');
    }
    for (const pj of item.pj) {
      node(`pj:${pj}`, 'pj', `PJ${pj} ${PROJECT_NAMES[pj - 1] ?? ''}`.trim()).weight += 1;
      edge(id, `pj:${pj}`, 'pj');
    }
  }
  for (const item of items) {
    if (item.relistedFrom && nodes.has(itemNodeId(item.relistedFrom)))
      edge(itemNodeId(item.key), itemNodeId(item.relistedFrom), 'relisted');
  }

  const mentionsByEntity = new Map<string, Mention[]>();
  const entitiesBySource = new Map<string, Map<string, number>>();
  const itemsByEntity = new Map<string, Set<string>>();
  const projectKeys = new Set(projects.map((p) => p.key));
  for (const m of [...extraction.mentions, ...extraction.hiddenMentions]) {
    const list = mentionsByEntity.get(m.entityId);
    if (list) list.push(m);
    else mentionsByEntity.set(m.entityId, [m]);
    // A hidden entity keeps its mentions (the curation list shows them) but leaves the graph.
    if (extraction.entities.get(m.entityId)?.hidden) continue;
    const counts = entitiesBySource.get(m.source) ?? new Map<string, number>();
    counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    entitiesBySource.set(m.source, counts);
    if (m.field !== 'project') {
      const set = itemsByEntity.get(m.entityId) ?? new Set<string>();
      set.add(m.source);
      itemsByEntity.set(m.entityId, set);
    }
  }
  for (const [entityId, list] of mentionsByEntity) {
    const e = extraction.entities.get(entityId)!;
    if (e.hidden) continue;
    node(entityNodeId(entityId), e.type, e.label).weight = list.length;
  }
  for (const p of projects) node(projectNodeId(p.key), 'project', p.name);
  for (const [source, counts] of entitiesBySource) {
    const from = projectKeys.has(source) && !nodes.has(itemNodeId(source)) ? projectNodeId(source) : itemNodeId(source);
    for (const [entityId, n] of counts) edge(from, entityNodeId(entityId), 'mentions', n);
  }
  for (const p of projects) {
    for (const pj of p.pjCategory.match(/PJ\s*([1-8])/gu) ?? []) {
      const n = Number(pj.replace(/\D/g, ''));
      node(`pj:${n}`, 'pj', `PJ${n} ${PROJECT_NAMES[n - 1] ?? ''}`.trim());
      edge(projectNodeId(p.key), `pj:${n}`, 'pj');
    }
  }
  const texts = new Map<string, string>();
  for (const u of [...items.flatMap(itemTextUnits), ...projects.flatMap(projectTextUnits)])
    texts.set(textKey(u.source, u.field, u.bullet), u.text);
  const graph: KnowledgeGraph = {
    nodes,
    adjacency,
    edges,
    entities: extraction.entities,
    mentionsByEntity,
    entitiesBySource,
    itemsByEntity,
    itemCount: items.length,
    texts,
  };
  // An AMED project reaches the items that name what it names (its entities), strongest first.
  for (const p of projects) {
    for (const r of relatedBySharedEntities(graph, p.key, PROJECT_ITEM_LIMIT))
      edge(projectNodeId(p.key), itemNodeId(r.key), 'project', r.score, r.shared);
  }
  return graph;
}

const PROJECT_ITEM_LIMIT = 30;

/** How much a shared entity says: rare ones (named by few items) weigh more. */
export function entityWeight(graph: KnowledgeGraph, entityId: string): number {
  const df = graph.itemsByEntity.get(entityId)?.size ?? 0;
  return Math.log(1 + graph.itemCount / Math.max(1, df));
}

/** Items naming the entities `source` (an item or project key) names, by score; `shared` holds entity ids. */
export function relatedBySharedEntities(
  graph: KnowledgeGraph,
  source: string,
  limit: number,
): { key: string; shared: string[]; score: number }[] {
  const own = graph.entitiesBySource.get(source);
  if (!own) return [];
  const found = new Map<string, { shared: string[]; score: number }>();
  for (const entityId of own.keys()) {
    const w = entityWeight(graph, entityId);
    for (const key of graph.itemsByEntity.get(entityId) ?? []) {
      if (key === source) continue;
      const r = found.get(key) ?? { shared: [], score: 0 };
      r.shared.push(entityId);
      r.score += w;
      found.set(key, r);
    }
  }
  return [...found]
    .map(([key, r]) => ({ key, shared: r.shared, score: Math.round(r.score * 100) / 100 }))
    .sort((a, b) => b.score - a.score || b.shared.length - a.shared.length || a.key.localeCompare(b.key, 'en', { numeric: true }))
    .slice(0, limit);
}
