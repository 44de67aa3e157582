// Where the search's matched words stand in the opened item, as DOM ranges for the CSS Custom
// Highlight API: the page text is left as React rendered it (annotations, tags, diff marks keep
// their own elements), and a word split over several elements is still found, because the search
// runs over the concatenated text of the container and the match is mapped back to its nodes.

/** Every occurrence of the terms in the container's text (outside `skip`), in document order. */
export function findRanges(container: Element, terms: readonly string[], skip: string): Range[] {
  const nodes: { node: Text; start: number }[] = [];
  let text = '';
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n as Text, start: text.length });
    text += (n as Text).data;
  }
  const spans: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) spans.push([at, at + term.length]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const ranges: Range[] = [];
  let covered = -1;
  for (const [from, to] of spans) {
    if (from < covered) continue; // inside a longer match already taken
    covered = to;
    const range = document.createRange();
    const at = (offset: number, end: boolean) => {
      // The node holding the offset (an end offset belongs to the node it ends in).
      let i = nodes.length - 1;
      while (i > 0 && (end ? nodes[i]!.start >= offset : nodes[i]!.start > offset)) i--;
      return { node: nodes[i]!.node, offset: offset - nodes[i]!.start };
    };
    const s = at(from, false);
    const e = at(to, true);
    range.setStart(s.node, s.offset);
    range.setEnd(e.node, e.offset);
    ranges.push(range);
  }
  return ranges;
}
