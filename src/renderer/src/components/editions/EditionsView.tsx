// The editions screen (版): the editions held and the staged edition imports (list), the review of one
// import, the edition diff (新旧対照) and the follow-up of last year's promises, as four pages.
import { useEffect } from 'react';
import { EDITION_STATUS_NAMES } from '../../../../shared/editions/edition';
import { editionLabel, fiscalYearWithWestern } from '../../../../shared/editions/fiscal-year';
import type { EditionBatchSummary } from '../../../../shared/editions/batch';
import { loadEditions, selectEditionBatch, setEditionsPage, useEditions, type EditionsPage } from '../../state/editions';
import { useApp } from '../../state/app-state';
import { showEdition } from '../../state/shown-edition';
import { StatusMessage } from '../common/StatusMessage';
import { DraftRound } from './DraftRound';
import { EditionDiffView } from './EditionDiffView';
import { openEditionPicker } from './EditionPicker';
import { EditionBatchView, kindWhat } from './EditionReview';
import { FollowUpOverview } from './FollowUpOverview';

const PAGES: { id: EditionsPage; label: string }[] = [
  { id: 'list', label: '版の一覧' },
  { id: 'review', label: '版の取り込みの確認' },
  { id: 'diff', label: '新旧対照' },
  { id: 'followup', label: '前年度の方向性のフォローアップ' },
];

const BATCH_STATUS = { staged: '確認待ち', applied: '反映済み', discarded: '破棄' } as const;

function Uploads() {
  const uploads = useEditions((s) => s.uploads);
  if (uploads.length === 0) return null;
  return (
    <ul className="edition-uploads" aria-label="取り込み中のファイル">
      {uploads.map((u, i) => (
        <li key={i} className={`upload upload-${u.status}`}>
          <span className="upload-name">{u.name}</span>{' '}
          <span>
            {u.status === 'reading'
              ? '読み込み中…'
              : u.status === 'staging'
                ? '前の版と照合しています…'
                : u.status === 'done'
                  ? `取り込みました(#${u.batch})`
                  : '取り込めませんでした'}
          </span>
          {u.error && (
            <p className="upload-error" role="alert">
              {u.error}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

function BatchButton({ b }: { b: EditionBatchSummary }) {
  const selected = useEditions((s) => s.selectedBatch === b.id);
  const c = b.counts;
  return (
    <button
      type="button"
      className="batch-button"
      aria-current={selected ? 'true' : undefined}
      onClick={() => void selectEditionBatch(b.id)}
    >
      <span className="batch-name">{b.sourceName}</span>
      <span className="batch-meta">
        #{b.id} {kindWhat(b)}
        <span className={`batch-status batch-status-${b.status}`}>{BATCH_STATUS[b.status]}</span>
        {b.status === 'staged' && c.undecided > 0 && <span className="kind-badge kind-badge-conflict">要確認 {c.undecided}</span>}
      </span>
      <span className="batch-counts">
        対応付け {c.matched}(変更あり {c.changed})・追加 {c.added}・削除 {c.dropped}
      </span>
    </button>
  );
}

function EditionList() {
  const editions = useEditions((s) => s.editions);
  const batches = useEditions((s) => s.batches);
  const archived = useApp((s) => s.archivedEdition);
  if (editions.status === 'error') return <StatusMessage kind="error">版の一覧を読み込めませんでした: {editions.message}</StatusMessage>;
  if (editions.status !== 'ready') return <StatusMessage kind="loading">版の一覧を読み込んでいます…</StatusMessage>;
  const list = batches.status === 'ready' ? batches.value : [];
  return (
    <div className="edition-list-page">
      <section aria-labelledby="editions-title">
        <h2 id="editions-title" className="section-title">
          版の一覧
        </h2>
        <table className="edition-table">
          <thead>
            <tr>
              <th scope="col">版</th>
              <th scope="col">状態</th>
              <th scope="col">項目</th>
              <th scope="col">資料</th>
              <th scope="col">読み込み</th>
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...editions.value].reverse().map((e) => (
              <tr key={e.fiscalYear} data-year={e.fiscalYear}>
                <th scope="row">
                  {editionLabel(e.fiscalYear)}
                  <div className="muted edition-western">{fiscalYearWithWestern(e.fiscalYear)}</div>
                </th>
                <td>
                  <span className={`edition-status edition-status-${e.status}`}>{EDITION_STATUS_NAMES[e.status]}</span>
                </td>
                <td className="num">{e.items}</td>
                <td>
                  <div>{e.title}</div>
                  <div className="muted">{e.sourceName ?? '—'}</div>
                </td>
                <td>{new Date(e.loadedAt).toLocaleString('ja-JP')}</td>
                <td>
                  {e.status === 'archived' && (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={archived === e.fiscalYear}
                      onClick={() => void showEdition(e.fiscalYear).catch(() => undefined)}
                    >
                      閲覧する(閲覧のみ)
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <DraftRound editions={editions.value} />
      <section aria-labelledby="edition-import-title" className="edition-import">
        <h2 id="edition-import-title" className="section-title">
          新しい版の取り込み
        </h2>
        <p>
          次の年度の「…の実施と今後の方向性等」の本文(テキストに書き出したもの)か、「協議会資料を出力…」で出力した Excel
          を次の年度の内容に直したものを取り込むと、前の版と項目ごとに照合します。番号ではなく内容で対応付けるので、番号の入れ替わりや移動もそのまま追えます。反映するまで何も変わりません。
        </p>
        <button type="button" className="button button-primary" onClick={openEditionPicker}>
          新しい版の資料を取り込む…
        </button>
        <p className="muted">ファイル(.txt または .xlsx)はこの画面にドラッグ&ドロップしても取り込めます。</p>
        <Uploads />
        {list.length > 0 && (
          <ul className="batch-list" aria-label="版の取り込み">
            {list.map((b) => (
              <li key={b.id}>
                <BatchButton b={b} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ReviewPage() {
  const detail = useEditions((s) => s.detail);
  if (detail.status === 'ready') return <EditionBatchView key={detail.value.id} detail={detail.value} />;
  if (detail.status === 'loading') return <StatusMessage kind="loading">取り込んだ内容を読み込んでいます…</StatusMessage>;
  if (detail.status === 'error') return <StatusMessage kind="error">読み込めませんでした: {detail.message}</StatusMessage>;
  return (
    <>
      <Uploads />
      <StatusMessage kind="empty">「版の一覧」で取り込みを選ぶか、「新しい版の資料を取り込む…」でファイルを選んでください。</StatusMessage>
    </>
  );
}

export function EditionsView() {
  const page = useEditions((s) => s.page);
  useEffect(() => {
    void loadEditions();
  }, []);
  return (
    <div className="editions-view">
      <nav className="editions-nav" aria-label="版の画面">
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="view-button"
                aria-current={page === p.id ? 'page' : undefined}
                onClick={() => setEditionsPage(p.id)}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="editions-page">
        {page === 'list' ? (
          <EditionList />
        ) : page === 'review' ? (
          <ReviewPage />
        ) : page === 'diff' ? (
          <EditionDiffView />
        ) : (
          <FollowUpOverview />
        )}
      </div>
    </div>
  );
}
