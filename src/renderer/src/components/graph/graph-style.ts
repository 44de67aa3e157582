// How each node type is drawn on the canvas: colour and shape, and the short label. Cytoscape
// draws on a canvas from this stylesheet object: no CSS text, nothing for the CSP to refuse.
import type { StylesheetJson } from 'cytoscape';
import type { NodeType } from '../../../../shared/graph/types';

export const NODE_COLOURS: Record<NodeType, string> = {
  item: '#2b5797',
  ministry: '#1c6a37',
  section: '#6b717a',
  pj: '#8a5a00',
  project: '#a3261b',
  programme: '#5b3a86',
  database: '#0f6f78',
  law: '#7a5a12',
  organisation: '#b04a7a',
};

const SHAPES: Record<NodeType, string> = {
  item: 'round-rectangle',
  ministry: 'hexagon',
  section: 'rectangle',
  pj: 'diamond',
  project: 'star',
  programme: 'ellipse',
  database: 'barrel',
  law: 'tag',
  organisation: 'octagon',
};

/** Labels on the canvas stay short; the panel beside it shows them in full. */
export function shortLabel(label: string, max = 14): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export function graphStylesheet(font: string): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(short)',
        'font-family': font,
        'font-size': 11,
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        width: 'mapData(size, 0, 30, 18, 44)',
        height: 'mapData(size, 0, 30, 18, 44)',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...(Object.keys(NODE_COLOURS) as NodeType[]).map((t) => ({
      selector: `node[type = "${t}"]`,
      style: { 'background-color': NODE_COLOURS[t], shape: SHAPES[t] as never },
    })),
    { selector: 'node.center', style: { 'border-width': 4, 'border-color': '#1f2328' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1a56c4', 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: { width: 'mapData(weight, 1, 6, 1, 4)', 'line-color': '#c9c5b9', 'curve-style': 'haystack', opacity: 0.8 },
    },
    { selector: 'edge[kind = "lead"]', style: { 'line-color': '#1c6a37' } },
    { selector: 'edge[kind = "shared"]', style: { 'line-style': 'dashed', 'line-color': '#2b5797', 'curve-style': 'bezier' } },
    { selector: 'edge[kind = "relisted"]', style: { 'line-color': '#a3261b' } },
  ];
}
