// The review screen of returned workbooks: the files being imported (with progress), the staged and
// past batches, and the batch under review: its warnings, the changed cells grouped by item with
// their diffs and decisions (virtualised: a file of 5,600 rows stays smooth), apply and discard.
import { actionsLabel } from '../../../../shared/editions/fiscal-year';
import { useFiscalYear } from '../../state/store';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MINISTRY_NAMES } from '../../../../shared/domain';
import type { BatchDetail, BatchSummary } from '../../../../shared/imports';
import { MERGE_KIND_HELP, MERGE_KIND_NAMES, type MergeKind } from '../../../../shared/merge/three-way';
import { formatBytes } from '../../files';
import {
  applyBatch,
  clearFinishedUploads,
  decide,
  discardBatch,
  loadBatches,
  openFileDialog,
  prepareImport,
  selectBatch,
  useRoundTrip,
  type Upload,
} from '../../state/round-trip';
import { Dialog } from '../common/Dialog';
import { StatusMessage } from '../common/StatusMessage';
import { CellChangeRow, ItemHeadRow } from './CellChangeRow';
import { openFilePicker } from './ImportPicker';
import { BASE_SOURCE_HELP, BASE_SOURCE_NAMES, DEFAULT_SHOWN, KIND_ORDER, applyPreview, effectiveDecision, reviewRows, type ReviewRow } from './review-model';

const STATUS_NAMES: Record<BatchSummary['status'], string> = { staged: '確認待ち', applied: '反映済み', discarded: '破棄' };

function UploadRow({ upload }: { upload: Upload }) {
  const [now, setNow] = useState(() => Date.now());
  const running = upload.status === 'reading' || upload.status === 'staging';
  useEffect(() => {
    if (!running) return;
    const t = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(t);
  }, [running]);
  const seconds = upload.startedAt ? Math.max(0, Math.round((now - upload.startedAt) / 1000)) : 0;
  const state =
    upload.status === 'waiting'
      ? '順番待ち'
      : upload.status === 'reading'
        ? `読み込み中 ${Math.round(upload.progress * 100)}%`
        : upload.status === 'staging'
          ? `照合中…(${seconds} 秒)`
          : upload.status === 'done'
            ? `取り込みました(#${upload.batch})`
            : '取り込めませんでした';
  return (
    <li className={`upload upload-${upload.status}`}>
      <div className="upload-head">
        <span className="upload-name">{upload.name}</span>
        <span className="muted">{formatBytes(upload.bytes)}</span>
      </div>
      <div className="upload-state">
        {running && (
          <progress
            className="upload-progress"
            aria-label={`${upload.name} の進み具合`}
            {...(upload.status === 'reading' ? { value: upload.progress, max: 1 } : {})}
          />
        )}
        <span>{state}</span>
        {upload.status === 'done' && upload.batch !== null && (
          <button type="button" className="link-button" onClick={() => void selectBatch(upload.batch!)}>
            確認する
          </button>
        )}
      </div>
      {upload.error && (
        <p className="upload-error" role="alert">
          {upload.error}
        </p>
      )}
    </li>
  );
}

function Uploads() {
  const uploads = useRoundTrip((s) => s.uploads);
  if (uploads.length === 0) return null;
  const finished = uploads.filter((u) => u.status === 'done' || u.status === 'error').length;
  return (
    <section className="uploads" aria-label="取り込み中のファイル">
      <h3 className="pane-title">
        取り込み({finished}/{uploads.length})
      </h3>
      <ul>
        {uploads.map((u) => (
          <UploadRow key={u.id} upload={u} />
        ))}
      </ul>
      {finished === uploads.length && (
        <button type="button" className="link-button uploads-clear" onClick={clearFinishedUploads}>
          この一覧を消す
        </button>
      )}
    </section>
  );
}

function countsText(b: BatchSummary): string {
  const parts = KIND_ORDER.filter((k) => (b.counts[k] ?? 0) > 0).map((k) => `${MERGE_KIND_NAMES[k]} ${b.counts[k]}`);
  return parts.length ? parts.join('・') : '変更なし';
}

function BatchList() {
  const batches = useRoundTrip((s) => s.batches);
  const selected = useRoundTrip((s) => s.selectedBatch);
  if (batches.status === 'loading' || batches.status === 'idle') return <StatusMessage kind="loading">取り込みの一覧を読み込んでいます…</StatusMessage>;
  if (batches.status === 'error') return <StatusMessage kind="error">一覧を読み込めませんでした: {batches.message}</StatusMessage>;
  if (batches.value.length === 0) {
    return <StatusMessage kind="empty">まだ何も取り込んでいません。「回答を取り込む…」でファイルを選ぶか、ウィンドウにドロップしてください。</StatusMessage>;
  }
  const groups: [string, BatchSummary[]][] = [
    ['確認待ち', batches.value.filter((b) => b.status === 'staged')],
    ['反映済み・破棄', batches.value.filter((b) => b.status !== 'staged')],
  ];
  return (
    <>
      {groups
        .filter(([, list]) => list.length > 0)
        .map(([title, list]) => (
          <section key={title} className="batch-group" aria-label={title}>
            <h3 className="pane-title">{title}</h3>
            <ul className="batch-list">
              {list.map((b) => (
                <li key={b.id}>
                  <button type="button" className="batch-button" aria-current={b.id === selected ? 'true' : undefined} onClick={() => void selectBatch(b.id)}>
                    <span className="batch-name">{b.fileName}</span>
                    <span className="batch-meta">
                      #{b.id}
                      {b.ministry && <span className="badge">{b.ministry}</span>}
                      <span className={`batch-status batch-status-${b.status}`}>{STATUS_NAMES[b.status]}</span>
                      {b.undecidedConflicts > 0 && <span className="kind-badge kind-badge-conflict">未決定 {b.undecidedConflicts}</span>}
                    </span>
                    <span className="batch-counts">{countsText(b)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}

function Warnings({ detail }: { detail: BatchDetail }) {
  const { warnings, proposals } = detail.report;
  const fiscalYear = useFiscalYear();
  if (warnings.length === 0 && proposals.length === 0) return null;
  return (
    <section className="review-warnings" aria-label="取込時の注意">
      <h3 className="review-warnings-title">
        <span aria-hidden="true">⚠</span> 取込時の注意 {warnings.length} 件{proposals.length > 0 && `・新しい小項目の提案 ${proposals.length} 件`}(確認してください)
      </h3>
      <div className="review-warnings-body">
        {warnings.length > 0 && (
          <ul className="review-warning-list">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
        {proposals.length > 0 && (
          <>
            <h4 className="review-proposals-title">新しい小項目の提案(計画には自動で追加されません。必要なら事務局で項目を追加してください)</h4>
            <ul className="review-proposals">
              {proposals.map((p) => (
                <li key={p.row}>
                  <strong>
                    行 {p.row}: {p.title || '(小項目名なし)'}
                  </strong>
                  {p.actions && <p className="proposal-text">{actionsLabel(fiscalYear)}: {p.actions}</p>}
                  {p.future && <p className="proposal-text">今後の方向性・課題など: {p.future}</p>}
                  {p.comment && <p className="proposal-text">補足: {p.comment}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

function ChangeList({ detail, rows, editing, setEditing, scrollTo }: { detail: BatchDetail; rows: ReviewRow[]; editing: Set<number>; setEditing: (id: number, on: boolean) => void; scrollTo: { index: number; nonce: number } | null }) {
  const busy = useRoundTrip((s) => s.busy);
  const scrollRef = useRef<HTMLDivElement>(null);
  const staged = detail.status === 'staged';
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.type === 'item' ? 52 : 220),
    getItemKey: (i) => {
      const r = rows[i]!;
      return r.type === 'item' ? `i-${r.group.key}` : `c-${r.change.id}`;
    },
    overscan: 6,
  });
  useEffect(() => {
    if (scrollTo) virtualizer.scrollToIndex(scrollTo.index, { align: 'start' });
  }, [scrollTo, virtualizer]);

  if (rows.length === 0) {
    return <StatusMessage kind="empty">表示する変更はありません(表示する種類の切り替えを確認してください)。</StatusMessage>;
  }
  return (
    <div ref={scrollRef} className="review-list" role="list" aria-label="変更された欄の一覧" aria-busy={busy || undefined}>
      <div className="review-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index]!;
          return (
            <div key={v.key} ref={virtualizer.measureElement} data-index={v.index} role="listitem" className="review-row" style={{ transform: `translateY(${v.start}px)` }}>
              {row.type === 'item' ? (
                <ItemHeadRow group={row.group} staged={staged} busy={busy} shown={row.shown} batch={detail.id} />
              ) : (
                <CellChangeRow
                  batch={detail.id}
                  status={detail.status}
                  change={row.change}
                  group={row.group}
                  staged={staged}
                  busy={busy}
                  editing={editing.has(row.change.id)}
                  setEditing={(on) => setEditing(row.change.id, on)}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ApplyDialog({ detail, open, onClose }: { detail: BatchDetail; open: boolean; onClose: () => void }) {
  const busy = useRoundTrip((s) => s.busy);
  const preview = applyPreview(detail);
  return (
    <Dialog open={open} title="取り込みを反映" onCancel={onClose}>
      <p>
        <strong>{detail.fileName}</strong>(#{detail.id})の決定を計画に反映します。
      </p>
      <ul className="apply-preview">
        <li>更新する欄: {preview.written} 欄(変更履歴に「Excel取込({detail.fileName}#{detail.id})」として記録)</li>
        <li>現在の値のままにする欄: {preview.kept} 欄</li>
        <li>記録する府省からの補足: {preview.notes} 件</li>
      </ul>
      {preview.untaken > 0 && (
        <p className="apply-untaken" role="note">
          ⚠ 空になる欄・大きく削除される欄 {preview.untaken} 件は、欄ごとに「採用」を選んでいないため反映しません(現在の値のまま)。
        </p>
      )}
      <p className="apply-backup">反映の前に、データベースのバックアップを自動で作成します(「バックアップと復元」からいつでも戻せます)。</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => {
            void applyBatch(detail.id).then(onClose);
          }}
        >
          {busy ? '反映しています…' : 'バックアップを作成して反映'}
        </button>
        <button type="button" className="button" onClick={onClose} disabled={busy} autoFocus>
          やめる
        </button>
      </div>
    </Dialog>
  );
}

function DiscardDialog({ detail, open, onClose }: { detail: BatchDetail; open: boolean; onClose: () => void }) {
  const busy = useRoundTrip((s) => s.busy);
  return (
    <Dialog open={open} title="取り込みを破棄" onCancel={onClose} className="dialog-narrow">
      <p>
        <strong>{detail.fileName}</strong>(#{detail.id})の取り込みと、この取り込みで決めた内容を破棄します。計画は変わりません。同じファイルはあとで取り込み直せます。
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void discardBatch(detail.id).then(onClose)}>
          破棄する
        </button>
        <button type="button" className="button" onClick={onClose} disabled={busy} autoFocus>
          やめる
        </button>
      </div>
    </Dialog>
  );
}

function BatchView({ detail }: { detail: BatchDetail }) {
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
      <Warnings detail={detail} />
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
              <button type="button" className="button button-small" disabled={busy || total === 0} onClick={() => void decide(detail.id, [{ decision: 'theirs' }])}>
                すべて採用
              </button>
              <button type="button" className="button button-small" disabled={busy || total === 0} onClick={() => void decide(detail.id, [{ decision: 'ours' }])}>
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
        {staged && open > 0 && <p className="review-blocked">未決定の競合が {open} 件あります。競合ごとに「府省の値を採る」「現在の値を残す」「編集して決める」のいずれかを選ぶと反映できます。</p>}
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

export function ImportReview() {
  const detail = useRoundTrip((s) => s.detail);
  useEffect(() => {
    prepareImport();
    void loadBatches();
  }, []);
  return (
    <div className="review">
      <aside className="review-side" aria-label="取り込んだファイル">
        <div className="review-side-actions">
          <button type="button" className="button button-primary" onClick={openFilePicker}>
            回答を取り込む…
          </button>
          <button type="button" className="button" onClick={() => openFileDialog('backups')}>
            バックアップ…
          </button>
        </div>
        <p className="review-drop-hint muted">ファイルはウィンドウにドロップしても取り込めます。</p>
        <Uploads />
        <BatchList />
      </aside>
      <section className="review-main" aria-label="取り込みの確認">
        {detail.status === 'ready' ? (
          <BatchView key={detail.value.id} detail={detail.value} />
        ) : detail.status === 'loading' ? (
          <StatusMessage kind="loading">取り込んだ内容を読み込んでいます…</StatusMessage>
        ) : detail.status === 'error' ? (
          <StatusMessage kind="error">読み込めませんでした: {detail.message}</StatusMessage>
        ) : (
          <StatusMessage kind="empty">左の一覧からファイルを選んでください。</StatusMessage>
        )}
      </section>
    </div>
  );
}
