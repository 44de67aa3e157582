// The whole graph for other tools: JSON (nodes, edges, mentions with their provenance) and GraphML
// (the same nodes and edges; each mentions edge carries where the words are).
import { itemNodeId, relatedBySharedEntities, type KnowledgeGraph } from './build';
import type { GraphEdge, GraphNode, Mention } from './types';

/** Items sharing entities are linked to their strongest few only: all pairs would be quadratic. */
const SHARED_PER_ITEM = 5;

export interface GraphExport {
  nodes: GraphNode[];
  edges: GraphEdge[];
  mentions: Mention[];
}

function exportEdges(graph: KnowledgeGraph): GraphEdge[] {
  const shared: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const node of graph.nodes.values()) {
    if (node.type !== 'item') continue;
    const key = node.id.slice('item:'.length);
    for (const r of relatedBySharedEntities(graph, key, SHARED_PER_ITEM)) {
      const pair = [key, r.key].sort().join('|');
      if (seen.has(pair)) continue;
      seen.add(pair);
      shared.push({
        source: node.id,
        target: itemNodeId(r.key),
        kind: 'shared',
        weight: r.score,
        via: r.shared.map((id) => `entity:${id}`),
      });
    }
  }
  return [...graph.edges, ...shared];
}

export function graphToJson(graph: KnowledgeGraph): GraphExport {
  return {
    nodes: [...graph.nodes.values()],
    edges: exportEdges(graph),
    mentions: [...graph.mentionsByEntity.values()].flat().filter((m) => !graph.entities.get(m.entityId)?.hidden),
  };
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** One mention as `source/field/bullet:start-end`, the provenance written on a GraphML edge. */
export function provenanceOf(m: Mention): string {
  return `${m.source}/${m.field}/${m.bullet}:${m.start}-${m.end}`;
}

export function graphToGraphml(graph: KnowledgeGraph): string {
  const data = graphToJson(graph);
  const provenance = new Map<string, string[]>();
  for (const m of data.mentions) {
    const key = `${m.field === 'project' ? 'project' : 'item'}:${m.source}|entity:${m.entityId}`;
    const list = provenance.get(key) ?? [];
    list.push(provenanceOf(m));
    provenance.set(key, list);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="nweight" for="node" attr.name="weight" attr.type="double"/>',
    '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="eweight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="via" for="edge" attr.name="via" attr.type="string"/>',
    '  <key id="provenance" for="edge" attr.name="provenance" attr.type="string"/>',
    '  <graph id="council-desk" edgedefault="undirected">',
  ];
  for (const n of data.nodes) {
    lines.push(
      `    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="type">${n.type}</data><data key="nweight">${n.weight}</data></node>`,
    );
  }
  data.edges.forEach((e, i) => {
    const via = e.via ? `<data key="via">${xml(e.via.join(' '))}</data>` : '';
    const prov = e.kind === 'mentions' ? provenance.get(`${e.source}|${e.target}`) : undefined;
    const provData = prov ? `<data key="provenance">${xml(prov.join(' '))}</data>` : '';
    lines.push(
      `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="kind">${e.kind}</data><data key="eweight">${e.weight}</data>${via}${provData}</edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
