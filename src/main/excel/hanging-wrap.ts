// Bullets laid out for print with a hanging indent: a long bullet's wrapped lines start under its
// text, not under the 「・」. Excel and LibreOffice have no hanging indent inside a cell, so the
// consolidated table breaks the lines itself and starts each continuation line with full-width
// spaces (a 「・」 is one full-width character wide).
// The cell must still read back as the same bullets (the consolidated table can be imported,
// cell-text.ts): a line without a marker continues the previous bullet unless that line ended a
// sentence, edge spaces are trimmed, a line starting with a marker starts a new bullet. So a line is
// never broken after a sentence end, beside a space, or before a marker; where no such place exists
// the bullet is left for the spreadsheet to wrap.
import type { Bullet } from '../../shared/domain';
import { lineWidth, usableWidth } from './sheet-style';

const INDENT = '\u3000';
/** Breaking here would change how the cell reads back (cell-text.ts). */
const NO_BREAK_AFTER = /[。．！？!?）)\s\u3000]/u;
const NO_BREAK_BEFORE = /[・•●･\-\s\u3000]/u;
/** Typographic rules (禁則): a line should not start or end with these. Followed when possible. */
const AVOID_LINE_START = /[、。，．）」』】〕ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ]/u;
const AVOID_LINE_END = /[（「『【〔]/u;
const ASCII_WORD = /[A-Za-z0-9]/;
/** How far back from the full line a typographically good break is looked for, in characters. */
const SOFT_LOOKBACK = 6;

function canBreak(before: string, after: string): boolean {
  return !NO_BREAK_AFTER.test(before) && !NO_BREAK_BEFORE.test(after);
}

function breaksWell(before: string, after: string): boolean {
  return !AVOID_LINE_START.test(after) && !AVOID_LINE_END.test(before) && !(ASCII_WORD.test(before) && ASCII_WORD.test(after));
}

/** Where to end the line that starts at `start`: an index into chars, or chars.length. */
function lineEnd(chars: string[], start: number, room: number): number {
  let width = 0;
  let end = start;
  while (end < chars.length && width + lineWidth(chars[end]!) <= room) width += lineWidth(chars[end++]!);
  if (end >= chars.length) return chars.length;
  let fallback = -1;
  for (let i = end; i > start; i--) {
    if (!canBreak(chars[i - 1]!, chars[i]!)) continue;
    if (breaksWell(chars[i - 1]!, chars[i]!)) return i;
    if (fallback < 0) fallback = i;
    if (end - i >= SOFT_LOOKBACK && fallback > 0) return fallback;
  }
  return fallback > 0 ? fallback : chars.length;
}

/** One bullet as printed lines: 「・」 first, continuation lines indented under the text. */
function bulletLines(b: Bullet, room: number): string[] {
  const lead = INDENT.repeat(b.level);
  const hang = lead + INDENT;
  const textRoom = room - lineWidth(hang);
  const chars = [...b.text];
  if (textRoom < 4) return [`${lead}・${b.text}`];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const end = lineEnd(chars, start, textRoom);
    const text = chars.slice(start, end).join('');
    lines.push(start === 0 ? `${lead}・${text}` : `${hang}${text}`);
    start = end;
  }
  return lines.length ? lines : [`${lead}・`];
}

/** A bullets cell of the consolidated table for a column of the given width (column units). */
export function hangingCell(bullets: readonly Bullet[], columnWidth: number): string {
  const room = usableWidth(columnWidth);
  return bullets.flatMap((b) => bulletLines(b, room)).join('\n');
}
