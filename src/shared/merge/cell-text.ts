// How an answer cell's text maps to bullets and back. Export writes one bullet per line, `・` first,
// nested bullets indented with one full-width space per level (bulletsToLines). Reading back has to
// survive what people and spreadsheet programs do to that text:
//  - CRLF / CR line ends → LF; tabs and runs of spaces are tidied at both ends of a line;
//  - a line starting with `・` (or `•`, `●`, `･`, `- `) starts a bullet; its indent (full-width space
//    = one level, two half-width spaces = one level) is its level, capped at MAX_BULLET_LEVEL;
//  - a line WITHOUT a marker continues the previous bullet (Excel users often break a long sentence
//    with Alt+Enter), unless the previous line ended a sentence (`。`, `！`, `？`, `)`): then the
//    ministry most likely wrote a new point and forgot the `・`, so it starts a new bullet at the
//    previous bullet's level. Such inferred starts are counted so the import can say so;
//  - empty lines are dropped.
import type { Bullet } from '../domain';
import { bulletsToLines, MAX_BULLET_LEVEL } from '../item-fields';

const MARKER = /^(?:[・•●･]|-\s)\s*/u;
const EDGE_SPACE = /^[\t \u00a0\u3000]+|[\t \u00a0\u3000]+$/gu;
const SENTENCE_END = /[。．！？!?）)]$/u;

export function bulletsToCell(bullets: readonly Bullet[]): string {
  return bulletsToLines(bullets).join('\n');
}

/** Line ends as LF, whatever program saved the file. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export interface ParsedCell {
  bullets: Bullet[];
  /** Lines without a marker that were read as the start of a new bullet. */
  inferredStarts: number;
}

function indentLevel(indent: string): number {
  let halfSpaces = 0;
  let level = 0;
  for (const ch of indent) {
    if (ch === '\u3000' || ch === '\t') level += 1;
    else halfSpaces += 1;
  }
  return Math.min(MAX_BULLET_LEVEL, level + Math.floor(halfSpaces / 2));
}

export function cellToBullets(text: string): ParsedCell {
  const bullets: Bullet[] = [];
  let inferredStarts = 0;
  for (const raw of normalizeNewlines(text).split('\n')) {
    const indent = /^[\t \u00a0\u3000]*/u.exec(raw)?.[0] ?? '';
    const body = raw.slice(indent.length).replace(EDGE_SPACE, '');
    if (!body) continue;
    const marker = MARKER.exec(body);
    const last = bullets.at(-1);
    if (marker) {
      const rest = body.slice(marker[0].length).replace(EDGE_SPACE, '');
      if (rest) bullets.push({ text: rest, level: indentLevel(indent) });
    } else if (last && !SENTENCE_END.test(last.text)) {
      last.text += body;
    } else {
      if (last) inferredStarts += 1;
      bullets.push({ text: body, level: last?.level ?? 0 });
    }
  }
  return { bullets, inferredStarts };
}

/** Free text (the ministry's note column): newlines normalised, edges trimmed. */
export function cellToNote(text: string): string {
  return normalizeNewlines(text)
    .split('\n')
    .map((l) => l.replace(EDGE_SPACE, ''))
    .join('\n')
    .trim();
}
