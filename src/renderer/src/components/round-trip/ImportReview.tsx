// The review screen of returned workbooks: the files being imported (with progress), the staged and
// past batches, and the batch under review: its warnings, the changed cells grouped by item with
// their diffs and decisions (virtualised: a file of 5,600 rows stays smooth), apply and discard.
import { useEffect } from 'react';
import { loadBatches, openFileDialog, prepareImport, useRoundTrip } from '../../state/round-trip';
import { StatusMessage } from '../common/StatusMessage';
import { openFilePicker } from './ImportPicker';
import { Uploads } from './Uploads';
import { BatchList } from './BatchList';
import { BatchView } from './BatchView';

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
