// The editor of one bullet field (actions or future directions): each bullet a text box, with
// buttons (and Alt+arrow keys) to move, indent, outdent, split at the caret, merge with the next,
// remove, and add a bullet after it.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import {
  canShift,
  insertAfter,
  mergeWithNext,
  moveDown,
  moveUp,
  removeAt,
  setText,
  shiftLevel,
  splitAt,
} from '../../../../shared/bullet-edit';
import { newBullet, type DraftBullet } from '../../state/draft';
import { useApp } from '../../state/app-state';
import { updateDraft } from '../../state/editing';

const NO_BULLETS: DraftBullet[] = [];

interface Props {
  field: 'actions' | 'future';
  heading: string;
}

export function BulletEditor({ field, heading }: Props) {
  const bullets = useApp((s) => s.draft?.[field] ?? NO_BULLETS);
  const focusAfter = useRef<{ id: number; caret?: number } | null>(null);
  const boxes = useRef(new Map<number, HTMLTextAreaElement>());

  useEffect(() => {
    const want = focusAfter.current;
    if (!want) return;
    focusAfter.current = null;
    const box = boxes.current.get(want.id);
    if (!box) return;
    box.focus();
    if (want.caret !== undefined) box.setSelectionRange(want.caret, want.caret);
  });

  const apply = (change: (list: DraftBullet[]) => DraftBullet[], focus?: { id: number; caret?: number }) => {
    focusAfter.current = focus ?? null;
    updateDraft((d) => ({ ...d, [field]: change(d[field]) }));
  };

  const add = (i: number) => {
    const level = bullets[i]?.level ?? 0;
    const b = newBullet('', level);
    apply((list) => insertAfter(list, i, b), { id: b.id });
  };

  const split = (i: number) => {
    const b = bullets[i]!;
    const box = boxes.current.get(b.id);
    const at = box?.selectionStart ?? b.text.length;
    apply((list) => splitAt(list, i, at, newBullet), { id: b.id });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>, i: number, b: DraftBullet) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const ops: Record<string, ((list: DraftBullet[]) => DraftBullet[]) | undefined> = {
      ArrowUp: (list) => moveUp(list, i),
      ArrowDown: (list) => moveDown(list, i),
      ArrowRight: (list) => shiftLevel(list, i, 1),
      ArrowLeft: (list) => shiftLevel(list, i, -1),
    };
    const op = ops[e.key];
    if (!op) return;
    e.preventDefault();
    apply(op, { id: b.id, caret: e.currentTarget.selectionStart });
  };

  const headingId = `edit-${field}-heading`;
  return (
    <section className="column bullet-editor" aria-labelledby={headingId}>
      <h3 id={headingId} className="column-heading">
        {heading}
        <span className="column-count">{bullets.length}件</span>
      </h3>
      <ol className="edit-bullets">
        {bullets.map((b, i) => {
          const n = i + 1;
          return (
            <li key={b.id} className={`edit-bullet level-${b.level}`}>
              <textarea
                ref={(el) => {
                  if (el) boxes.current.set(b.id, el);
                  else boxes.current.delete(b.id);
                }}
                className="edit-bullet-text"
                value={b.text}
                aria-label={`${heading} ${n}番目(階層${b.level + 1})`}
                rows={2}
                onChange={(e) => {
                  const text = e.target.value;
                  apply((list) => setText(list, i, text));
                }}
                onKeyDown={(e) => onKeyDown(e, i, b)}
              />
              <div className="edit-bullet-tools" role="group" aria-label={`${heading} ${n}番目の操作`}>
                <button
                  type="button"
                  className="tool"
                  onClick={() => apply((l) => moveUp(l, i), { id: b.id })}
                  disabled={i === 0}
                  aria-label={`${heading} ${n}番目を上へ`}
                  title="上へ (Alt+↑)"
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="tool"
                  onClick={() => apply((l) => moveDown(l, i), { id: b.id })}
                  disabled={i === bullets.length - 1}
                  aria-label={`${heading} ${n}番目を下へ`}
                  title="下へ (Alt+↓)"
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="tool"
                  onClick={() => apply((l) => shiftLevel(l, i, -1), { id: b.id })}
                  disabled={!canShift(bullets, i, -1)}
                  aria-label={`${heading} ${n}番目を字上げ`}
                  title="字上げ (Alt+←)"
                >
                  ⇤
                </button>
                <button
                  type="button"
                  className="tool"
                  onClick={() => apply((l) => shiftLevel(l, i, 1), { id: b.id })}
                  disabled={!canShift(bullets, i, 1)}
                  aria-label={`${heading} ${n}番目を字下げ`}
                  title="字下げ (Alt+→)"
                >
                  ⇥
                </button>
                <button
                  type="button"
                  className="tool"
                  onClick={() => split(i)}
                  aria-label={`${heading} ${n}番目をカーソル位置で分割`}
                  title="カーソル位置で分割"
                >
                  分割
                </button>
                <button
                  type="button"
                  className="tool"
                  onClick={() => apply((l) => mergeWithNext(l, i), { id: b.id })}
                  disabled={i === bullets.length - 1}
                  aria-label={`${heading} ${n}番目を次と結合`}
                  title="次の箇条書きと結合"
                >
                  結合
                </button>
                <button type="button" className="tool" onClick={() => add(i)} aria-label={`${heading} ${n}番目の後に追加`} title="後に追加">
                  ＋
                </button>
                <button
                  type="button"
                  className="tool tool-danger"
                  onClick={() => apply((l) => removeAt(l, i), bullets[i + 1] ?? bullets[i - 1])}
                  aria-label={`${heading} ${n}番目を削除`}
                  title="削除"
                >
                  削除
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button add-bullet" onClick={() => add(bullets.length - 1)}>
        ＋ 箇条書きを追加
      </button>
    </section>
  );
}
