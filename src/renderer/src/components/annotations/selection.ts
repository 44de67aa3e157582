// From a DOM selection to a span of one bullet's text: the selection's ends are measured as the
// length of the text between the start of the bullet's text element and each end (Range.toString
// counts exactly the text nodes, in UTF-16 code units). A selection running past the bullet is cut
// at the bullet's end (or start), and white space is trimmed off both ends.
import { ITEM_FIELDS, type ItemField } from '../../../../shared/domain';
import { trimSpan } from './annotation-model';

export interface DomSpan {
  itemKey: string;
  field: ItemField;
  bulletIndex: number;
  start: number;
  end: number;
  quote: string;
}

function textRoot(node: Node | null): HTMLElement | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return el?.closest<HTMLElement>('.annot-text[data-annot-field]') ?? null;
}

function offsetIn(root: Node, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** The span selected in one annotatable text, or null (nothing selected, or outside such texts). */
export function spanOfSelection(sel: Selection | null): DomSpan | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const startRoot = textRoot(range.startContainer);
  const endRoot = textRoot(range.endContainer);
  const root = startRoot ?? endRoot;
  if (!root) return null;
  const field = root.dataset.annotField as ItemField;
  if (!(ITEM_FIELDS as readonly string[]).includes(field)) return null;
  const text = root.textContent ?? '';
  const start = startRoot === root ? offsetIn(root, range.startContainer, range.startOffset) : 0;
  const end = endRoot === root ? offsetIn(root, range.endContainer, range.endOffset) : text.length;
  const span = trimSpan(text, Math.min(start, end), Math.max(start, end));
  if (!span) return null;
  return {
    itemKey: root.dataset.annotItem ?? '',
    field,
    bulletIndex: Number(root.dataset.annotIndex ?? 0),
    start: span.start,
    end: span.end,
    quote: text.slice(span.start, span.end),
  };
}
