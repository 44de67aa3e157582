// Which edition the list and the item view show: the current one, or an archived one read-only
// (its items as published; editing is off). The banner under the header says so while it lasts.
import { useEffect, useState } from 'react';
import { EDITION_STATUS_NAMES } from '../../../../shared/editions/edition';
import { editionLabel } from '../../../../shared/editions/fiscal-year';
import { loadEditions, useEditions } from '../../state/editions';
import { useApp } from '../../state/app-state';
import { messageOf } from '../../state/error-message';
import { useFiscalYear } from '../../state/plan-selectors';
import { showEdition } from '../../state/shown-edition';

export function EditionSwitcher() {
  const editions = useEditions((s) => s.editions);
  const current = useFiscalYear();
  const archived = useApp((s) => s.archivedEdition);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadEditions();
  }, [current]);
  // One edition has nothing to switch to.
  if (editions.status !== 'ready' || editions.value.filter((e) => e.status !== 'draft').length < 2) return null;
  return (
    <label className="edition-switcher" title={error ?? undefined}>
      <span className="visually-hidden">表示する版</span>
      <select
        value={String(archived ?? current ?? '')}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setError(null);
          showEdition(Number(e.target.value)).catch((err: unknown) => setError(`版を切り替えられませんでした: ${messageOf(err)}`));
        }}
      >
        {editions.value
          .filter((e) => e.status !== 'draft')
          .map((e) => (
            <option key={e.fiscalYear} value={e.fiscalYear}>
              {editionLabel(e.fiscalYear)}({e.status === 'archived' ? '閲覧のみ' : EDITION_STATUS_NAMES[e.status]})
            </option>
          ))}
      </select>
      {error && (
        <span className="edition-switcher-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

export function ArchivedEditionBanner() {
  const archived = useApp((s) => s.archivedEdition);
  const current = useFiscalYear();
  if (archived === null) return null;
  return (
    <div className="archived-banner" role="status">
      <strong>{editionLabel(archived)} — 過去の版(閲覧のみ)</strong>
      <span>公表されたときの内容を表示しています。編集はできません。</span>
      <button type="button" className="button button-small" onClick={() => void showEdition(null).catch(() => undefined)}>
        現行の{current === null ? '版' : editionLabel(current)}に戻る
      </button>
    </div>
  );
}
