// The entity dictionary (resources/entities.json): its schema, and the compiled form the extraction
// scans with. Pure: main reads the file and passes the parsed JSON in.
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from './types';
import { foldText, isWordChar } from './fold';

const EntitySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,80}$/, '辞書の id は英小文字・数字・ハイフンで書いてください'),
    type: z.enum(ENTITY_TYPES, { message: `辞書の type は ${ENTITY_TYPES.join(' / ')} のいずれかです` }),
    names: z.array(z.string().trim().min(1, '辞書に空の名前があります').max(200)).min(1, '辞書の names が空です'),
  })
  .strict();

export const EntityDictionarySchema = z
  .object({
    $comment: z.string().optional(),
    version: z.literal(1),
    entities: z.array(EntitySchema).max(10_000),
  })
  .strict()
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    const names = new Map<string, string>();
    for (const e of d.entities) {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', message: `辞書の id「${e.id}」が重複しています` });
      ids.add(e.id);
      for (const n of e.names) {
        const key = foldText(n);
        const other = names.get(key);
        if (other !== undefined && other !== e.id)
          ctx.addIssue({ code: 'custom', message: `名前「${n}」が「${other}」と「${e.id}」の両方にあります` });
        names.set(key, e.id);
      }
    }
  });
export type EntityDictionary = z.infer<typeof EntityDictionarySchema>;

export interface DictionaryEntity {
  id: string;
  type: EntityType;
  label: string;
}

interface Surface {
  /** The name folded (see fold.ts), so matching ignores width and case. */
  folded: string;
  entityId: string;
  /** Latin at an end: that end must not touch another Latin letter or digit (NDB, not NDBX). */
  wordStart: boolean;
  wordEnd: boolean;
}

export interface CompiledDictionary {
  entities: Map<string, DictionaryEntity>;
  /** Surfaces by their first folded character, longest first (改正次世代医療基盤法 before 次世代医療基盤法). */
  byFirstChar: Map<string, Surface[]>;
  /** Every folded name, to tell a pattern match that is only a dictionary name (AMED事業 → AMED). */
  names: Set<string>;
  /** Every name in one alternation, longest first: the regex engine finds the next candidate fast. */
  pattern: RegExp;
}

/** Check a parsed dictionary file; throws a ZodError whose messages are Japanese. */
export function parseDictionary(json: unknown): EntityDictionary {
  return EntityDictionarySchema.parse(json);
}

export function compileDictionary(dict: EntityDictionary): CompiledDictionary {
  const entities = new Map<string, DictionaryEntity>();
  const byFirstChar = new Map<string, Surface[]>();
  const names = new Set<string>();
  for (const e of dict.entities) {
    entities.set(e.id, { id: e.id, type: e.type, label: e.names[0]! });
    for (const name of e.names) {
      const folded = foldText(name);
      names.add(folded);
      const surface: Surface = { folded, entityId: e.id, wordStart: isWordChar(folded[0]!), wordEnd: isWordChar(folded.at(-1)!) };
      const list = byFirstChar.get(folded[0]!) ?? [];
      list.push(surface);
      byFirstChar.set(folded[0]!, list);
    }
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  const alternatives = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { entities, byFirstChar, names, pattern: new RegExp(alternatives.length ? alternatives.join('|') : '(?!)', 'g') };
}
