// Apply a batch: what will be written and kept, a backup first.
import type { BatchDetail } from '../../../../shared/imports';
import { applyBatch, useRoundTrip } from '../../state/round-trip';
import { Dialog } from '../common/Dialog';
import { applyPreview } from './review-model';

export function ApplyDialog({ detail, open, onClose }: { detail: BatchDetail; open: boolean; onClose: () => void }) {
  const busy = useRoundTrip((s) => s.busy);
  const preview = applyPreview(detail);
  return (
    <Dialog open={open} title="取り込みを反映" onCancel={onClose}>
      <p>
        <strong>{detail.fileName}</strong>(#{detail.id})の決定を計画に反映します。
      </p>
      <ul className="apply-preview">
        <li>
          更新する欄: {preview.written} 欄(変更履歴に「Excel取込({detail.fileName}#{detail.id})」として記録)
        </li>
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
