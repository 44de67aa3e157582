// The knowledge graph (ナレッジグラフ), pure: extraction with a dictionary passed in, curation, the
// graph, its queries and its exports.
export * from './types';
export * from './dictionary';
export * from './extract';
export * from './curation';
export * from './build';
export * from './query';
export * from './export';
export * from './sentence';
export { foldText } from './fold';
