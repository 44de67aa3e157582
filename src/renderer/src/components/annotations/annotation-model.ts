// Pure helpers of the annotation UI: which highlights fall in one bullet (or the title), how a text
// splits into pieces under ministry tags and highlights, how a DOM selection maps back to UTF-16
// offsets of the bullet text, and the small formatting rules (tags, times, labels). No React here.
import { fieldLabel } from '../../../../shared/fields';
import { COLOR_NAMES, type AnnotationColor, type AnnotationView } from '../../../../shared/annotations';
import type { ItemField } from '../../../../shared/domain';

/** A highlight inside one text: offsets (UTF-16, end exclusive) and what to paint. */
export interface TextMark {
  id: string;
  start: number;
  end: number;
  color: AnnotationColor;
  resolved: boolean;
  /** Has a comment (shown with an underline as well as the colour). */
  commented: boolean;
}

/** One run of text under the same tag and the same set of highlights. */
export interface Piece {
  start: number;
  end: number;
  text: string;
  /** Inside a ministry tag (【文】). */
  tag: boolean;
  /** Highlights covering the piece, oldest first; the last one paints it. */
  marks: TextMark[];
  /** Highlights that start here (the piece carries their DOM id). */
  firsts: string[];
  /** Highlights that end here (the meeting pack puts their reference number after it). */
  lasts: string[];
}

/** The anchored annotations of an item that sit in `field` (and bullet `index` for actions/future). */
export function marksFor(annotations: readonly AnnotationView[], field: ItemField, index: number, textLength: number): TextMark[] {
  const out: TextMark[] = [];
  for (const a of annotations) {
    const st = a.anchorState;
    if (st.state !== 'anchored' || a.field !== field || a.deletedAt) continue;
    if (field !== 'title' && st.bulletIndex !== index) continue;
    const start = Math.max(0, st.start);
    const end = Math.min(textLength, st.end);
    if (end <= start) continue;
    out.push({
      id: a.id,
      start,
      end,
      color: a.color,
      resolved: a.status === 'resolved',
      commented: a.comment.trim() !== '' || a.replies.some((r) => !r.deletedAt),
    });
  }
  return out;
}

/** Split `text` at every tag and highlight boundary. Pieces cover the text exactly, in order. */
export function splitPieces(text: string, tags: readonly { start: number; end: number }[], marks: readonly TextMark[]): Piece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...tags, ...marks]) {
    if (r.start > 0 && r.start < text.length) cuts.add(r.start);
    if (r.end > 0 && r.end < text.length) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covering = marks.filter((m) => m.start <= start && m.end >= end);
    pieces.push({
      start,
      end,
      text: text.slice(start, end),
      tag: tags.some((t) => t.start <= start && t.end >= end),
      marks: covering,
      firsts: covering.filter((m) => m.start === start).map((m) => m.id),
      lasts: covering.filter((m) => m.end === end).map((m) => m.id),
    });
  }
  return pieces;
}

/** Trim white space off both ends of a span of `text`; null if nothing but white space is left. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** Tags as typed: separated by commas, 読点 or white space; `#` dropped; no repeats. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,、，\s\u3000]+/)
        .map((t) => t.replace(/^[#＃]/, '').trim())
        .filter(Boolean),
    ),
  ];
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('ja-JP', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** Where an annotation sits, in words: 「令和7年度の取組 2番目」, 「小項目名」, 「項目全体」. */
export function placeName(a: Pick<AnnotationView, 'field' | 'bulletIndex' | 'anchorState'>, fiscalYear: number | null): string {
  const name = fieldLabel(a.field ?? 'item', fiscalYear);
  if (a.field === null || a.field === 'title') return name;
  const index = a.anchorState.state === 'anchored' ? a.anchorState.bulletIndex : a.bulletIndex;
  return index === null ? name : `${name} ${index + 1}番目`;
}

export function colorLabel(color: AnnotationColor): string {
  return `${COLOR_NAMES[color]}色`;
}

export const ORPHAN_LABEL = '元の文が見つかりません';

/** DOM ids shared by the text and the panel. */
export const markDomId = (id: string) => `annot-mark-${id}`;
export const cardDomId = (id: string) => `annot-card-${id}`;

const FIELD_ORDER: Record<ItemField | 'item', number> = { title: 0, actions: 1, future: 2, item: 3 };

/** Annotations as one reads the item: title, actions, future (by bullet, then position), notes, then orphans. */
export function readingOrder<T extends Pick<AnnotationView, 'field' | 'anchorState' | 'createdAt'>>(list: readonly T[]): T[] {
  const rank = (a: T): [number, number, number, number] => {
    const st = a.anchorState;
    if (st.state === 'orphan') return [9, 0, 0, 0];
    if (st.state === 'none') return [FIELD_ORDER[a.field ?? 'item'], 1e9, 0, 0];
    return [FIELD_ORDER[a.field ?? 'item'], st.bulletIndex ?? 0, st.start, st.end];
  };
  return [...list].sort((x, y) => {
    const a = rank(x);
    const b = rank(y);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : 0;
  });
}
