// One item's follow-up (the item view's tab 「前年度の方向性」): last year's promises on the left, this
// year's actions on the right, each promise with its status, due year and the actions that report on
// it; pointing at a promise marks its actions (and the other way round).
import { useState } from 'react';
import type { Item } from '../../../../shared/domain';
import type { ItemFollowUp as FollowUp } from '../../../../shared/editions/batch';
import { actionsLabel, fiscalYearLabel, previousFutureLabel } from '../../../../shared/editions/fiscal-year';
import type { PromiseFollowUp } from '../../../../shared/editions/followup';
import { OVERDUE_LABEL, PROMISE_STATUS_LABELS } from '../../../../shared/editions/vocabulary';
import { useFiscalYear } from '../../state/plan-selectors';

function StatusBadge({ p }: { p: PromiseFollowUp }) {
  return (
    <span className="followup-badges">
      <span className={`followup-status followup-status-${p.status}`}>{PROMISE_STATUS_LABELS[p.status]}</span>
      {p.overdue && <span className="followup-status followup-status-overdue">{OVERDUE_LABEL}</span>}
      {p.due !== null && <span className="followup-due">期限 {fiscalYearLabel(p.due)}</span>}
    </span>
  );
}

export function ItemFollowUp({ item, followUp }: { item: Item; followUp: FollowUp }) {
  const fiscalYear = useFiscalYear();
  const [hover, setHover] = useState<{ side: 'promise' | 'action'; index: number } | null>(null);
  const linkedActions = new Set(
    hover?.side === 'promise' ? (followUp.promises.find((p) => p.index === hover.index)?.actions.map((a) => a.index) ?? []) : [],
  );
  const linkedPromises = new Set(
    hover?.side === 'action' ? followUp.promises.filter((p) => p.actions.some((a) => a.index === hover.index)).map((p) => p.index) : [],
  );
  return (
    <div className="followup-item">
      <section className="followup-side" aria-labelledby="followup-promises">
        <h3 id="followup-promises" className="field-title">
          {previousFutureLabel}
        </h3>
        {followUp.promises.length === 0 ? (
          <p className="empty-field">(前年度の今後の方向性はありません)</p>
        ) : (
          <ol className="followup-list">
            {followUp.promises.map((p) => (
              <li
                key={p.index}
                className={`followup-promise followup-promise-${p.overdue ? 'overdue' : p.status}${linkedPromises.has(p.index) ? ' followup-linked' : ''}`}
                onMouseEnter={() => setHover({ side: 'promise', index: p.index })}
                onMouseLeave={() => setHover(null)}
              >
                <span className="followup-number">方向性 {p.index + 1}</span>
                <StatusBadge p={p} />
                <p className="followup-text">{p.text}</p>
                {p.actions.length > 0 && <p className="followup-links">→ 取組 {p.actions.map((a) => a.index + 1).join('・')}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="followup-side" aria-labelledby="followup-actions">
        <h3 id="followup-actions" className="field-title">
          {actionsLabel(fiscalYear)}
        </h3>
        {item.actions.length === 0 ? (
          <p className="empty-field">(記載なし)</p>
        ) : (
          <ol className="followup-list">
            {item.actions.map((a, i) => {
              const from = followUp.promises.filter((p) => p.actions.some((x) => x.index === i));
              return (
                <li
                  key={i}
                  className={`followup-action${linkedActions.has(i) ? ' followup-linked' : ''}${from.length ? ' followup-action-reporting' : ''}`}
                  onMouseEnter={() => setHover({ side: 'action', index: i })}
                  onMouseLeave={() => setHover(null)}
                >
                  <span className="followup-number">取組 {i + 1}</span>
                  <p className="followup-text">{a.text}</p>
                  {from.length > 0 && <p className="followup-links">← 方向性 {from.map((p) => p.index + 1).join('・')}</p>}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
