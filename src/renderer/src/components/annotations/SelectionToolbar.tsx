// The floating toolbar for a selection in an item's title or bullets: highlight in one of the
// colours at once, or open a small form for a comment and tags. It follows the selection as the pane
// scrolls. Keyboard: Shift+F10 (or the menu key) moves into it while text is selected, ← → move
// between its buttons, Esc closes it and returns to the text.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useSubmit } from './use-submit';
import { ANNOTATION_COLORS, type AnnotationColor } from '../../../../shared/annotations';
import { createAnnotation, setSelection, useAnnotations, type TextSelection } from '../../state/annotations';
import { useApp } from '../../state/app-state';
import { ensureAuthor } from '../../state/author';
import { colorLabel, parseTags } from './annotation-model';
import { ColorChoice, FormError, FormFooter, TagsField } from './form-parts';
import { spanOfSelection } from './selection';

type Mode = 'buttons' | 'comment' | 'tags';

const TOOLBAR_ID = 'annot-toolbar';

function place(range: Range | null): { top: number; left: number } | null {
  if (!range) return null;
  const rect = range.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  const width = 340;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  const below = rect.bottom + 8;
  const top = below + 60 > window.innerHeight ? Math.max(8, rect.top - 52) : below;
  return { top, left };
}

export function SelectionToolbar() {
  const selection = useAnnotations((s) => s.selection);
  const [mode, setMode] = useState<Mode>('buttons');
  const [color, setColor] = useState<AnnotationColor>('yellow');
  const [comment, setComment] = useState('');
  const [tags, setTags] = useState('');
  const { busy, error, run, clearError } = useSubmit();
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const rangeRef = useRef<Range | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const pinned = useRef(false);
  useEffect(() => {
    pinned.current = mode !== 'buttons' || busy;
  }, [mode, busy]);

  /** Into the comment or tag form, the author asked first when none is set (busy keeps the bar while asking). */
  const beginForm = (next: Mode) => run(ensureAuthor(), () => setMode(next));

  const close = (clearDom: boolean) => {
    setMode('buttons');
    setComment('');
    setTags('');
    clearError();
    setSelection(null);
    rangeRef.current = null;
    if (clearDom) window.getSelection()?.removeAllRanges();
  };

  // Follow the document's selection.
  useEffect(() => {
    let frame = 0;
    const read = () => {
      frame = 0;
      const sel = window.getSelection();
      const span = spanOfSelection(sel);
      const inBar = barRef.current?.contains(document.activeElement) ?? false;
      if (!span) {
        if (!pinned.current && !inBar) {
          setSelection(null);
          rangeRef.current = null;
        }
        return;
      }
      const app = useApp.getState();
      const item = app.itemCache[span.itemKey];
      if (!item || app.selectedKey !== span.itemKey || app.draft?.key === span.itemKey) return;
      const next: TextSelection = { ...span, version: item.version };
      rangeRef.current = sel!.getRangeAt(0).cloneRange();
      setMode('buttons');
      clearError();
      setSelection(next);
      setPos(place(rangeRef.current));
    };
    const onChange = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [clearError]);

  // Keep to the words while the page scrolls or resizes.
  useEffect(() => {
    if (!selection) return;
    const update = () => setPos(place(rangeRef.current));
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [selection]);

  // Shift+F10 / the menu key: into the toolbar.
  useEffect(() => {
    if (!selection) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
        if (barRef.current?.contains(document.activeElement)) return;
        e.preventDefault();
        barRef.current?.querySelector<HTMLElement>('button')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection]);

  // A pointer press elsewhere releases a form left open.
  useEffect(() => {
    if (!selection) return;
    const onDown = (e: PointerEvent) => {
      if (barRef.current && !barRef.current.contains(e.target as Node) && mode !== 'buttons' && !busy) close(false);
    };
    window.addEventListener('pointerdown', onDown, true);
    return () => window.removeEventListener('pointerdown', onDown, true);
  });

  if (!selection || !pos) return null;

  const save = (input: { color: AnnotationColor; comment?: string; tags?: string[] }) =>
    run(
      createAnnotation({
        itemKey: selection.itemKey,
        field: selection.field,
        range: { bulletIndex: selection.bulletIndex, start: selection.start, end: selection.end },
        expectedVersion: selection.version,
        kind: input.comment ? 'comment' : 'highlight',
        color: input.color,
        comment: input.comment,
        tags: input.tags,
      }),
      () => close(true),
    );

  const onBarKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      const mark = rangeRef.current?.startContainer.parentElement?.closest<HTMLElement>('[tabindex]');
      close(true);
      mark?.focus();
      return;
    }
    if (mode !== 'buttons' || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    const buttons = [...(barRef.current?.querySelectorAll<HTMLButtonElement>('.annot-tool') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(at + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
    e.preventDefault();
    next?.focus();
  };

  const short = selection.quote.length > 24 ? `${selection.quote.slice(0, 24)}…` : selection.quote;

  return (
    <div
      ref={barRef}
      id={TOOLBAR_ID}
      className={`annot-toolbar${mode === 'buttons' ? '' : ' is-form'}`}
      role={mode === 'buttons' ? 'toolbar' : 'dialog'}
      aria-label={`選択した文「${short}」への注釈`}
      style={{ top: pos.top, left: pos.left }}
      onKeyDown={onBarKey}
      // Keep the selection while the buttons are pressed.
      onMouseDown={(e) => {
        if (mode === 'buttons') e.preventDefault();
      }}
    >
      {mode === 'buttons' ? (
        <>
          <span className="annot-toolbar-caption" aria-hidden="true">
            ハイライト
          </span>
          {ANNOTATION_COLORS.map((c, i) => (
            <button
              key={c}
              type="button"
              className={`annot-tool annot-swatch annot-c-${c}`}
              aria-label={`${colorLabel(c)}でハイライト`}
              title={`${colorLabel(c)}でハイライト`}
              tabIndex={i === 0 ? 0 : -1}
              disabled={busy}
              onClick={() => save({ color: c })}
            />
          ))}
          <button
            type="button"
            className="annot-tool button button-small"
            tabIndex={-1}
            disabled={busy}
            onClick={() => beginForm('comment')}
          >
            コメント
          </button>
          <button type="button" className="annot-tool button button-small" tabIndex={-1} disabled={busy} onClick={() => beginForm('tags')}>
            タグ
          </button>
        </>
      ) : (
        <form
          className="annot-form"
          onSubmit={(e) => {
            e.preventDefault();
            save({ color, comment: comment.trim() || undefined, tags: parseTags(tags) });
          }}
        >
          <p className="annot-quote-line">「{short}」</p>
          <label className="annot-form-field">
            <span>コメント</span>
            <textarea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={3}
              autoFocus={mode === 'comment'}
              maxLength={10_000}
            />
          </label>
          <TagsField value={tags} onChange={setTags} autoFocus={mode === 'tags'} placeholder="例: 要確認、予算" />
          <ColorChoice name="annot-new-color" value={color} onChange={setColor} />
          <FormFooter error={error} submitLabel="保存" submitDisabled={busy} onCancel={() => close(true)} />
        </form>
      )}
      {mode === 'buttons' && <FormError error={error} />}
    </div>
  );
}
