// The batch under review: its header, warnings, kind filters, changed cells, apply and discard.
import { editionLabel } from '../../../../shared/editions/fiscal-year';
import { useMemo, useState } from 'react';
import { MINISTRY_NAMES } from '../../../../shared/domain';
import type { BatchDetail } from '../../../../shared/imports';
import { MERGE_KIND_HELP, MERGE_KIND_NAMES, type MergeKind } from '../../../../shared/merge/three-way';
import { decide, useRoundTrip } from '../../state/round-trip';
import { StatusMessage } from '../common/StatusMessage';
import {
  BASE_SOURCE_HELP,
  BASE_SOURCE_NAMES,
  DEFAULT_SHOWN,
  KIND_ORDER,
  STATUS_NAMES,
  effectiveDecision,
  reviewRows,
} from './review-model';
import { ReviewWarnings } from './ReviewWarnings';
import { ChangeList } from './ChangeList';
import { ApplyDialog } from './ApplyDialog';
import { DiscardDialog } from './DiscardDialog';

export function BatchView({ detail }: { detail: BatchDetail }) {
  const busy = useRoundTrip((s) => s.busy);
  const notice = useRoundTrip((s) => s.notice);
  const [shown, setShown] = useState<Record<MergeKind, boolean>>(DEFAULT_SHOWN);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [editing, setEditingSet] = useState<Set<number>>(() => new Set());
  const [confirm, setConfirm] = useState<'apply' | 'discard' | null>(null);
  const [scrollTo, setScrollTo] = useState<{ index: number; nonce: number } | null>(null);
  const rows = useMemo(() => reviewRows(detail, shown, onlyOpen), [detail, shown, onlyOpen]);
  const staged = detail.status === 'staged';
  const total = detail.items.reduce((n, it) => n + it.changes.length, 0);
  const conflicts = detail.counts.conflict ?? 0;
  const open = detail.undecidedConflicts;

  const setEditing = (id: number, on: boolean) =>
    setEditingSet((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const nextOpen = () => {
    const at = rows.findIndex((r) => r.type === 'cell' && effectiveDecision(r.change) === null);
    if (at >= 0) setScrollTo((s) => ({ index: Math.max(0, at - 1), nonce: (s?.nonce ?? 0) + 1 }));
  };

  return (
    <article className="review-batch" aria-labelledby="review-batch-title">
      <header className="review-batch-head">
        <h2 id="review-batch-title" className="review-batch-title">
          {detail.fileName}
        </h2>
        <div className="review-batch-meta">
          <span>#{detail.id}</span>
          {detail.ministry && (
            <span>
              <span className="badge">{detail.ministry}</span> {MINISTRY_NAMES[detail.ministry]}
            </span>
          )}
          <span className={`batch-status batch-status-${detail.status}`}>{STATUS_NAMES[detail.status]}</span>
          {detail.draftYear !== null && (
            <span className="edition-status edition-status-draft">反映先: {editionLabel(detail.draftYear)}(作成中)</span>
          )}
          <span>取り込み {new Date(detail.createdAt).toLocaleString('ja-JP')}</span>
          {detail.appliedAt && <span>反映 {new Date(detail.appliedAt).toLocaleString('ja-JP')}</span>}
          {detail.report.baseSource && (
            <span className="muted review-base" title={BASE_SOURCE_HELP[detail.report.baseSource]}>
              {BASE_SOURCE_NAMES[detail.report.baseSource]}
            </span>
          )}
          {detail.backup && <span className="muted">反映前のバックアップ: {detail.backup}</span>}
        </div>
      </header>
      {notice && (
        <p className={notice.kind === 'ok' ? 'notice' : 'notice notice-error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      <ReviewWarnings detail={detail} />
      <div className="review-toolbar">
        <fieldset className="kind-filters">
          <legend className="visually-hidden">表示する変更の種類</legend>
          {KIND_ORDER.filter((k) => k !== 'unchanged').map((k) => (
            <label key={k} className={`kind-filter kind-filter-${k}`} title={MERGE_KIND_HELP[k]}>
              <input type="checkbox" checked={shown[k]} onChange={(e) => setShown((s) => ({ ...s, [k]: e.target.checked }))} />
              {MERGE_KIND_NAMES[k]} <span className="count">{detail.counts[k] ?? 0}</span>
            </label>
          ))}
          <label className="kind-filter">
            <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
            未決定のみ
          </label>
        </fieldset>
        {staged && conflicts > 0 && (
          <div className="conflict-progress">
            <label>
              競合の判断 {conflicts - open}/{conflicts}
              <progress value={conflicts - open} max={conflicts} />
            </label>
            {open > 0 && (
              <button type="button" className="button button-small" onClick={nextOpen}>
                未決定の競合へ
              </button>
            )}
          </div>
        )}
        {staged && (
          <div className="review-actions">
            <span className="review-actions-group" role="group" aria-label="このファイルの全欄">
              <button
                type="button"
                className="button button-small"
                disabled={busy || total === 0}
                onClick={() => void decide(detail.id, [{ decision: 'theirs' }])}
              >
                すべて採用
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={busy || total === 0}
                onClick={() => void decide(detail.id, [{ decision: 'ours' }])}
              >
                すべて却下
              </button>
            </span>
            <span className="spacer" />
            <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirm('discard')}>
              破棄…
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || open > 0}
              title={open > 0 ? `未決定の競合が ${open} 件あります。すべて決めてから反映してください。` : undefined}
              onClick={() => setConfirm('apply')}
            >
              反映…
            </button>
          </div>
        )}
        {staged && open > 0 && (
          <p className="review-blocked">
            未決定の競合が {open}{' '}
            件あります。競合ごとに「府省の値を採る」「現在の値を残す」「編集して決める」のいずれかを選ぶと反映できます。
          </p>
        )}
      </div>
      {total === 0 ? (
        <StatusMessage kind="empty">このファイルには、現在の計画と違う欄はありません。</StatusMessage>
      ) : (
        <ChangeList detail={detail} rows={rows} editing={editing} setEditing={setEditing} scrollTo={scrollTo} />
      )}
      <ApplyDialog detail={detail} open={confirm === 'apply'} onClose={() => setConfirm(null)} />
      <DiscardDialog detail={detail} open={confirm === 'discard'} onClose={() => setConfirm(null)} />
    </article>
  );
}
