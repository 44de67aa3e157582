// Staff curation of one entity, checked before it is stored: the entity must exist, a merge must
// name another entity that is still shown on its own (so merges never form a circle).
import { AppError } from '../../shared/errors';
import { entityInfo, resolveEntityId, type EntityCuration, type EntityInfo } from '../../shared/graph';
import type { Db } from '../store/database';
import { readCuration, writeCuration } from './curation-store';
import { planGraph } from './plan-graph';

export interface CurationChange {
  id: string;
  label?: string | null;
  mergeInto?: string | null;
  hidden?: boolean;
}

export function curateEntity(db: Db, change: CurationChange, author: string): EntityInfo {
  const graph = planGraph(db);
  const curation = readCuration(db);
  const known = (id: string) => graph.entities.has(id) || [...graph.entities.values()].some((e) => e.merged.includes(id));
  if (!known(change.id)) throw new AppError('not_found', `固有名が見つかりません: ${change.id}`);
  const before: EntityCuration = curation.get(change.id) ?? { id: change.id, label: null, mergedInto: null, hidden: false };
  const next: EntityCuration = {
    id: change.id,
    label: change.label === undefined ? before.label : change.label,
    mergedInto: change.mergeInto === undefined ? before.mergedInto : change.mergeInto,
    hidden: change.hidden ?? before.hidden,
  };
  if (next.mergedInto !== null && next.mergedInto !== before.mergedInto) {
    // Only into an entity still shown on its own: a chain of merges then never closes into a circle.
    const target = next.mergedInto;
    if (target === change.id) throw new AppError('bad_request', '固有名を自分自身には統合できません。');
    if (!graph.entities.has(target)) {
      const shownAs = graph.entities.get(resolveEntityId(target, curation));
      if (shownAs?.id === change.id)
        throw new AppError('bad_request', `「${target}」は既にこの固有名に統合されています(統合すると循環します)。`);
      if (shownAs && known(target))
        throw new AppError(
          'bad_request',
          `統合先は既に「${shownAs.label}」に統合されています。「${shownAs.label}」を統合先に選んでください。`,
        );
      throw new AppError('not_found', `統合先の固有名が見つかりません: ${target}`);
    }
  }
  db.transaction(() => writeCuration(db, next, author))();
  const after = planGraph(db);
  const shownAs = resolveEntityId(change.id, readCuration(db));
  return entityInfo(after, after.entities.has(shownAs) ? shownAs : change.id)!;
}
