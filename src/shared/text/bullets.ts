// Splitting one table cell of the source document into bullets. The PDF extraction kept the bullet
// markers of some cells (・ • ● - <li>), turned them into a single space in others, and dropped them
// altogether in the rest, so the splitter works in three modes, from the most to the least certain:
// explicit markers, the spaces left where markers were, and finally the sentences themselves. It
// reports which inference it used so the importer can tell people which splits to check.
import type { Bullet } from '../domain';
import { findBrackets, parseMinistryList } from './tags';

/** How a boundary between two bullets was inferred (none is reported for explicit markers). */
export type SplitMethod = 'spacing' | 'tags' | 'sentences' | 'repeated-phrase';

export interface CellSplit {
  bullets: Bullet[];
  /** The inferences used, in a stable order; empty when every boundary was written in the source. */
  inferred: SplitMethod[];
}

/** Japanese wording of each method, for warnings. */
export const SPLIT_METHOD_LABELS: Record<SplitMethod, string> = {
  spacing: '空白の位置',
  tags: '府省タグと文末',
  sentences: '文末と接続語',
  'repeated-phrase': '繰り返される語句',
};

/** Stands in for an <li>: a private-use character, which cannot occur in the source text. */
const LI_MARK = '\ue000';

interface Block {
  text: string;
  level: number;
  kind: 'para' | 'list';
}

interface Piece {
  text: string;
  level: number;
}

// ---------------------------------------------------------------------------------------------
// Markup

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': ' ', '&quot;': '"', '&#39;': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|nbsp|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/** Markdown emphasis the extraction left around words (`**【厚】**`); it carries no meaning here. */
function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, '');
}

/** Remove every HTML tag and emphasis marker, for text that has no structure of its own (titles). */
export function stripMarkup(text: string): string {
  return decodeEntities(
    stripEmphasis(text)
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/?[a-zA-Z][^>]*>/g, ''),
  );
}

/**
 * Cut a cell into blocks along its HTML: each <p> is one block, each list run another. A list that
 * follows a lead-in paragraph (`<p>以下の取組を推進する。</p><ul>…`) is nested under it, and a list
 * opened inside a list nests one deeper (the extraction never closes its <ul>, so depth only grows
 * within a cell).
 */
function cellBlocks(raw: string): Block[] {
  const text = stripEmphasis(raw.replace(/\r\n?/g, '\n')).replace(/<br\s*\/?>/gi, '\n');
  const blocks: Block[] = [];
  let buffer = '';
  let listDepth = -1;
  let leadIn = false;
  let inPara = false;
  const listLevel = (): number => Math.max(0, listDepth) + (leadIn ? 1 : 0);
  const flush = (kind: Block['kind']): void => {
    const content = decodeEntities(buffer);
    buffer = '';
    if (content.replaceAll(LI_MARK, '').trim() === '') return;
    blocks.push({ text: content, level: kind === 'para' && listDepth < 0 ? 0 : listLevel(), kind });
    if (kind === 'para' && listDepth < 0) leadIn = true;
  };
  let last = 0;
  for (const m of text.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    buffer += text.slice(last, m.index);
    last = m.index + m[0].length;
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    if (tag === 'p') {
      flush(inPara ? 'para' : 'list');
      inPara = !closing;
    } else if (tag === 'ul' || tag === 'ol') {
      flush(inPara ? 'para' : 'list');
      listDepth = closing ? Math.max(-1, listDepth - 1) : listDepth + 1;
    } else if (tag === 'li' && !closing) {
      buffer += LI_MARK;
    }
    // Any other tag (span, strong, </li>) only wraps text.
  }
  buffer += text.slice(last);
  flush(inPara ? 'para' : 'list');
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Text primitives

const OPENING = '（(「『【［[〔';
const CLOSING = '）)」』】］]〕';
const CIRCLED = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/u;
const SPACE_RUN = /[\s\u3000]+/gu;

/** A 【…】 that closes what a ministry wrote: a ministry list or the 再掲 mark. */
function isClosingTag(inner: string): boolean {
  return parseMinistryList(inner) !== null || inner.trim() === '再掲';
}

/** Does the text end with a closing tag, possibly followed by 。 (`…する【文】。`, `…する。【厚】`)? */
function endsWithClosingTag(text: string): boolean {
  const t = text.trimEnd().replace(/。$/, '');
  const last = findBrackets(t).at(-1);
  return last !== undefined && last.end === t.length && isClosingTag(last.inner);
}

/** Join lines a page or cell break cut: Japanese needs no space, Latin words do. */
function joinLines(text: string): string {
  return text.replace(/[ \t\u3000]*\n[ \t\u3000]*/g, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _m.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

/** Clean bullet text: no markup residue, no leading marker, single spaces, trimmed. */
export function cleanBulletText(text: string): string {
  return joinLines(text.replaceAll(LI_MARK, ' ').trim())
    .replace(SPACE_RUN, ' ')
    .replace(/^(?:[・•●◦▪■*]\s*|-(?:\s+|$))+/u, '')
    .trim();
}

/**
 * Depth of bracket nesting before each position, so a 。 inside （以下「…」という。） is not taken for
 * a sentence end. Unbalanced closers are clamped rather than trusted.
 */
function bracketDepths(text: string): Uint16Array {
  const depths = new Uint16Array(text.length);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depths[i] = depth;
    const ch = text.charAt(i);
    if (OPENING.includes(ch)) depth += 1;
    else if (CLOSING.includes(ch) && depth > 0) depth -= 1;
  }
  return depths;
}

function cutAt(text: string, cuts: number[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut > from) parts.push(text.slice(from, cut));
    from = Math.max(from, cut);
  }
  parts.push(text.slice(from));
  return parts.filter((p) => p.replaceAll(LI_MARK, '').trim() !== '');
}

// ---------------------------------------------------------------------------------------------
// Mode 1: explicit markers

/**
 * Bullet markers the extraction kept: an <li>; `-`, `*`, `・`, `•`, `●` at the start of a line (the
 * indentation before it gives the nesting); `・`, `•`, `●` after a space or a sentence end (the
 * extraction glued bullets together, with or without a space); ` - ` between spaces. A `・` inside a
 * word (整備・発展) is the 中黒 and never matches.
 */
const MARKER =
  /(?:^|\n)([ \t\u3000]*)(?:[-*][ \t\u3000]+|[・•●◦▪■][ \t\u3000]*)|(?<=[\s。】])[・•●◦▪■][ \t\u3000]*|(?<=\s)-[ \t\u3000]+|\ue000/gu;

function splitOnMarkers(text: string, level: number): Piece[] | null {
  const found = [...text.matchAll(MARKER)];
  if (found.length === 0) return null;
  // Indentation only means nesting relative to the least indented line: the space an inline cell
  // starts with (`<ul> ・ …`) is not an indent.
  const indents = found.map((m) => m[1]?.length).filter((n): n is number => n !== undefined);
  const base = indents.length > 0 ? Math.min(...indents) : 0;
  const starts = found.map((m) => ({ at: m.index, level: level + Math.ceil(((m[1]?.length ?? base) - base) / 2) }));
  const pieces: Piece[] = [];
  const head = text.slice(0, starts[0]?.at ?? 0);
  if (head.replaceAll(LI_MARK, '').trim() !== '') pieces.push({ text: head, level });
  starts.forEach((s, k) => pieces.push({ text: text.slice(s.at, starts[k + 1]?.at ?? text.length), level: s.level }));
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Mode 2: the space left where a marker was

/** Cut where white space follows a sentence end or a closing tag, outside any bracket. */
function splitOnSpacing(text: string): string[] | null {
  const depths = bracketDepths(text);
  const cuts: number[] = [];
  for (const m of text.matchAll(SPACE_RUN)) {
    if ((depths[m.index] ?? 0) > 0) continue;
    // The tail is enough to see a sentence end or a closing tag.
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length);
    if (after === '') continue;
    if (before.endsWith('。') || endsWithClosingTag(before)) cuts.push(m.index);
  }
  return cuts.length > 0 ? cutAt(text, cuts) : null;
}

// ---------------------------------------------------------------------------------------------
// Mode 3: sentences

const TAG_AT = /【([^【】]*)】/y;

/** Sentence ends at 。 outside brackets, with a closing tag right after it kept (`。【こ】`). */
export function splitSentences(text: string): string[] {
  const depths = bracketDepths(text);
  const cuts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '。' || (depths[i] ?? 0) > 0) continue;
    let end = i + 1;
    TAG_AT.lastIndex = end;
    const tag = TAG_AT.exec(text);
    if (tag && isClosingTag(tag[1] ?? '')) end += tag[0].length;
    cuts.push(end);
    i = end - 1;
  }
  return cutAt(text, cuts);
}

/** Openings that carry on the previous sentence's point (domain.md: また, 特に …). */
const CONTINUATION =
  /^(?:また|特に|さらに|更に|加えて|あわせて|併せて|なお|ただし|しかし|一方|そのため|このため|その際|その上で|これにより|これは|具体的には|すなわち|つまり|同時に)/u;

/**
 * Endings of a sentence that states a situation rather than an action (…が求められている。…が多い。
 * …とされる。): in this document such a sentence sets up the action that follows in the same bullet.
 */
const BACKGROUND_ENDING = /(?:ている|ていない|である|がある|ない|多い|とされる|られる)$/u;

function sentenceCore(sentence: string): string {
  let core = sentence.trim().replace(/。$/, '');
  // Drop trailing tags and references: the ending that matters is the verb before them.
  for (;;) {
    const next = core
      .replace(/(?:【[^【】]*】|[（(][^（）()]*[）)])$/u, '')
      .replace(/。$/, '')
      .trimEnd();
    if (next === core) return core;
    core = next;
  }
}

function startsSubPoint(sentence: string): boolean {
  return CIRCLED.test(sentence.trimStart().charAt(0));
}

/** Group sentences into bullets where a ministry tag closes each one (…【こ】。女性が…). */
function groupByTags(sentences: string[]): string[] {
  const groups: string[] = [];
  let current = '';
  for (const s of sentences) {
    if (current !== '' && startsSubPoint(s)) {
      groups.push(current);
      current = '';
    }
    current += s;
    if (endsWithClosingTag(s)) {
      groups.push(current);
      current = '';
    }
  }
  if (current.trim() !== '') groups.push(current);
  return groups;
}

/** Group untagged sentences: a new bullet unless the sentence continues or follows a set-up. */
function groupByContinuation(sentences: string[]): string[] {
  const groups: string[] = [];
  let current = '';
  let previous = '';
  for (const s of sentences) {
    const continues = !startsSubPoint(s) && (CONTINUATION.test(s.trimStart()) || BACKGROUND_ENDING.test(sentenceCore(previous)));
    if (current !== '' && !continues) {
      groups.push(current);
      current = '';
    }
    current += s;
    previous = s;
  }
  if (current.trim() !== '') groups.push(current);
  return groups;
}

/**
 * A list whose items are noun phrases without 。, run together (慢性の痛みに対する…の開発慢性の痛みに
 * 対する…): cut before each repeat of its opening phrase. Only the longest opening that repeats counts,
 * and it must be long enough (5+) not to be a common word.
 */
function splitOnRepeatedOpening(text: string): string[] | null {
  const t = text.trim();
  if (t.includes('。')) return null;
  for (let len = Math.min(20, Math.floor(t.length / 2)); len >= 5; len--) {
    const opening = t.slice(0, len);
    const cuts: number[] = [];
    for (let at = t.indexOf(opening, len); at !== -1; at = t.indexOf(opening, at + len)) cuts.push(at);
    if (cuts.length > 0) return cutAt(t, cuts);
  }
  return null;
}

/** Cut before circled sub-points (`… ②上記①に加え`), which start after a space or a sentence end. */
const SUB_POINT_START = new RegExp(`(?<=[\\s。])${CIRCLED.source}`, 'gu');

function splitSubPoints(text: string): string[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(SUB_POINT_START)) cuts.push(m.index);
  return cuts.length > 0 ? cutAt(text, cuts) : [text];
}

// ---------------------------------------------------------------------------------------------
// Putting it together

function splitRun(text: string, level: number, inferred: Set<SplitMethod>): Piece[] {
  const marked = splitOnMarkers(text, level);
  if (marked) return marked;

  const spaced = splitOnSpacing(text.trim());
  if (spaced) {
    inferred.add('spacing');
    // A tag closing a bullet mid-piece (…【文】。次の…) still closes it.
    return spaced.flatMap((part) => byTagsIfAny(part, inferred)).map((t) => ({ text: t, level }));
  }

  const sentences = splitSentences(text);
  if (sentences.length <= 1) {
    const phrases = splitOnRepeatedOpening(text);
    if (phrases) {
      inferred.add('repeated-phrase');
      return phrases.map((t) => ({ text: t, level }));
    }
    return [{ text, level }];
  }
  if (sentences.some(endsWithClosingTag)) {
    const groups = groupByTags(sentences);
    if (groups.length > 1) inferred.add('tags');
    return groups.map((t) => ({ text: t, level }));
  }
  const groups = groupByContinuation(sentences);
  if (groups.length > 1) inferred.add('sentences');
  return groups.map((t) => ({ text: t, level }));
}

function byTagsIfAny(part: string, inferred: Set<SplitMethod>): string[] {
  const sentences = splitSentences(part);
  if (sentences.length <= 1) return [part];
  const groups = groupByTags(sentences);
  if (groups.length > 1) inferred.add('tags');
  return groups;
}

/**
 * Split one cell into bullets. Circled sub-points (①…) and nested lists get one level more than the
 * bullet they follow. Empty bullets are dropped; the text of each is cleaned but keeps its 【文】 tags
 * and (PJ1) references, which are what the ministry wrote.
 */
export function splitCell(raw: string): CellSplit {
  const inferred = new Set<SplitMethod>();
  const bullets: Bullet[] = [];
  let parentLevel: number | null = null;
  for (const block of cellBlocks(raw)) {
    const pieces = block.kind === 'para' ? [{ text: block.text, level: block.level }] : splitRun(block.text, block.level, inferred);
    for (const piece of pieces) {
      // Clean first, so a marker in front of a sub-point (` - ①…`) does not become a bullet of its own.
      for (const part of splitSubPoints(cleanBulletText(piece.text))) {
        const text = cleanBulletText(part);
        if (text === '') continue;
        const sub = startsSubPoint(text);
        const level: number = sub && parentLevel !== null ? Math.max(piece.level, parentLevel + 1) : piece.level;
        if (!sub) parentLevel = level;
        bullets.push({ text, level });
      }
    }
  }
  const order: SplitMethod[] = ['spacing', 'tags', 'sentences', 'repeated-phrase'];
  return { bullets, inferred: bullets.length > 1 ? order.filter((m) => inferred.has(m)) : [] };
}
