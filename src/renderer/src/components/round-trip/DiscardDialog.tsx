// Discard a batch: nothing of it is written.
import type { BatchDetail } from '../../../../shared/imports';
import { discardBatch, useRoundTrip } from '../../state/round-trip';
import { Dialog } from '../common/Dialog';

export function DiscardDialog({ detail, open, onClose }: { detail: BatchDetail; open: boolean; onClose: () => void }) {
  const busy = useRoundTrip((s) => s.busy);
  return (
    <Dialog open={open} title="取り込みを破棄" onCancel={onClose} className="dialog-narrow">
      <p>
        <strong>{detail.fileName}</strong>(#{detail.id}
        )の取り込みと、この取り込みで決めた内容を破棄します。計画は変わりません。同じファイルはあとで取り込み直せます。
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
