// What the importer was unsure of for this item (e.g. an inferred bullet split): shown so a person
// can check and fix it, and mark it 確認済み (who and when are stored) so the count can reach zero.
import { useState } from 'react';
import { invoke } from '../../api-client';
import { reloadFacets, useFacets } from '../../state/facets';
import { ensureAuthor } from '../../state/author';
import { messageOf } from '../../state/error-message';

export function IngestWarnings({ itemKey, warnings }: { itemKey: string; warnings: readonly string[] }) {
  const unchecked = useFacets((s) => s.facets?.[itemKey]?.uncheckedWarnings) ?? warnings;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (warnings.length === 0) return null;
  const check = async () => {
    const author = await ensureAuthor();
    if (!author) return;
    setBusy(true);
    setError(null);
    try {
      await invoke('warnings.check', { key: itemKey, author });
      await reloadFacets();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="warnings">
      <summary>
        取込時の注意 {warnings.length} 件{unchecked.length > 0 ? `(未確認 ${unchecked.length} 件)` : '(すべて確認済み)'}
      </summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {w}
            {!unchecked.includes(w) && <span className="warning-checked">確認済み</span>}
          </li>
        ))}
      </ul>
      {unchecked.length > 0 && (
        <button type="button" className="button" disabled={busy} onClick={() => void check()}>
          確認済みにする
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
