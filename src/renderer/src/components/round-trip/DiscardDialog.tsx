// Discard a batch: nothing of it is written.
import type { BatchDetail } from '../../../../shared/imports';
import { discardBatch, useRoundTrip } from '../../state/round-trip';
import { ConfirmDialog, DISCARD } from '../common/ConfirmDialog';

export function DiscardDialog({ detail, open, onClose }: { detail: BatchDetail; open: boolean; onClose: () => void }) {
  const busy = useRoundTrip((s) => s.busy);
  return (
    <ConfirmDialog
      open={open}
      title="取り込みを破棄"
      onClose={onClose}
      busy={busy}
      action={DISCARD}
      onConfirm={() => discardBatch(detail.id)}
    >
      <p>
        <strong>{detail.fileName}</strong>(#{detail.id}
        )の取り込みと、この取り込みで決めた内容を破棄します。計画は変わりません。同じファイルはあとで取り込み直せます。
      </p>
    </ConfirmDialog>
  );
}
