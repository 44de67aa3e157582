// The AMED project record(s) (seed 004): background, purpose, budget per integrated project,
// the points of the budget request, achievements, where the page came from. The source URL is shown
// as text: the app never opens it.
import { useEffect, useState } from 'react';
import type { ProjectRecord } from '../../../../shared/project';
import { invoke } from '../../api-client';
import { messageOf } from '../../state/error-message';
import { StatusMessage } from '../common/StatusMessage';

type Load = { status: 'loading' } | { status: 'ready'; projects: ProjectRecord[] } | { status: 'error'; message: string };

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split('\n')
        .filter((p) => p.trim())
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

function yen(amount: number | null): string {
  return amount === null ? '－' : amount.toLocaleString('ja-JP');
}

function ProjectRecordView({ p }: { p: ProjectRecord }) {
  const s = p.source;
  return (
    <article className="project" aria-labelledby={`project-${p.key}`}>
      <p className="project-kicker">
        {p.fiscalYear} 研究事業実施方針(AMED研究){s.documentLabel && `・${s.documentLabel}`}
      </p>
      <h2 id={`project-${p.key}`} className="project-title" tabIndex={-1}>
        {p.name}
      </h2>
      <dl className="project-facts">
        <dt>PJ区分</dt>
        <dd>{p.pjCategory || '－'}</dd>
        {s.origin && (
          <>
            <dt>出典</dt>
            <dd>{s.origin}</dd>
          </>
        )}
        {s.document && (
          <>
            <dt>資料</dt>
            <dd>
              {s.document}
              {s.printedPage !== null && `(${s.printedPage}ページ)`}
            </dd>
          </>
        )}
        {s.url && (
          <>
            <dt>公開元</dt>
            <dd className="project-url">{s.url}</dd>
          </>
        )}
      </dl>
      <section>
        <h3>背景</h3>
        <Paragraphs text={p.background} />
      </section>
      <section>
        <h3>目的</h3>
        <Paragraphs text={p.purpose} />
      </section>
      <section>
        <h3>予算額(千円){p.budgetFiscalYear && `・${p.budgetFiscalYear}`}</h3>
        <table className="budget">
          <caption className="visually-hidden">統合プロジェクト別の予算額(千円)</caption>
          <thead>
            <tr>
              <th scope="col">区分</th>
              <th scope="col" className="num">
                予算額(千円)
              </th>
            </tr>
          </thead>
          <tbody>
            {p.budget.map((row) => (
              <tr key={row.label} className={row.pj === null ? 'budget-total' : undefined}>
                <th scope="row">{row.pj !== null ? `PJ${row.pj} ${row.label}` : row.label}</th>
                <td className="num">{yen(row.amountThousandYen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h3>概算要求のポイント</h3>
        {p.topics.length === 0 ? (
          <p className="empty-field">記載なし</p>
        ) : (
          <ol className="topics">
            {p.topics.map((t, i) => (
              <li key={i} className="topic">
                <h4>{t.title}</h4>
                <dl>
                  <dt>概要</dt>
                  <dd>{t.summary}</dd>
                  <dt>成果の活用</dt>
                  <dd>{t.outcome}</dd>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h3>これまでの成果概要</h3>
        {p.achievements.length === 0 ? (
          <p className="empty-field">記載なし</p>
        ) : (
          <ul className="bullets">
            {p.achievements.map((a, i) => (
              <li key={i} className="bullet level-0">
                {a}
              </li>
            ))}
          </ul>
        )}
      </section>
      {p.warnings.length > 0 && (
        <details className="warnings">
          <summary>取込時の注意 {p.warnings.length} 件</summary>
          <ul>
            {p.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

export function ProjectView() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    invoke('projects.list', {}).then(
      (projects) => live && setLoad({ status: 'ready', projects }),
      (err: unknown) => live && setLoad({ status: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, []);
  if (load.status === 'loading') return <StatusMessage kind="loading">AMED事業の記録を読み込んでいます…</StatusMessage>;
  if (load.status === 'error') return <StatusMessage kind="error">AMED事業の記録を読み込めませんでした: {load.message}</StatusMessage>;
  if (load.projects.length === 0) return <StatusMessage kind="empty">AMED事業の記録はありません。</StatusMessage>;
  return (
    <div className="projects">
      {load.projects.map((p) => (
        <ProjectRecordView key={p.key} p={p} />
      ))}
    </div>
  );
}
