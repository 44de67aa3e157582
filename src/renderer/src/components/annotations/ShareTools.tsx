// Sharing annotations as Excel: export every annotation to one workbook (saved through the page's
// download, as the other exports), and import reviewers' workbooks — several at once — merged by id,
// with the outcome of each file (created / updated / unchanged, warnings, or why it was refused).
import { useRef, useState } from 'react';
import type { AnnotationImportOutcome, MergeCounts } from '../../../../shared/annotations';
import { invoke } from '../../api-client';
import { readFileBase64, saveBase64 } from '../../files';
import { clearImportOutcome, importAnnotationFiles, useAnnotations } from '../../state/annotations';
import { messageOf } from '../../state/error-message';
import { StatusMessage } from '../common/StatusMessage';

function counts(c: MergeCounts): string {
  return `新規 ${c.created}・更新 ${c.updated}・変更なし ${c.unchanged}`;
}

function Outcome({ o }: { o: AnnotationImportOutcome }) {
  return (
    <li className={`annot-outcome${o.error ? ' is-error' : ''}`}>
      <p className="annot-outcome-file">{o.file}</p>
      {o.error ? (
        <p className="annot-error">取り込めませんでした: {o.error}</p>
      ) : (
        <p>
          注釈: {counts(o.annotations)} / 返信: {counts(o.replies)}
        </p>
      )}
      {o.warnings.length > 0 && (
        <ul className="annot-warnings" aria-label="注意">
          {o.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function ShareTools() {
  const input = useRef<HTMLInputElement>(null);
  const imports = useAnnotations((s) => s.imports);
  const [exporting, setExporting] = useState<{ status: 'idle' | 'running' | 'done' | 'error'; message?: string }>({ status: 'idle' });

  const exportAll = async () => {
    setExporting({ status: 'running' });
    try {
      const res = await invoke('annotations.export', {});
      if (res.dataBase64) saveBase64(res.fileName, res.dataBase64);
      setExporting({ status: 'done', message: `${res.fileName} を出力しました(注釈 ${res.annotations}件・返信 ${res.replies}件)。` });
    } catch (err) {
      setExporting({ status: 'error', message: messageOf(err) });
    }
  };

  const importFiles = async (files: File[]) => {
    if (files.length === 0) return;
    try {
      const uploads = await Promise.all(files.map(async (f) => ({ name: f.name, dataBase64: await readFileBase64(f) })));
      await importAnnotationFiles(uploads);
    } catch (err) {
      useAnnotations.setState({ imports: { status: 'error', outcomes: [], message: messageOf(err) } });
    }
  };

  return (
    <section className="annot-share" aria-labelledby="annot-share-title">
      <h3 id="annot-share-title" className="annot-section-title">
        共有(Excel)
      </h3>
      <div className="annot-share-actions">
        <button type="button" className="button" onClick={() => void exportAll()} disabled={exporting.status === 'running'}>
          注釈をExcelに出力
        </button>
        <button type="button" className="button" onClick={() => input.current?.click()} disabled={imports.status === 'running'}>
          注釈ファイルを取り込む…
        </button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          hidden
          aria-label="取り込む注釈ファイル"
          data-testid="annotation-import-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files);
          }}
        />
      </div>
      {exporting.status === 'running' && <StatusMessage kind="loading">出力しています…</StatusMessage>}
      {exporting.status === 'done' && (
        <p className="annot-done" role="status">
          {exporting.message}
        </p>
      )}
      {exporting.status === 'error' && <StatusMessage kind="error">出力できませんでした: {exporting.message}</StatusMessage>}
      {imports.status === 'running' && <StatusMessage kind="loading">取り込んでいます…</StatusMessage>}
      {imports.status === 'error' && <StatusMessage kind="error">取り込めませんでした: {imports.message}</StatusMessage>}
      {imports.status === 'done' && (
        <div className="annot-outcomes" role="status" aria-label="取り込みの結果">
          <div className="annot-outcomes-head">
            <h4 className="annot-section-title">取り込みの結果({imports.outcomes.length}ファイル)</h4>
            <button type="button" className="link-button" onClick={clearImportOutcome}>
              閉じる
            </button>
          </div>
          <ul className="annot-outcome-list">
            {imports.outcomes.map((o, i) => (
              <Outcome key={i} o={o} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
