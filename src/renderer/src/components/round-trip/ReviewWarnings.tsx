// What the import noticed in a returned workbook (取込時の注意), and proposed new items.
import { actionsLabel } from '../../../../shared/editions/fiscal-year';
import { useFiscalYear } from '../../state/plan-selectors';
import type { BatchDetail } from '../../../../shared/imports';

export function ReviewWarnings({ detail }: { detail: BatchDetail }) {
  const { warnings, proposals } = detail.report;
  const current = useFiscalYear();
  // A draft edition's batch proposes items for the draft's year.
  const fiscalYear = detail.draftYear ?? current;
  if (warnings.length === 0 && proposals.length === 0) return null;
  return (
    <section className="review-warnings" aria-label="取込時の注意">
      <h3 className="review-warnings-title">
        <span aria-hidden="true">⚠</span> 取込時の注意 {warnings.length} 件
        {proposals.length > 0 && `・新しい小項目の提案 ${proposals.length} 件`}(確認してください)
      </h3>
      <div className="review-warnings-body">
        {warnings.length > 0 && (
          <ul className="review-warning-list">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
        {proposals.length > 0 && (
          <>
            <h4 className="review-proposals-title">
              新しい小項目の提案(計画には自動で追加されません。必要なら事務局で項目を追加してください)
            </h4>
            <ul className="review-proposals">
              {proposals.map((p) => (
                <li key={p.row}>
                  <strong>
                    行 {p.row}: {p.title || '(小項目名なし)'}
                  </strong>
                  {p.actions && (
                    <p className="proposal-text">
                      {actionsLabel(fiscalYear)}: {p.actions}
                    </p>
                  )}
                  {p.future && <p className="proposal-text">今後の方向性・課題など: {p.future}</p>}
                  {p.comment && <p className="proposal-text">補足: {p.comment}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
