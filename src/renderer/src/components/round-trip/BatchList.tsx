// The staged and past batches of returned workbooks, each with its counts by kind.
import type { BatchSummary } from '../../../../shared/imports';
import { MERGE_KIND_NAMES } from '../../../../shared/merge/three-way';
import { selectBatch, useRoundTrip } from '../../state/round-trip';
import { StatusMessage } from '../common/StatusMessage';
import { KIND_ORDER, STATUS_NAMES } from './review-model';

function countsText(b: BatchSummary): string {
  const parts = KIND_ORDER.filter((k) => (b.counts[k] ?? 0) > 0).map((k) => `${MERGE_KIND_NAMES[k]} ${b.counts[k]}`);
  return parts.length ? parts.join('・') : '変更なし';
}
export function BatchList() {
  const batches = useRoundTrip((s) => s.batches);
  const selected = useRoundTrip((s) => s.selectedBatch);
  if (batches.status === 'loading' || batches.status === 'idle')
    return <StatusMessage kind="loading">取り込みの一覧を読み込んでいます…</StatusMessage>;
  if (batches.status === 'error') return <StatusMessage kind="error">一覧を読み込めませんでした: {batches.message}</StatusMessage>;
  if (batches.value.length === 0) {
    return (
      <StatusMessage kind="empty">
        まだ何も取り込んでいません。「回答を取り込む…」でファイルを選ぶか、ウィンドウにドロップしてください。
      </StatusMessage>
    );
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
                  <button
                    type="button"
                    className="batch-button"
                    aria-current={b.id === selected ? 'true' : undefined}
                    onClick={() => void selectBatch(b.id)}
                  >
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
