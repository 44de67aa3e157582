// One annotation: where it is (or that its words are gone), its comment and tags, its thread of
// replies, and what can be done with it — reply, edit, resolve / reopen, delete. Used by the item's
// panel and by the global list (注釈一覧), where it also names its item.
import { useFiscalYear } from '../../state/plan-selectors';
import { useState, type ReactNode } from 'react';
import { KIND_NAMES, STATUS_NAMES, type AnnotationColor, type AnnotationView } from '../../../../shared/annotations';
import {
  deleteAnnotation,
  jumpToAnnotation,
  replyToAnnotation,
  setActiveAnnotation,
  updateAnnotation,
  useAnnotations,
} from '../../state/annotations';
import { ColorChoice, FormError, FormFooter, TagsField } from './form-parts';
import { useSubmit } from './use-submit';
import { ORPHAN_LABEL, cardDomId, formatTime, parseTags, placeName } from './annotation-model';

function Quote({ a, children }: { a: AnnotationView; children?: ReactNode }) {
  const quote = a.anchor?.quote;
  if (a.anchorState.state === 'orphan') {
    return (
      <div className="annot-orphan">
        <span className="annot-orphan-label">{a.anchorState.reason === 'item_missing' ? '項目が見つかりません' : ORPHAN_LABEL}</span>
        {quote && <q className="annot-quote annot-quote-old">{quote}</q>}
      </div>
    );
  }
  if (!quote) return <>{children}</>;
  return (
    <button type="button" className="annot-quote-button" onClick={() => jumpToAnnotation(a, 'text')} title="本文の該当箇所へ移動">
      <span className={`annot-swatch annot-c-${a.color}`} aria-hidden="true" />
      <q className="annot-quote">{quote}</q>
      <span className="visually-hidden">(本文の該当箇所へ移動)</span>
    </button>
  );
}

function EditForm({ a, onDone }: { a: AnnotationView; onDone: () => void }) {
  const [comment, setComment] = useState(a.comment);
  const [tags, setTags] = useState(a.tags.join('、'));
  const [color, setColor] = useState<AnnotationColor>(a.color);
  const { busy, error, run } = useSubmit();
  return (
    <form
      className="annot-form"
      onSubmit={(e) => {
        e.preventDefault();
        const kind = a.anchor ? (comment.trim() ? 'comment' : 'highlight') : undefined;
        run(updateAnnotation(a, { comment, tags: parseTags(tags), color, ...(kind ? { kind } : {}) }), onDone);
      }}
    >
      <label className="annot-form-field">
        <span>コメント</span>
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} autoFocus maxLength={10_000} />
      </label>
      <TagsField value={tags} onChange={setTags} />
      {a.anchor && <ColorChoice name={`color-${a.id}`} value={color} onChange={setColor} />}
      <FormFooter error={error} submitLabel="保存" submitDisabled={busy} onCancel={onDone} />
    </form>
  );
}

function ReplyForm({ a, onDone }: { a: AnnotationView; onDone: () => void }) {
  const [text, setText] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <form
      className="annot-form annot-reply-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        run(replyToAnnotation(a, text.trim()), onDone);
      }}
    >
      <label className="annot-form-field">
        <span>返信</span>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} autoFocus maxLength={5_000} />
      </label>
      <FormFooter error={error} submitLabel="返信する" submitDisabled={busy || !text.trim()} onCancel={onDone} />
    </form>
  );
}

interface Props {
  a: AnnotationView;
  /** In the global list (grouped under its item): offer a jump to the item. */
  withItem?: boolean;
  headingLevel?: 'h3' | 'h4';
}

export function AnnotationCard({ a, withItem = false, headingLevel = 'h4' }: Props) {
  const active = useAnnotations((s) => s.activeId === a.id);
  // An annotation of another edition than the current one (an archived edition's) is read-only.
  const fiscalYear = useFiscalYear();
  const readOnly = fiscalYear !== null && a.fiscalYear !== fiscalYear;
  const [mode, setMode] = useState<'view' | 'edit' | 'reply' | 'delete'>('view');
  const { busy, error, run } = useSubmit();
  const replies = a.replies.filter((r) => !r.deletedAt);
  const Heading = headingLevel;
  const resolved = a.status === 'resolved';

  return (
    <li
      id={withItem ? undefined : cardDomId(a.id)}
      className={`annot-card annot-border-${a.color}${active ? ' is-active' : ''}${resolved ? ' is-resolved' : ''}`}
      tabIndex={-1}
      aria-labelledby={`annot-h-${a.id}${withItem ? '-g' : ''}`}
      onClick={() => setActiveAnnotation(a.id)}
      data-annotation-card={a.id}
    >
      <div className="annot-card-head">
        <Heading id={`annot-h-${a.id}${withItem ? '-g' : ''}`} className="annot-card-title">
          <span className="annot-kind">{KIND_NAMES[a.kind]}</span>
          <span className="annot-place">{placeName(a, a.fiscalYear)}</span>
        </Heading>
        <span className={`annot-status annot-status-${a.status}`}>{STATUS_NAMES[a.status]}</span>
      </div>
      <Quote a={a} />
      {a.comment && <p className="annot-comment">{a.comment}</p>}
      {a.tags.length > 0 && (
        <ul className="annot-tags" aria-label="タグ">
          {a.tags.map((t) => (
            <li key={t} className="chip annot-tag">
              #{t}
            </li>
          ))}
        </ul>
      )}
      <p className="annot-byline">
        {a.author}・{formatTime(a.createdAt)}
        {a.updatedAt !== a.createdAt && `(更新 ${formatTime(a.updatedAt)})`}
      </p>
      {replies.length > 0 && (
        <ol className="annot-replies" aria-label="返信">
          {replies.map((r) => (
            <li key={r.id} className="annot-reply">
              <p className="annot-reply-text">{r.text}</p>
              <p className="annot-byline">
                {r.author}・{formatTime(r.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {mode === 'edit' && <EditForm a={a} onDone={() => setMode('view')} />}
      {mode === 'reply' && <ReplyForm a={a} onDone={() => setMode('view')} />}
      {mode === 'delete' && (
        <div className="annot-confirm" role="group" aria-label="削除の確認">
          <p>この注釈を削除しますか?(返信も表示されなくなります)</p>
          <button
            type="button"
            className="button button-danger button-small"
            disabled={busy}
            onClick={() => run(deleteAnnotation(a))}
            autoFocus
          >
            削除する
          </button>
          <button type="button" className="button button-small" onClick={() => setMode('view')}>
            やめる
          </button>
        </div>
      )}
      <FormError error={error} />
      {mode === 'view' && (withItem || !readOnly) && (
        <div className="annot-actions">
          {withItem && (
            <button
              type="button"
              className="button button-small"
              onClick={() => jumpToAnnotation(a, a.anchorState.state === 'anchored' ? 'text' : 'card')}
            >
              項目を開く
            </button>
          )}
          {!readOnly && (
            <>
              <button type="button" className="button button-small" aria-label="注釈に返信" onClick={() => setMode('reply')}>
                返信
              </button>
              <button type="button" className="button button-small" aria-label="注釈を編集" onClick={() => setMode('edit')}>
                編集
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                onClick={() => run(updateAnnotation(a, { status: resolved ? 'open' : 'resolved' }))}
              >
                {resolved ? '未対応に戻す' : '対応済みにする'}
              </button>
              <button type="button" className="button button-small button-danger" aria-label="注釈を削除" onClick={() => setMode('delete')}>
                削除
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
