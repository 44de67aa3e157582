// A bullet's (or the title's) text with its ministry tags set off and its highlights painted as
// <mark> spans. Text only: the text is cut into pieces and each piece is a text node (never HTML).
// The wrapper element holds exactly the text, so a DOM selection inside it maps back to UTF-16
// offsets of the bullet (see selection.ts); it names the item, field and bullet in data attributes.
import { useMemo, type ReactNode } from 'react';
import type { AnnotationView } from '../../../../shared/annotations';
import type { ItemField } from '../../../../shared/domain';
import { findBrackets, parseMinistryList } from '../../../../shared/text/tags';
import { selectItemAnnotations, showAnnotationCard, useAnnotations } from '../../state/annotations';
import { markDomId, marksFor, splitPieces, type Piece } from './annotation-model';
import '../../styles/annotations.css';

export function tagRanges(text: string): { start: number; end: number }[] {
  return findBrackets(text)
    .filter((b) => parseMinistryList(b.inner))
    .map((b) => ({ start: b.start, end: b.end }));
}

interface PiecesProps {
  pieces: Piece[];
  activeId?: string | null;
  /** Reference numbers after each highlight (the meeting pack). */
  numbers?: ReadonlyMap<string, number>;
  interactive: boolean;
}

function Pieces({ pieces, activeId, numbers, interactive }: PiecesProps) {
  const out: ReactNode[] = [];
  for (const p of pieces) {
    let node: ReactNode = p.text;
    if (p.tag) node = <span className="inline-tag">{node}</span>;
    const top = p.marks[p.marks.length - 1];
    if (top) {
      const first = p.firsts.find((id) => id === top.id) ?? p.firsts[0];
      const classes = [
        'annot-mark',
        `annot-c-${top.color}`,
        top.resolved ? 'is-resolved' : '',
        top.commented ? 'is-commented' : '',
        p.marks.some((m) => m.id === activeId) ? 'is-active' : '',
        p.marks.length > 1 ? 'is-overlap' : '',
      ];
      node = (
        <mark
          id={first ? markDomId(first) : undefined}
          className={classes.filter(Boolean).join(' ')}
          data-annotation={top.id}
          tabIndex={interactive && first ? -1 : undefined}
          onClick={
            interactive
              ? (e) => {
                  // A click that ends a selection is a selection, not a jump.
                  if (!window.getSelection()?.isCollapsed) return;
                  e.stopPropagation();
                  showAnnotationCard(top.id);
                }
              : undefined
          }
        >
          {node}
        </mark>
      );
    }
    out.push(<span key={p.start}>{node}</span>);
    if (numbers) {
      for (const id of p.lasts) {
        const n = numbers.get(id);
        if (n !== undefined) {
          out.push(
            <sup key={`n-${id}`} className="annot-ref">
              {n}
            </sup>,
          );
        }
      }
    }
  }
  return <>{out}</>;
}

interface Props {
  itemKey: string;
  field: ItemField;
  /** Bullet index (0 for the title). */
  index: number;
  text: string;
  className?: string;
}

/** The text of one bullet or title in the item view, with the item's highlights; selectable for new ones. */
export function AnnotatedText({ itemKey, field, index, text, className }: Props) {
  const annotations = useAnnotations(selectItemAnnotations(itemKey));
  const activeId = useAnnotations((s) => s.activeId);
  const pieces = useMemo(
    () => splitPieces(text, tagRanges(text), marksFor(annotations, field, index, text.length)),
    [annotations, field, index, text],
  );
  return (
    <span className={`annot-text ${className ?? ''}`} data-annot-item={itemKey} data-annot-field={field} data-annot-index={index}>
      <Pieces pieces={pieces} activeId={activeId} interactive />
    </span>
  );
}

/** The same text, read-only, for print: only the given annotations, each followed by its number. */
export function NumberedText({
  text,
  field,
  index,
  annotations,
  numbers,
}: {
  text: string;
  field: ItemField;
  index: number;
  annotations: readonly AnnotationView[];
  numbers: ReadonlyMap<string, number>;
}) {
  const pieces = useMemo(
    () => splitPieces(text, tagRanges(text), marksFor(annotations, field, index, text.length)),
    [annotations, field, index, text],
  );
  return <Pieces pieces={pieces} numbers={numbers} interactive={false} />;
}
