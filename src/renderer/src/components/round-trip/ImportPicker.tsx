// Choosing returned workbooks: one hidden file input for the whole app, the dialog the Electron menu
// opens (a menu click outside the page cannot open a file chooser by itself: the browser wants a
// click in the page), and the drop overlay that turns the whole window into a drop target.
import { useEffect, useRef, useState } from 'react';
import { closeFileDialog, importFiles, prepareImport, useRoundTrip } from '../../state/round-trip';
import { Dialog } from '../common/Dialog';
import { stageEditionFiles } from '../../state/editions';
import { useApp } from '../../state/app-state';

const INPUT_ID = 'import-file-input';
const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Open the file chooser now if the page may (a click in it), else the import dialog with its button. */
export function openFilePicker(): void {
  prepareImport();
  const input = document.getElementById(INPUT_ID) as HTMLInputElement | null;
  if (input && navigator.userActivation?.isActive !== false) input.click();
  else useRoundTrip.setState({ dialog: 'import' });
}

/** The hidden file input; the dialog has its own (a modal dialog makes the rest of the page inert). */
export function ImportInput({ id = INPUT_ID }: { id?: string }) {
  return (
    <input
      id={id}
      type="file"
      multiple
      accept={ACCEPT}
      className="visually-hidden"
      tabIndex={-1}
      aria-label="取り込む回答ファイル(.xlsx)"
      onChange={(e) => {
        const files = [...(e.currentTarget.files ?? [])];
        e.currentTarget.value = '';
        importFiles(files);
      }}
    />
  );
}

export function ImportDialog() {
  const open = useRoundTrip((s) => s.dialog === 'import');
  return (
    <Dialog open={open} title="回答を取り込む" onCancel={closeFileDialog} className="dialog-narrow">
      <p>
        府省から返ってきた照会シート(.xlsx)を選んでください。複数のファイルを一度に選べます。ウィンドウにファイルをドラッグ&ドロップしても取り込めます。
      </p>
      <p className="muted">取り込んだ内容はすぐには反映されません。「取り込み」画面で欄ごとに確認してから反映します。</p>
      <ImportInput id={`${INPUT_ID}-dialog`} />
      <div className="dialog-actions">
        <button
          type="button"
          className="button button-primary"
          autoFocus
          onClick={() => document.getElementById(`${INPUT_ID}-dialog`)?.click()}
        >
          ファイルを選ぶ…
        </button>
        <button type="button" className="button" onClick={closeFileDialog}>
          キャンセル
        </button>
      </div>
    </Dialog>
  );
}

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * The window accepts dropped files: an overlay says so while files are dragged over it, and a drop
 * imports them. Dropping elsewhere never navigates away (the browser would otherwise open the file).
 */
export function DropOverlay() {
  const [dragging, setDragging] = useState(false);
  const editions = useApp((s) => s.view === 'editions');
  const depth = useRef(0);
  useEffect(() => {
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (depth.current === 0) prepareImport();
      depth.current += 1;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      // On the editions screen a dropped file is a new edition's table, anywhere else a returned workbook.
      const files = [...(e.dataTransfer?.files ?? [])];
      if (useApp.getState().view === 'editions') void stageEditionFiles(files);
      else importFiles(files);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" role="status" aria-live="polite">
      <div className="drop-overlay-box">
        {editions ? (
          <>
            <p className="drop-overlay-title">ここにドロップすると新しい版の資料を取り込みます</p>
            <p className="muted">計画の本文を書き出したテキスト(.txt)。取り込んだ内容は項目ごとに確認してから反映します。</p>
          </>
        ) : (
          <>
            <p className="drop-overlay-title">ここにドロップすると回答を取り込みます</p>
            <p className="muted">府省から返ってきた照会シート(.xlsx)。複数可。取り込んだ内容は確認してから反映します。</p>
          </>
        )}
      </div>
    </div>
  );
}
