// The graph export (JSON or GraphML): to a file (CLI) or as text for the page to save.
import fs from 'node:fs';
import path from 'node:path';
import type { GraphExportResult } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { graphToGraphml, graphToJson, type KnowledgeGraph } from '../../shared/graph';

export function exportGraph(graph: KnowledgeGraph, format: 'json' | 'graphml', outFile?: string): GraphExportResult {
  const data = graphToJson(graph);
  const content = format === 'json' ? `${JSON.stringify(data, null, 1)}\n` : graphToGraphml(graph);
  const counts = { nodes: data.nodes.length, edges: data.edges.length, mentions: data.mentions.length };
  if (outFile === undefined) return { format, file: null, content, ...counts };
  const file = path.resolve(outFile);
  try {
    // Written beside the target and renamed, so a failed write never leaves half a file.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, content, 'utf8');
    fs.renameSync(temp, file);
  } catch (err) {
    throw new AppError('bad_request', `書き出せません(${file}): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return { format, file, content: null, ...counts };
}
