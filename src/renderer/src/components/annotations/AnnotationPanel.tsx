// The item's annotations beside its text: a note on the whole item, then the annotations in reading
// order, and apart from them the orphans whose words are gone (with their original quote). Wraps the
// item's tab panel so the two sit side by side when there is room (below it when there is not), and
// reads the annotations again whenever the item's version changes (the backend re-anchors on read).
import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import type { AnnotationView } from '../../../../shared/annotations';
import type { Item } from '../../../../shared/domain';
import { createAnnotation, loadItemAnnotations, takePendingJump, useAnnotations } from '../../state/annotations';
import { FormFooter, TagsField } from './form-parts';
import { useSubmit } from './use-submit';
import { StatusMessage } from '../common/StatusMessage';
import { AnnotationCard } from './AnnotationCard';
import { ORPHAN_LABEL, cardDomId, markDomId, parseTags, readingOrder } from './annotation-model';
import { SelectionToolbar } from './SelectionToolbar';
import { useLayoutPrefs } from '../layout/layout-prefs';
import { PaneDivider } from '../layout/PaneDivider';
import { withAuthor } from '../layout/author-first';
import '../../styles/annotations.css';

function NoteForm({ itemKey, onDone }: { itemKey: string; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [tags, setTags] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <form
      className="annot-form annot-note-form"
      aria-label="項目全体へのメモ"
      onSubmit={(e) => {
        e.preventDefault();
        if (!comment.trim()) return;
        run(createAnnotation({ itemKey, field: null, kind: 'note', comment: comment.trim(), tags: parseTags(tags) }), onDone);
      }}
    >
      <label className="annot-form-field">
        <span>メモ(項目全体)</span>
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} autoFocus maxLength={10_000} />
      </label>
      <TagsField value={tags} onChange={setTags} />
      <FormFooter error={error} submitLabel="追加" submitDisabled={busy || !comment.trim()} onCancel={onDone} />
    </form>
  );
}

function performJump(list: readonly AnnotationView[]): void {
  const jump = useAnnotations.getState().pendingJump;
  if (!jump || !list.some((a) => a.id === jump.id)) return;
  takePendingJump();
  const mark = jump.to === 'text' ? document.getElementById(markDomId(jump.id)) : null;
  const target = mark ?? document.getElementById(cardDomId(jump.id));
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  if (mark) {
    mark.classList.remove('is-flash');
    void mark.offsetWidth;
    mark.classList.add('is-flash');
  }
}

function AnnotationPanel({ item, readOnly }: { item: Item; readOnly: boolean }) {
  const state = useAnnotations((s) => s.byItem[item.key]);
  const pending = useAnnotations((s) => s.pendingJump);
  const [adding, setAdding] = useState(false);
  const list = useMemo(() => readingOrder(state?.list ?? []), [state]);
  const orphans = list.filter((a) => a.anchorState.state === 'orphan');
  const placed = list.filter((a) => a.anchorState.state !== 'orphan');
  const open = list.filter((a) => a.status === 'open').length;

  useEffect(() => {
    if (state?.status === 'ready' && pending) {
      // After the text has painted its marks.
      const frame = requestAnimationFrame(() => performJump(state.list));
      return () => cancelAnimationFrame(frame);
    }
    return undefined;
  }, [state, pending]);

  return (
    <aside id="annot-panel" className="annot-panel" aria-labelledby="annot-panel-title">
      <div className="annot-panel-head">
        <h3 id="annot-panel-title" className="annot-panel-title">
          注釈 <span className="column-count">{list.length}件</span>
          {open > 0 && <span className="annot-open-count">未対応 {open}</span>}
        </h3>
        {!adding && !readOnly && (
          <button type="button" className="button button-small" onClick={() => void withAuthor(() => setAdding(true))}>
            メモを追加
          </button>
        )}
      </div>
      <p className="annot-hint">
        {readOnly
          ? 'この版で付けられた注釈です(閲覧のみ)。現在の版へは注釈一覧の「前年度の注釈を引き継ぐ」で引き継げます。'
          : '本文を選択すると、ハイライト・コメント・タグを付けられます(キーボードでは選択後に Shift+F10)。'}
      </p>
      {adding && <NoteForm itemKey={item.key} onDone={() => setAdding(false)} />}
      {state?.status === 'error' && (
        <StatusMessage
          kind="error"
          action={
            <button type="button" className="button button-small" onClick={() => void loadItemAnnotations(item.key)}>
              再読み込み
            </button>
          }
        >
          注釈を読み込めませんでした: {state.message}
        </StatusMessage>
      )}
      {(!state || state.status === 'loading') && list.length === 0 && <StatusMessage kind="loading">注釈を読み込んでいます…</StatusMessage>}
      {state?.status === 'ready' && list.length === 0 && !adding && <p className="empty-field">この項目には注釈がありません。</p>}
      {placed.length > 0 && (
        <ul className="annot-cards" aria-label="この項目の注釈">
          {placed.map((a) => (
            <AnnotationCard key={a.id} a={a} />
          ))}
        </ul>
      )}
      {orphans.length > 0 && (
        <section className="annot-orphans" aria-labelledby="annot-orphans-title">
          <h4 id="annot-orphans-title" className="annot-orphans-title">
            {ORPHAN_LABEL}({orphans.length}件)
          </h4>
          <p className="annot-hint">注釈を付けた文言が本文から消えたか、大きく変わりました。元の引用を表示しています。</p>
          <ul className="annot-cards">
            {orphans.map((a) => (
              <AnnotationCard key={a.id} a={a} />
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

/** The item's tab panel with its annotation panel beside it, and the selection toolbar (not on a read-only edition). */
export function ItemAnnotations({ item, readOnly = false, children }: { item: Item; readOnly?: boolean; children: ReactNode }) {
  useEffect(() => {
    void loadItemAnnotations(item.key);
  }, [item.key, item.version]);
  const collapsed = useLayoutPrefs((s) => s.collapsed.annotations);
  const width = useLayoutPrefs((s) => s.widths.annotations);
  const style = width === null ? undefined : ({ '--annot-width': `${width}px` } as CSSProperties);
  return (
    <div className="annot-layout">
      <div className={collapsed ? 'annot-grid is-collapsed' : 'annot-grid'} style={style}>
        <div className="annot-main">{children}</div>
        <PaneDivider pane="annotations" label="注釈" controls="annot-panel" side="right" />
        {!collapsed && <AnnotationPanel item={item} readOnly={readOnly} />}
      </div>
      {!readOnly && <SelectionToolbar />}
    </div>
  );
}
