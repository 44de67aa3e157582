// CLI commands of the knowledge graph: `graph [--json | --graphml] [--out FILE]` (the whole graph
// for other tools, or a summary) and `related KEY [--json]` (items sharing entities with an item).
import { NODE_TYPE_LABELS } from '../../shared/graph/types';
import type { Service } from '../api/service';
import { call, printJson, UsageError, type Io } from './command-io';

interface Values {
  json?: boolean;
  graphml?: boolean;
  out?: string;
}

export async function runGraph(svc: Service, command: 'graph' | 'related', rest: string[], values: Values, io: Io): Promise<void> {
  if (command === 'related') {
    const related = await call(svc, 'graph.related', { key: rest[0]! });
    if (values.json) printJson(io, related);
    else {
      for (const r of related) io.out(`${r.key.padEnd(9)} ${r.score.toFixed(2).padStart(6)}  ${r.title}  [${r.shared.join('、')}]`);
      io.out(`${related.length} 件`);
    }
    return;
  }
  if (values.json && values.graphml) throw new UsageError('choose one of --json and --graphml');
  if (!values.json && !values.graphml) {
    if (values.out) throw new UsageError('--out needs --json or --graphml');
    const entities = await call(svc, 'graph.entities', {});
    const shown = entities.filter((e) => !e.hidden);
    io.out(`固有名 ${shown.length} 件(非表示 ${entities.length - shown.length} 件)。多くの項目に現れるもの:`);
    for (const e of shown.slice(0, 20)) io.out(`  ${e.label}  [${NODE_TYPE_LABELS[e.type]}]  ${e.items} 項目、${e.mentions} 箇所`);
    return;
  }
  const result = await call(svc, 'graph.export', { format: values.graphml ? 'graphml' : 'json', outFile: values.out });
  if (result.file) io.out(`${result.file}: ノード ${result.nodes}、エッジ ${result.edges}、言及 ${result.mentions}`);
  else io.out(result.content!.replace(/\n$/, ''));
}
