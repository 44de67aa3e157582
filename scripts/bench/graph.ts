// Benchmark of the knowledge graph at 100× (5,600 items): entity extraction over the whole plan,
// the first graph build, and a neighbourhood of an entity through the API dispatch as the web host
// serves it (the graph then cached). Exported for scripts/bench.ts; rows are [what, figure, target, note].
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDispatch } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import { loadDictionary } from '../../src/main/graph/dictionary-file';
import { readGraphItems, readProjects } from '../../src/main/graph/plan-graph';
import { openDatabase } from '../../src/main/store/database';
import { extractMentions, itemTextUnits, projectTextUnits } from '../../src/shared/graph';

type Row = [string, string, string, string];
const ms = (n: number) => `${n.toFixed(1)} ms`;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * The renderer's JavaScript as last built (out/renderer): the main chunk every start loads, and the
 * graph chunk (Cytoscape.js) loaded when the graph is first opened. Before the graph: 504.2 kB in one chunk.
 */
export function bundleRows(root: string): Row[] {
  const dir = path.join(root, 'out', 'renderer', 'assets');
  if (!fs.existsSync(dir)) return [['renderer bundle', 'not built', '', 'run npm run build first']];
  const js = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  const kb = (f: string) => `${(fs.statSync(path.join(dir, f)).size / 1000).toFixed(1)} kB`;
  return js.map((f): Row => [
    `renderer bundle: ${f.replace(/-[\w-]{8}\.js$/, '.js')}`,
    kb(f),
    '',
    f.startsWith('GraphView') ? 'loaded when the graph is opened' : 'loaded at start',
  ]);
}

export async function benchGraph(dbFile: string): Promise<Row[]> {
  const rows: Row[] = [];
  const db = openDatabase(dbFile);
  try {
    const dictionary = loadDictionary();
    const items = readGraphItems(db);
    const units = [...items.flatMap(itemTextUnits), ...readProjects(db).flatMap(projectTextUnits)];
    let mentions = 0;
    const extraction = Array.from({ length: 3 }, () => {
      const t = performance.now();
      mentions = extractMentions(units, dictionary).mentions.length;
      return performance.now() - t;
    });
    rows.push([
      `entity extraction, whole plan 100× (${items.length} items)`,
      ms(median(extraction)),
      '≤ 2000 ms',
      `median of 3; ${mentions} mentions`,
    ]);

    const dispatch = createDispatch(createHandlers(db), 'web');
    const entity = 'entity:law-jisedai-iryou-kiban';
    let t = performance.now();
    const first = await dispatch('graph.neighbourhood', { id: entity });
    rows.push(['first graph request, 100× (read + extract + build)', ms(performance.now() - t), '', 'once per change of plan or curation']);
    if (!first.ok) throw new Error(first.error.message);
    const times: number[] = [];
    const centres = [entity, 'entity:org-amed', 'entity:db-biobank', 'ministry:厚', 'item:1-1-11'];
    for (let round = 0; round < 10; round++) {
      for (const id of centres) {
        t = performance.now();
        const res = await dispatch('graph.neighbourhood', { id });
        JSON.stringify(res);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    rows.push([
      'neighbourhood of a node p50 / p95, 100×',
      `${ms(times[Math.floor(times.length / 2)]!)} / ${ms(times[Math.floor(times.length * 0.95)]!)}`,
      '≤ 300 ms',
      `${times.length} requests incl. JSON; entities, 厚, an item`,
    ]);
  } finally {
    db.close();
  }
  return rows;
}
