// One revision's change: a title word by word, a bullet field line by line with the words of each
// edited line marked. Removed text is <del>, added text <ins>, each with a spoken prefix.
// The import review shows a cell's changes (base → file, base → here) with the same component.
import { useMemo } from 'react';
import type { Revision } from '../../../../shared/domain';
import { cellDiff, revisionDiff, type RevisionDiff } from '../../../../shared/diff/revision-diff';
import type { DiffPart, LineDiffRow } from '../../../../shared/diff/word-diff';

function Parts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'removed' ? (
          <del key={i} className="diff-del">
            <span className="visually-hidden">[削除: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <ins key={i} className="diff-ins">
            <span className="visually-hidden">[追加: </span>
            {p.text}
            <span className="visually-hidden">]</span>
          </ins>
        ),
      )}
    </>
  );
}

const LINE_MARK = { same: ' ', added: '+', removed: '−', changed: '~' } as const;

/** Unchanged lines kept around each change; longer unchanged runs fold into one line. */
const CONTEXT = 1;

type Shown = { row: LineDiffRow } | { folded: number };

/** The rows to show: changes with a line of context; runs of two or more other unchanged lines folded. */
function withFolds(rows: readonly LineDiffRow[]): Shown[] {
  const near = rows.map((_, i) => rows.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((r) => r.kind !== 'same'));
  const out: Shown[] = [];
  let run: LineDiffRow[] = [];
  const flush = () => {
    if (run.length >= 2) out.push({ folded: run.length });
    else out.push(...run.map((row) => ({ row })));
    run = [];
  };
  rows.forEach((row, i) => {
    if (row.kind === 'same' && !near[i]) run.push(row);
    else {
      flush();
      out.push({ row });
    }
  });
  flush();
  return out;
}

export function DiffView({ revision }: { revision: Revision }) {
  const diff = useMemo(() => revisionDiff(revision.field, revision.oldValue, revision.newValue), [revision]);
  return <DiffBody diff={diff} />;
}

/** Two answer-cell texts (bullets as `・` lines, or a note), diffed as the history diffs a revision. */
export function CellDiffView({ before, after, emptyText = '(空欄)' }: { before: string; after: string; emptyText?: string }) {
  const diff = useMemo(() => cellDiff(before, after), [before, after]);
  if (diff.kind === 'text' && diff.parts.length === 0) return <p className="diff empty-field">{emptyText}</p>;
  return <DiffBody diff={diff} />;
}

export function DiffBody({ diff }: { diff: RevisionDiff }) {
  if (diff.kind === 'text') {
    return (
      <p className="diff diff-text">
        <Parts parts={diff.parts} />
      </p>
    );
  }
  if (diff.rows.length === 0) return <p className="diff empty-field">(空の一覧)</p>;
  return (
    <ul className="diff diff-lines">
      {withFolds(diff.rows).map((shown, i) =>
        'folded' in shown ? (
          <li key={i} className="diff-line diff-fold">
            <span className="diff-mark" aria-hidden="true">
              ⋯
            </span>
            <span className="diff-line-text">変更のない箇条書き {shown.folded} 件</span>
          </li>
        ) : (
          <DiffLine key={i} row={shown.row} />
        ),
      )}
    </ul>
  );
}

function DiffLine({ row }: { row: LineDiffRow }) {
  return (
    <li className={`diff-line diff-line-${row.kind}`}>
      <span className="diff-mark" aria-hidden="true">
        {LINE_MARK[row.kind]}
      </span>
      <span className="diff-line-text">
        {row.kind === 'changed' ? (
          <Parts parts={row.parts} />
        ) : row.kind === 'same' ? (
          row.text
        ) : (
          <Parts parts={[{ kind: row.kind, text: row.text }]} />
        )}
      </span>
    </li>
  );
}
