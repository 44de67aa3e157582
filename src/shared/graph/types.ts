// The knowledge graph's data (ナレッジグラフ): nodes, edges and the mentions that prove them.
// Pure types, shared by the extraction (src/shared/graph), the store side (src/main/graph), the API
// contract and the renderer.

/** Named entities found in the text. */
export const ENTITY_TYPES = ['programme', 'database', 'law', 'organisation'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Every kind of node, in the order the view's filter lists them. */
export const NODE_TYPES = ['item', 'ministry', 'section', 'pj', 'project', ...ENTITY_TYPES] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const NODE_TYPE_LABELS: Record<NodeType, string> = {
  item: '小項目',
  ministry: '府省',
  section: '区分',
  pj: '統合プロジェクト',
  project: 'AMED事業',
  programme: '事業・プログラム',
  database: 'データベース・基盤',
  law: '法律・計画',
  organisation: '機関',
};

export type EdgeKind = 'ministry' | 'lead' | 'section' | 'pj' | 'mentions' | 'relisted' | 'shared' | 'project';

export const EDGE_KIND_LABELS: Record<EdgeKind, string> = {
  ministry: '担当',
  lead: '主担当',
  section: '区分',
  pj: '統合プロジェクト',
  mentions: '言及',
  relisted: '再掲',
  shared: '共通の固有名',
  project: '関連',
};

export interface GraphNode {
  /** `item:1-1-1`, `ministry:厚`, `section:1-2`, `pj:5`, `project:<key>`, `entity:<id>`. */
  id: string;
  type: NodeType;
  label: string;
  /** Mentions (entities), items (ministries, sections, PJ), or 0. */
  weight: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  /** Mentions counted for `mentions`, a score for `shared` and `project`, else 1. */
  weight: number;
  /** The entities behind a `shared` or `project` edge. */
  via?: string[];
}

/** Where a mention sits: `project` for an AMED project sheet (field = its part, bullet = its paragraph). */
export type MentionField = 'title' | 'actions' | 'future' | 'project';

/** One occurrence of an entity in the text, with exactly where it is (UTF-16 offsets, end exclusive). */
export interface Mention {
  entityId: string;
  /** Item key, or the AMED project key when field is `project`. */
  source: string;
  field: MentionField;
  /** Bullet index in the field (0 for the title). */
  bullet: number;
  start: number;
  end: number;
  /** The words as written. */
  text: string;
}

/** A mention with its sentence, for the view's list (offsets relative to `sentence`). */
export interface MentionView extends Mention {
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** Item title (or project name). */
  sourceTitle: string;
}

export interface EntityInfo {
  /** Entity id (without the `entity:` prefix). */
  id: string;
  type: EntityType;
  label: string;
  /** Where it came from: the dictionary, or a pattern rule (「…」, …事業, …プログラム). */
  origin: 'dictionary' | 'pattern';
  mentions: number;
  items: number;
  hidden: boolean;
  /** Other entity ids staff merged into this one. */
  merged: string[];
}

export interface Neighbourhood {
  center: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Neighbours left out to keep the view readable (the heaviest are kept). */
  truncated: number;
}

export interface RelatedItem {
  key: string;
  title: string;
  /** Labels of the entities both items name. */
  shared: string[];
  /** Σ over shared entities of log(1 + items / items naming it): rare shared names weigh more. */
  score: number;
}

/** Staff curation of one entity; stored apart from the text so it survives re-ingest. */
export interface EntityCuration {
  id: string;
  label: string | null;
  mergedInto: string | null;
  hidden: boolean;
}
