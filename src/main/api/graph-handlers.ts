// The API methods of the knowledge graph (issue 11): search, neighbourhoods, mentions, curation,
// related items and the export.
import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { entityInfo, mentionViews, neighbourhood, relatedItems, searchNodes } from '../../shared/graph';
import { curateEntity } from '../graph/curate';
import { exportGraph } from '../graph/export-file';
import { planGraph } from '../graph/plan-graph';
import type { Db } from '../store/database';
import { findItemRow } from '../store/plan-store';

type GraphMethods =
  'graph.search' | 'graph.neighbourhood' | 'graph.mentions' | 'graph.entities' | 'graph.curate' | 'graph.related' | 'graph.export';

const NEIGHBOURS = 60;

export function graphHandlers(db: Db): Pick<Handlers, GraphMethods> {
  return {
    'graph.search': ({ query, types, limit }) => searchNodes(planGraph(db), query, types, limit ?? 30),
    'graph.neighbourhood': ({ id, types, limit }) => {
      const found = neighbourhood(planGraph(db), id, types, limit ?? NEIGHBOURS);
      if (!found) throw new AppError('not_found', `グラフにないノードです: ${id}`);
      return found;
    },
    'graph.mentions': ({ id }) => {
      const graph = planGraph(db);
      const entity = entityInfo(graph, id);
      if (!entity) throw new AppError('not_found', `固有名が見つかりません: ${id}`);
      return { entity, mentions: mentionViews(graph, id) };
    },
    'graph.entities': () => {
      const graph = planGraph(db);
      return [...graph.entities.keys()]
        .map((id) => entityInfo(graph, id)!)
        .sort((a, b) => b.items - a.items || a.label.localeCompare(b.label, 'ja'));
    },
    'graph.curate': ({ author, ...change }) => curateEntity(db, change, author),
    'graph.related': ({ key, limit }) => {
      if (!findItemRow(db, key)) throw new AppError('not_found', `項目が見つかりません: ${key}`);
      return relatedItems(planGraph(db), key, limit ?? 20);
    },
    'graph.export': ({ format, outFile }) => exportGraph(planGraph(db), format, outFile),
  };
}
