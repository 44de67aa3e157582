// The sentence around a mention, for the list a click on an entity shows.

const SENTENCE_END = /[。！？!?]/u;

/** The sentence of `text` that holds [start, end): from after the previous 。 to the next one (included). */
export function sentenceAround(text: string, start: number, end: number): { sentence: string; offset: number } {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from -= 1;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to - 1] ?? '')) to += 1;
  while (from < start && /\s/u.test(text[from]!)) from += 1;
  return { sentence: text.slice(from, to), offset: from };
}
