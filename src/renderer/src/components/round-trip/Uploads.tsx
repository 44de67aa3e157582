// The files being imported, with their progress; finished ones can be cleared.
import { clearFinishedUploads, useRoundTrip } from '../../state/round-trip';
import { UploadRow } from './UploadRow';

export function Uploads() {
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
