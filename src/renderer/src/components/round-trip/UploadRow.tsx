// One file being imported: its name, size, progress or outcome, and what can be done with it.
import { useEffect, useState } from 'react';
import { formatBytes } from '../../files';
import { selectBatch, type Upload } from '../../state/round-trip';

export function UploadRow({ upload }: { upload: Upload }) {
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
