// Staff curation applied to an extraction: merged entities point at the one they were merged into,
// renamed ones show their new label, hidden ones leave the graph. Pure.
import type { Extraction, ExtractedEntity } from './extract';
import type { EntityCuration, Mention } from './types';

/** Longest chain of merges followed; a longer one (or a cycle) stops where it is. */
const MAX_MERGE_DEPTH = 32;

export interface CuratedEntity extends ExtractedEntity {
  hidden: boolean;
  /** Ids merged into this one. */
  merged: string[];
}

export interface CuratedExtraction {
  entities: Map<string, CuratedEntity>;
  /** Mentions of visible entities, each pointing at the entity it was merged into. */
  mentions: Mention[];
  /** Mentions of hidden entities, kept so the curation screen can show why they were found. */
  hiddenMentions: Mention[];
}

/** The entity an id ends up as after following merges (itself when not merged). */
export function resolveEntityId(id: string, curation: ReadonlyMap<string, EntityCuration>): string {
  let current = id;
  const seen = new Set<string>([id]);
  for (let depth = 0; depth < MAX_MERGE_DEPTH; depth++) {
    const next = curation.get(current)?.mergedInto;
    if (!next || seen.has(next)) break;
    seen.add(next);
    current = next;
  }
  return current;
}

export function applyCuration(extraction: Extraction, curation: ReadonlyMap<string, EntityCuration>): CuratedExtraction {
  const entities = new Map<string, CuratedEntity>();
  for (const e of extraction.entities.values()) {
    const target = resolveEntityId(e.id, curation);
    if (target !== e.id && extraction.entities.has(target)) continue;
    const c = curation.get(e.id);
    entities.set(e.id, { ...e, label: c?.label ?? e.label, hidden: c?.hidden ?? false, merged: [] });
  }
  for (const e of extraction.entities.values()) {
    const target = resolveEntityId(e.id, curation);
    if (target !== e.id) entities.get(target)?.merged.push(e.id);
  }
  const mentions: Mention[] = [];
  const hiddenMentions: Mention[] = [];
  for (const m of extraction.mentions) {
    const target = resolveEntityId(m.entityId, curation);
    const id = entities.has(target) ? target : m.entityId;
    const entity = entities.get(id)!;
    (entity.hidden ? hiddenMentions : mentions).push(id === m.entityId ? m : { ...m, entityId: id });
  }
  return { entities, mentions, hiddenMentions };
}
