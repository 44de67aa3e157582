// Does taking a new cell text throw away much of the old one? Two signs, on the canonical cell text
// (one bullet a line, `・` first): the new text is empty (`cleared`), or it loses a whole bullet or
// more than half its characters (`shrunk`). A bullet counts as lost when, between two bullets the
// texts share unchanged, the old text has more bullets than the new one: a bullet rewritten in place
// is an edit, one that disappears is a removal. White space and bullet markers are not characters.

export type TextLoss = 'cleared' | 'shrunk';

const NOT_COUNTED = /[\s\u3000\u00a0\u200b\ufeff・]/gu;

function chars(text: string): number {
  return text.replace(NOT_COUNTED, '').length;
}

function bulletLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(NOT_COUNTED, ''))
    .filter(Boolean);
}

/** True when some stretch between shared bullets has fewer bullets in `after` than in `before`. */
function dropsBullet(before: string[], after: string[]): boolean {
  if (after.length < before.length) return true;
  // Longest common subsequence of the bullets; the stretches between its matches are compared.
  const n = before.length;
  const m = after.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i]![j] = before[i] === after[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  let gapBefore = 0;
  let gapAfter = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      if (gapBefore > gapAfter) return true;
      gapBefore = 0;
      gapAfter = 0;
      i += 1;
      j += 1;
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) {
      gapBefore += 1;
      i += 1;
    } else {
      gapAfter += 1;
      j += 1;
    }
  }
  return gapBefore + (n - i) > gapAfter + (m - j);
}

export function lossOf(before: string, after: string): TextLoss | null {
  const had = chars(before);
  if (had === 0) return null;
  const has = chars(after);
  if (has === 0) return 'cleared';
  if (has * 2 < had || dropsBullet(bulletLines(before), bulletLines(after))) return 'shrunk';
  return null;
}
