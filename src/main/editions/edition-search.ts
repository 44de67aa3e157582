// Search in an archived edition: its items are a frozen snapshot, not in the live index, and read
// rarely, so a plain scan of their folded text is enough (5,600 items at 100× in tens of ms).
import type { SearchHit } from '../../shared/api';
import { foldForMatch } from '../../shared/text/normalize';
import type { Db } from '../store/database';
import { markMatches, snippetOf } from '../store/search';
import { editionItems } from './edition-items';

const WEIGHT = { title: 3, actions: 1, future: 1 } as const;

export function searchEdition(db: Db, fiscalYear: number, query: string, limit = 50): SearchHit[] {
  const q = foldForMatch(query);
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const it of editionItems(db, fiscalYear)) {
    const texts: { field: 'title' | 'actions' | 'future'; ord: number; text: string }[] = [
      { field: 'title', ord: 0, text: it.title },
      ...it.actions.map((b, ord) => ({ field: 'actions' as const, ord, text: b.text })),
      ...it.future.map((b, ord) => ({ field: 'future' as const, ord, text: b.text })),
    ];
    for (const t of texts) {
      const marks = markMatches(t.text, q);
      if (marks.length === 0) continue;
      hits.push({
        key: it.key,
        kind: 'item',
        field: t.field,
        ord: t.ord,
        score: marks.length * WEIGHT[t.field],
        edition: fiscalYear,
        ...snippetOf(t.text, marks),
      });
    }
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
