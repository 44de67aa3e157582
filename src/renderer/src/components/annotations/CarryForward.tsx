// 「前年度の注釈を引き継ぐ」 on the 注釈一覧: copies the annotations of the edition before the current
// one to the same items of the current edition, re-anchored on its text, and says what became of
// them: how many were carried, which lost their words (orphans, with the original quote) and which
// items the current edition no longer has. Shown only on the current edition when a previous one is held.
import { useEffect } from 'react';
import { editionLabel } from '../../../../shared/editions/fiscal-year';
import { carryAnnotationsForward, useAnnotations } from '../../state/annotations';
import { loadEditions, useEditions } from '../../state/editions';
import { useApp } from '../../state/app-state';
import { useFiscalYear } from '../../state/plan-selectors';
import { StatusMessage } from '../common/StatusMessage';

/** The latest edition held before the current one, or null. */
function usePreviousEdition(): number | null {
  const current = useFiscalYear();
  const editions = useEditions((s) => s.editions);
  useEffect(() => {
    if (editions.status === 'idle') void loadEditions();
  }, [editions.status]);
  if (current === null || editions.status !== 'ready') return null;
  const earlier = editions.value.filter((e) => e.fiscalYear < current && e.status === 'archived').map((e) => e.fiscalYear);
  return earlier.length ? Math.max(...earlier) : null;
}

export function CarryForward() {
  const current = useFiscalYear();
  const archived = useApp((s) => s.archivedEdition !== null);
  const readOnly = useApp((s) => s.overview?.readOnly === true);
  const previous = usePreviousEdition();
  const carry = useAnnotations((s) => s.carry);
  if (archived || readOnly || current === null || previous === null) return null;
  const result = carry.status === 'done' ? carry.result! : null;
  const dropped = result?.skipped.filter((s) => s.reason === 'item_dropped') ?? [];
  const already = (result?.skipped.length ?? 0) - dropped.length;

  return (
    <section className="annot-share annot-carry" aria-labelledby="annot-carry-title">
      <h3 id="annot-carry-title" className="annot-section-title">
        前年度の注釈
      </h3>
      <div className="annot-share-actions">
        <button
          type="button"
          className="button"
          disabled={carry.status === 'running'}
          onClick={() => void carryAnnotationsForward(previous, current)}
        >
          前年度の注釈を引き継ぐ
        </button>
        <span className="annot-hint">
          {editionLabel(previous)}の注釈を{editionLabel(current)}の同じ項目へ写します(元の注釈は{editionLabel(previous)}に残ります)。
        </span>
      </div>
      {carry.status === 'running' && <StatusMessage kind="loading">引き継いでいます…</StatusMessage>}
      {carry.status === 'error' && <StatusMessage kind="error">引き継げませんでした: {carry.message}</StatusMessage>}
      {result && (
        <div className="annot-outcomes" role="status" aria-label="引き継ぎの結果">
          <p className="annot-done">
            {editionLabel(result.from)}から {result.carried}件を引き継ぎました
            {already > 0 && `(引き継ぎ済みの ${already}件はそのままです)`}。
          </p>
          {result.orphaned.length > 0 && (
            <>
              <p className="annot-hint">
                次の {result.orphaned.length}件は{editionLabel(result.to)}の本文に元の文言がないため、元の引用とともに引き継ぎました:
              </p>
              <ul className="annot-warnings" aria-label="元の文言がない注釈">
                {result.orphaned.map((o, i) => (
                  <li key={i}>
                    <span className="item-key">{o.key}</span> 「{o.quote}」
                  </li>
                ))}
              </ul>
            </>
          )}
          {dropped.length > 0 && (
            <p className="annot-hint">
              {editionLabel(result.to)}にない項目の注釈は引き継いでいません: {dropped.map((d) => d.key).join('、')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
