// Folding text for matching without moving a single offset: every UTF-16 unit maps to exactly one,
// so a match in the folded text points at the same characters in the text as written.

const FOLDABLE = /[\uff01-\uff5e\u3000\uff65a-z]/g;

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x3000) return ' ';
  if (c === 0xff65) return '・';
  const ascii = c >= 0xff01 ? c - 0xfee0 : c;
  return String.fromCharCode(ascii >= 0x61 && ascii <= 0x7a ? ascii - 0x20 : ascii);
}

/** Full-width ASCII (ＡＭＥＤ, （）) to ASCII, ideographic space to space, half-width 中黒 to 中黒, Latin to upper case. */
export function foldText(text: string): string {
  return text.replace(FOLDABLE, foldChar);
}

/** A Latin letter or digit (after folding): names such as NDB match only as whole words. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Z0-9]/.test(ch);
}
