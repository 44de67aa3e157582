// Entity extraction: the dictionary first (longest name wins at each place), then two pattern rules
// for names the dictionary does not know — a name in 「」, and a compound noun ending in 事業 or
// プログラム. Every mention keeps its source, field, bullet and exact offsets. Pure: the dictionary
// is passed in.
import type { CompiledDictionary } from './dictionary';
import { foldText, isWordChar } from './fold';
import type { EntityType, Mention, MentionField } from './types';

/** One piece of text to read: a title, a bullet, a paragraph of a project sheet. */
export interface TextUnit {
  source: string;
  field: MentionField;
  bullet: number;
  text: string;
}

export interface ExtractedEntity {
  id: string;
  type: EntityType;
  label: string;
  origin: 'dictionary' | 'pattern';
}

export interface Extraction {
  entities: Map<string, ExtractedEntity>;
  mentions: Mention[];
}

/** 【…】 holds ministry tags and sub-headings (【厚】, 【課題名】), not names: it is not read. */
const BRACKET = /【[^【】]{0,30}】/g;
const QUOTED = /「([^「」]{2,80})」/g;
/** Where a compound name may end, and the characters it is made of (kanji, katakana, Latin). */
const SUFFIX = /事業|プログラム/gu;
const NAME_CHAR = /[\p{Script=Han}\p{Script=Katakana}ーA-Z・]/u;
const MAX_NAME_BEFORE_SUFFIX = 40;
/** A qualifier closing a quoted name: (仮題), (仮称), (略称…). */
const TRAILING_NOTE = /\s*\([^()]*\)$/u;
/** Words that make a generic phrase, not a name, when they open it (本研究事業, 各事業, 当該事業). */
const GENERIC_OPENING = /^(?:・|ー|本|各|当該|同|他|全て|新規|既存)+/u;
const MIN_NAME_BEFORE_SUFFIX = 4;

const TYPE_BY_ENDING: [RegExp, EntityType][] = [
  [/(?:法|法律|法案|計画|工程表|戦略|方針|指針|ガイドライン)$/u, 'law'],
  [/(?:データベース|DB|プラットフォーム|バンク|基盤|システム)$/u, 'database'],
];

function typeOfName(folded: string): EntityType {
  const bare = folded.replace(/\((?:仮題|仮称|略称[^)]*)\)$/u, '').trim();
  return TYPE_BY_ENDING.find(([re]) => re.test(bare))?.[1] ?? 'programme';
}

/** The id of a name found by a pattern: its folded form without spaces, so 「AI 技術…」 and 「AI技術…」 meet. */
export function patternEntityId(name: string): string {
  return `p:${foldText(name).replace(/\s+/g, '')}`;
}

function masked(folded: string): string {
  return folded.replace(BRACKET, (m) => '\u0000'.repeat(m.length));
}

interface Span {
  entityId: string;
  start: number;
  end: number;
}

/** The longest name at `i` whose Latin ends do not touch other Latin (NDB, not NDBX), or null. */
function nameAt(folded: string, i: number, dict: CompiledDictionary): Span | null {
  for (const s of dict.byFirstChar.get(folded[i]!) ?? []) {
    if (!folded.startsWith(s.folded, i)) continue;
    const end = i + s.folded.length;
    if (s.wordStart && isWordChar(folded[i - 1])) continue;
    if (s.wordEnd && isWordChar(folded[end])) continue;
    return { entityId: s.entityId, start: i, end };
  }
  return null;
}

function dictionaryMatches(folded: string, dict: CompiledDictionary): Span[] {
  const out: Span[] = [];
  const next = new RegExp(dict.pattern.source, 'g');
  for (let hit = next.exec(folded); hit; hit = next.exec(folded)) {
    const span = nameAt(folded, hit.index, dict);
    if (span) out.push(span);
    next.lastIndex = span ? span.end : hit.index + 1;
  }
  return out;
}

/**
 * Compound nouns ending in 事業 or プログラム: from each suffix, back over the kanji, katakana and
 * Latin before it (a scan back from the suffix is far cheaper than a regex with look-behind).
 */
function suffixedNames(folded: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of folded.matchAll(SUFFIX)) {
    const end = m.index + m[0].length;
    if (NAME_CHAR.test(folded[end] ?? '') && !/[・ーA-Z]/u.test(folded[end] ?? '')) continue; // 事業部, 事業モデル
    let start = m.index;
    while (start > 0 && m.index - start < MAX_NAME_BEFORE_SUFFIX && NAME_CHAR.test(folded[start - 1]!)) start -= 1;
    out.push({ start, end });
  }
  return out;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function extractMentions(units: Iterable<TextUnit>, dict: CompiledDictionary): Extraction {
  const entities = new Map<string, ExtractedEntity>();
  const mentions: Mention[] = [];
  for (const unit of units) {
    const folded = masked(foldText(unit.text));
    const found = dictionaryMatches(folded, dict);
    const add = (span: Span) =>
      mentions.push({
        entityId: span.entityId,
        source: unit.source,
        field: unit.field,
        bullet: unit.bullet,
        start: span.start,
        end: span.end,
        text: unit.text.slice(span.start, span.end),
      });
    for (const span of found) {
      if (!entities.has(span.entityId)) entities.set(span.entityId, { ...dict.entities.get(span.entityId)!, origin: 'dictionary' });
      add(span);
    }
    const patternSpans: Span[] = [];
    const addPattern = (start: number, end: number) => {
      const label = unit.text.slice(start, end);
      const id = patternEntityId(label);
      if (!entities.has(id)) entities.set(id, { id, type: typeOfName(folded.slice(start, end)), label, origin: 'pattern' });
      const span = { entityId: id, start, end };
      patternSpans.push(span);
      add(span);
    };
    for (const m of folded.matchAll(QUOTED)) {
      const start = m.index + 1;
      const end = start + m[1]!.length;
      // A quoted dictionary name (「次世代医療基盤法」, 「AMEDデータ利活用プラットフォーム(略称CANNDs)」,
      // 「…パッケージ戦略 2(DASH for SaMD2)」) is already counted under its entity.
      const bare = m[1]!.replace(TRAILING_NOTE, '').length;
      if (found.some((f) => f.start === start && (f.end - f.start) * 2 >= bare)) continue;
      addPattern(start, end);
    }
    for (const candidate of suffixedNames(folded)) {
      const opening = GENERIC_OPENING.exec(folded.slice(candidate.start, candidate.end))?.[0].length ?? 0;
      const start = candidate.start + opening;
      const end = candidate.end;
      const name = folded.slice(start, end);
      const stem = name.replace(/(?:事業|プログラム)$/u, '');
      if (stem.length < MIN_NAME_BEFORE_SUFFIX || dict.names.has(stem)) continue;
      const span = { start, end };
      // Inside a quoted name, or the tail of a dictionary name (B-cure…事業): already counted.
      if (patternSpans.some((p) => overlaps(p, span)) || found.some((f) => f.end === end)) continue;
      addPattern(start, end);
    }
  }
  return { entities, mentions };
}
