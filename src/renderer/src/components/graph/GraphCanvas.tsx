// The canvas: Cytoscape.js draws what the graph state holds. Chosen over sigma.js + graphology for
// one dependency-free package with its own layouts, a 2D-canvas renderer (no WebGL needed on the
// committee's machines) and shipped types; it runs no eval. The view only ever holds neighbourhoods
// (tens of nodes), so canvas speed is ample even on the 100× plan.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { activateNode, expandNode, useGraph } from './graph-state';
import { graphStylesheet, shortLabel } from './graph-style';

/**
 * Cytoscape adds a <style> element for its container unless one with this id exists; the CSP
 * (style-src 'self') would refuse it. An empty placeholder stops it, and graph.css gives the
 * container the `position: relative` that rule held.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function claimStylesheetSlot(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(placeholder);
}

function elementsOf(state: ReturnType<typeof useGraph.getState>): ElementDefinition[] {
  const nodes = Object.values(state.nodes).map((n) => ({
    group: 'nodes' as const,
    data: { id: n.id, type: n.type, short: shortLabel(n.label), size: Math.min(30, n.weight), hop: n.hop },
    classes: n.id === state.center ? 'center' : '',
  }));
  const edges = Object.entries(state.edges).map(([id, e]) => ({
    group: 'edges' as const,
    data: { id, source: e.source, target: e.target, kind: e.kind, weight: e.weight },
  }));
  return [...nodes, ...edges];
}

export function GraphCanvas() {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const revision = useGraph((s) => s.revision);
  const selected = useGraph((s) => s.selected);

  useEffect(() => {
    claimStylesheetSlot();
    const font = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
    const instance = cytoscape({
      container: box.current,
      style: graphStylesheet(font),
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 1.2,
      boxSelectionEnabled: false,
    });
    instance.on('tap', 'node', (e) => activateNode(e.target.id() as string));
    instance.on('dbltap', 'node', (e) => void expandNode(e.target.id() as string));
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const state = useGraph.getState();
    instance.batch(() => {
      instance.elements().remove();
      instance.add(elementsOf(state));
    });
    // Rings by distance from the node the view grew from: that node stays in the middle.
    const maxHop = Math.max(0, ...Object.values(state.nodes).map((n) => n.hop));
    instance
      .layout({
        name: 'concentric',
        concentric: (n) => maxHop - (n.data('hop') as number),
        levelWidth: () => 1,
        minNodeSpacing: 110,
        animate: false,
        fit: true,
        padding: 24,
      })
      .run();
  }, [revision]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.nodes(':selected').unselect();
    if (selected) instance.getElementById(selected).select();
  }, [selected, revision]);

  return (
    <div
      ref={box}
      className="graph-canvas"
      role="img"
      aria-label="ナレッジグラフ(ノードをクリックで選択、小項目は開く、ダブルクリックで広げる)"
    />
  );
}
