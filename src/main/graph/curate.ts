// Staff curation of one entity, checked before it is stored: the entity must exist, a merge must
// name another existing entity and must not come back to itself.
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
  if (next.mergedInto !== null) {
    if (next.mergedInto === change.id) throw new AppError('bad_request', '固有名を自分自身には統合できません。');
    if (!graph.entities.has(next.mergedInto)) throw new AppError('not_found', `統合先の固有名が見つかりません: ${next.mergedInto}`);
    const trial = new Map(curation).set(change.id, next);
    if (resolveEntityId(next.mergedInto, trial) === change.id || resolveEntityId(change.id, trial) === change.id) {
      throw new AppError('bad_request', '統合先がこの固有名に統合されているため、統合すると循環します。');
    }
  }
  db.transaction(() => writeCuration(db, next, author))();
  const after = planGraph(db);
  const shownAs = resolveEntityId(change.id, readCuration(db));
  return entityInfo(after, after.entities.has(shownAs) ? shownAs : change.id)!;
}
