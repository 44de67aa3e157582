// The plan-wide follow-up (前年度の方向性のフォローアップ): how many of last year's promises this year's
// actions report on, per ministry and per section; each count opens those items as the list.
import { useEffect, useMemo } from 'react';
import { MINISTRY_NAMES, type MinistryCode } from '../../../../shared/domain';
import type { FollowUpReport } from '../../../../shared/editions/batch';
import { actionsLabel, fiscalYearLabel } from '../../../../shared/editions/fiscal-year';
import type { FollowUpCounts, FollowUpGroup } from '../../../../shared/editions/followup';
import { OVERDUE_LABEL, PROMISE_STATUS_LABELS } from '../../../../shared/editions/vocabulary';
import { loadFollowUp, openItemSet, useEditions } from '../../state/editions';
import { sectionName } from '../../state/filters';
import { useApp } from '../../state/app-state';
import { selectSections } from '../../state/plan-selectors';
import { StatusMessage } from '../common/StatusMessage';

type Column = 'items' | 'reported' | 'unreported' | 'overdue' | 'boilerplate';

function Count({ n, label, keys }: { n: number; label: string; keys: string[] | null }) {
  if (n === 0 || !keys || keys.length === 0) return <span className="followup-count">{n}</span>;
  return (
    <button
      type="button"
      className="link-button followup-count"
      title={`${label}の項目を一覧に表示`}
      aria-label={`${label} ${n} 件の項目を一覧に表示`}
      onClick={() => openItemSet(label, keys)}
    >
      {n}
    </button>
  );
}

function GroupTable({
  title,
  groups,
  name,
  withStatus,
}: {
  title: string;
  groups: FollowUpGroup[];
  name: (id: string) => string;
  withStatus: (keys: string[], status: 'reported' | 'boilerplate') => string[];
}) {
  const columns: { id: Column; label: string; count: (g: FollowUpCounts) => number; keys: (g: FollowUpGroup) => string[] | null }[] = [
    { id: 'items', label: '方向性', count: (g) => g.promises, keys: (g) => g.items },
    { id: 'reported', label: PROMISE_STATUS_LABELS.reported, count: (g) => g.reported, keys: (g) => withStatus(g.items, 'reported') },
    { id: 'unreported', label: PROMISE_STATUS_LABELS.unreported, count: (g) => g.unreported, keys: (g) => g.unreportedItems },
    { id: 'overdue', label: OVERDUE_LABEL, count: (g) => g.overdue, keys: (g) => g.overdueItems },
    {
      id: 'boilerplate',
      label: PROMISE_STATUS_LABELS.boilerplate,
      count: (g) => g.boilerplate,
      keys: (g) => withStatus(g.items, 'boilerplate'),
    },
  ];
  return (
    <section className="followup-group" aria-label={title}>
      <h3 className="section-title">{title}</h3>
      <table className="followup-table">
        <thead>
          <tr>
            <th scope="col">{title.replace('別', '')}</th>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={`followup-col-${c.id}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id} data-group={g.id} className={g.id.includes('-') ? 'followup-sub' : undefined}>
              <th scope="row">{name(g.id)}</th>
              {columns.map((c) => (
                <td key={c.id} className={`num followup-col-${c.id}`}>
                  <Count n={c.count(g)} label={`${name(g.id)}: ${c.label}`} keys={c.keys(g)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Report({ report }: { report: FollowUpReport }) {
  const sections = useApp(selectSections);
  const statusOf = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const it of report.items) m.set(it.key, new Set(it.promises.map((p) => p.status)));
    return m;
  }, [report]);
  const withStatus = (keys: string[], status: 'reported' | 'boilerplate') => keys.filter((k) => statusOf.get(k)?.has(status));
  const sectionLabel = (id: string) => {
    const s = sections.find((x) => x.id === id);
    return s ? `${sectionName(s)} ${s.title}` : id;
  };
  const t = report.summary.total;
  return (
    <>
      <p className="followup-lead">
        {fiscalYearLabel(report.previousYear)}に示した今後の方向性 {t.promises} 件のうち、{actionsLabel(report.fiscalYear)}
        に取組の記載があるもの {t.reported} 件、記載のないもの {t.unreported} 件(うち{OVERDUE_LABEL} {t.overdue} 件)、定型文 {t.boilerplate}{' '}
        件。数をクリックすると、その項目を一覧に表示します。項目を開くと「前年度の方向性」タブで方向性と取組の対応を確認できます。
      </p>
      <div className="followup-groups">
        <GroupTable
          title="府省別"
          groups={report.summary.byMinistry}
          name={(id) => `${id} ${MINISTRY_NAMES[id as MinistryCode] ?? ''}`.trim()}
          withStatus={withStatus}
        />
        <GroupTable title="区分別" groups={report.summary.bySection} name={sectionLabel} withStatus={withStatus} />
      </div>
    </>
  );
}

export function FollowUpOverview() {
  const followUp = useEditions((s) => s.followUp);
  useEffect(() => {
    void loadFollowUp();
  }, []);
  return (
    <section className="followup-overview" aria-labelledby="followup-title">
      <h2 id="followup-title" className="section-title">
        前年度の方向性のフォローアップ
      </h2>
      {followUp.status === 'ready' ? (
        <Report report={followUp.value} />
      ) : followUp.status === 'error' ? (
        <StatusMessage kind="empty">{followUp.message}</StatusMessage>
      ) : (
        <StatusMessage kind="loading">前年度の方向性と今年度の取組を照らし合わせています…</StatusMessage>
      )}
    </section>
  );
}
