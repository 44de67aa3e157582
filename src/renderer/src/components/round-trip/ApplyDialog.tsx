// Apply a batch: what will be written and kept, a backup first.
import type { BatchDetail } from '../../../../shared/imports';
import { applyBatch, useRoundTrip } from '../../state/round-trip';
import { APPLY, ConfirmDialog } from '../common/ConfirmDialog';
import { applyPreview } from './review-model';

export function ApplyDialog({ detail, open, onClose }: { detail: BatchDetail; open: boolean; onClose: () => void }) {
  const busy = useRoundTrip((s) => s.busy);
  const preview = applyPreview(detail);
  return (
    <ConfirmDialog open={open} title="取り込みを反映" onClose={onClose} busy={busy} action={APPLY} onConfirm={() => applyBatch(detail.id)}>
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
    </ConfirmDialog>
  );
}
