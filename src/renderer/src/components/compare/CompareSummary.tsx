// The comparison in one line: how many future directions of each label, and how many bullets on
// either side have nothing opposite. Says so plainly when the future is boilerplate only.
import type { Comparison } from '../../../../shared/compare';
import type { FutureLabel } from '../../../../shared/compare';
import { LABEL_HELP, LABEL_NAMES, labelCounts } from './compare-model';

const ORDER: FutureLabel[] = ['continuation', 'new', 'delegated', 'boilerplate'];

export function CompareSummary({ comparison }: { comparison: Comparison }) {
  const counts = labelCounts(comparison);
  return (
    <div className="compare-summary">
      {comparison.boilerplateOnly && (
        <p className="boilerplate-banner" role="note">
          今後の方向性は定型文のみです(「引き続き着実に進める」以外の記載がありません)。
        </p>
      )}
      <ul className="summary-counts" aria-label="今後の方向性の内訳">
        {ORDER.filter((l) => counts[l] > 0).map((l) => (
          <li key={l} title={LABEL_HELP[l]}>
            <span className={`label label-${l}`}>{LABEL_NAMES[l]}</span> {counts[l]}件
          </li>
        ))}
        {comparison.unmatchedActions.length > 0 && (
          <li>
            <span className="flag">今後の記載なしの取組</span> {comparison.unmatchedActions.length}件
          </li>
        )}
        {comparison.unmatchedFuture.length > 0 && (
          <li>
            <span className="flag flag-future">取組のない方向性</span> {comparison.unmatchedFuture.length}件
          </li>
        )}
      </ul>
    </div>
  );
}
