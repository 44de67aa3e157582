// The knowledge graph of the plan in this database, built once and kept until the plan, the
// curation or the dictionary file changes: a neighbourhood is then a lookup, not a rebuild.
import fs from 'node:fs';
import type { Bullet, MinistryCode } from '../../shared/domain';
import {
  applyCuration,
  buildGraph,
  extractMentions,
  itemTextUnits,
  projectTextUnits,
  type CompiledDictionary,
  type GraphItem,
  type KnowledgeGraph,
} from '../../shared/graph';
import type { ProjectRecord } from '../../shared/project';
import type { Db } from '../store/database';
import { listItems, listSections } from '../store/plan-store';
import { curationStamp, readCuration } from './curation-store';
import { dictionaryPath, loadDictionary } from './dictionary-file';

interface Cached {
  stamp: string;
  graph: KnowledgeGraph;
}

const cache = new WeakMap<Db, Cached>();

/** Every item with its bullets, in two queries (the 100× plan has 5,600 items). */
export function readGraphItems(db: Db): GraphItem[] {
  const bullets = new Map<string, { actions: Bullet[]; future: Bullet[] }>();
  const rows = db.prepare('SELECT item_key, field, level, text FROM bullets ORDER BY item_key, field, ord').all() as {
    item_key: string;
    field: 'actions' | 'future';
    level: number;
    text: string;
  }[];
  for (const r of rows) {
    let b = bullets.get(r.item_key);
    if (!b) bullets.set(r.item_key, (b = { actions: [], future: [] }));
    b[r.field].push({ text: r.text, level: r.level });
  }
  return listItems(db).map((it) => ({
    ...it,
    ministries: it.ministries as MinistryCode[],
    ...(bullets.get(it.key) ?? { actions: [], future: [] }),
  }));
}

export function readProjects(db: Db): ProjectRecord[] {
  return (db.prepare('SELECT data_json FROM projects ORDER BY key').all() as { data_json: string }[]).map(
    (r) => JSON.parse(r.data_json) as ProjectRecord,
  );
}

function planStamp(db: Db): string {
  const items = db.prepare('SELECT COUNT(*) AS n, total(version) AS v, MAX(updated_at) AS at FROM items').get() as {
    n: number;
    v: number;
    at: string | null;
  };
  const projects = db.prepare('SELECT COUNT(*) AS n, group_concat(key) AS k FROM projects').get() as { n: number; k: string | null };
  let dictionary = 'missing';
  try {
    dictionary = String(fs.statSync(dictionaryPath()).mtimeMs);
  } catch {
    // loadDictionary reports the missing file in Japanese.
  }
  return `${items.n}|${items.v}|${items.at}|${projects.k}|${dictionary}|${curationStamp(db)}`;
}

/** Build the graph from the store with a given dictionary (the bench and tests time this). */
export function buildPlanGraph(db: Db, dictionary: CompiledDictionary): KnowledgeGraph {
  const items = readGraphItems(db);
  const projects = readProjects(db);
  const extraction = extractMentions([...items.flatMap(itemTextUnits), ...projects.flatMap(projectTextUnits)], dictionary);
  return buildGraph({ items, sections: listSections(db), projects, extraction: applyCuration(extraction, readCuration(db)) });
}

export function planGraph(db: Db): KnowledgeGraph {
  const stamp = planStamp(db);
  const hit = cache.get(db);
  if (hit && hit.stamp === stamp) return hit.graph;
  const graph = buildPlanGraph(db, loadDictionary());
  cache.set(db, { stamp, graph });
  return graph;
}
