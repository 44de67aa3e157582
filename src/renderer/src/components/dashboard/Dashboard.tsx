// The dashboard (ダッシュボード): the plan at a glance, what the future directions say, the timeline of
// commitments, the round with the ministries, annotations, quality labels and unchecked warnings.
// Every element opens the items it counts in the list beside it; every chart prints its numbers.
// First paint is the numbers: the chart library loads alongside the figures and draws after them.
import { useEffect, useState } from 'react';
import type { DashboardFigures, Figure } from '../../../../shared/dashboard';
import { fiscalYearLabel } from '../../../../shared/editions/fiscal-year';
import { invoke } from '../../api-client';
import { saveBase64 } from '../../files';
import { useApp } from '../../state/app-state';
import { useFacets } from '../../state/facets';
import { filtersFor } from '../../state/filters';
import { messageOf } from '../../state/error-message';
import { replaceFilters } from '../../state/filter-actions';
import { shownEditionArg } from '../../state/plan-selectors';
import { openItem, setView } from '../../state/screens';
import { StatusMessage } from '../common/StatusMessage';
import { QualityBadge } from '../quality/QualityBadges';
import { BarList, FigureMatrix, preloadCharts } from './charts';
import { RoundTable } from './RoundTable';
import '../../styles/dashboard.css';

type Load = { status: 'loading' } | { status: 'ready'; figures: DashboardFigures } | { status: 'error'; message: string };

const open = (figure: Figure, context: string) => replaceFilters(filtersFor(figure.filter, `${context} ${figure.label}`.trim()));

export function Dashboard() {
  const generation = useFacets((s) => s.generation);
  /** An archived edition shown read-only: its figures, without the current round and ingest warnings. */
  const archived = useApp((s) => s.archivedEdition);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [exportMessage, setExportMessage] = useState<string | null>(null);

  useEffect(preloadCharts, []);

  useEffect(() => {
    let live = true;
    invoke('dashboard.figures', shownEditionArg()).then(
      (figures) => live && setLoad({ status: 'ready', figures }),
      (err: unknown) => live && setLoad({ status: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [generation, archived]);

  if (load.status === 'loading') return <StatusMessage kind="empty">ダッシュボードを集計しています…</StatusMessage>;
  if (load.status === 'error') return <StatusMessage kind="error">{load.message}</StatusMessage>;
  const f = load.figures;

  const exportBook = async () => {
    setExportMessage(null);
    try {
      const out = await invoke('dashboard.export', shownEditionArg());
      if (out.dataBase64) saveBase64(out.file, out.dataBase64);
      setExportMessage(`${out.file} を保存しました。`);
    } catch (err) {
      setExportMessage(messageOf(err));
    }
  };

  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <header className="dashboard-head">
        <h2 id="dashboard-title">
          ダッシュボード{' '}
          <span className="dashboard-sub">
            {fiscalYearLabel(f.fiscalYear)}
            {archived !== null && '(過去の版・閲覧のみ)'} 全 {f.itemCount} 項目
          </span>
        </h2>
        <div className="dashboard-actions no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            印刷
          </button>
          <button type="button" className="button" onClick={() => void exportBook()}>
            数値をブックに書き出す
          </button>
          <button type="button" className="link-button" onClick={() => setView('quality-help')}>
            品質ラベルの説明
          </button>
        </div>
        {exportMessage && (
          <p className="dashboard-message" role="status">
            {exportMessage}
          </p>
        )}
        <p className="dashboard-hint no-print">グラフの棒や数字を選ぶと、その項目が左の一覧に絞り込まれます。</p>
      </header>

      <h3 className="dashboard-section">計画の概観</h3>
      <div className="chart-grid">
        <FigureMatrix title="府省別の項目数" columns={['担当', '主担当(◎)']} rows={f.byMinistry} onOpen={open} context="府省別" />
        <BarList title="大項目別の項目数" figures={f.bySection.major} onOpen={open} context="" />
        <BarList title="中項目別の項目数" figures={f.bySection.middle} onOpen={open} context="" />
        {f.bySection.area.length > 0 && <BarList title="疾患領域別の項目数" figures={f.bySection.area} onOpen={open} context="" />}
      </div>

      <h3 className="dashboard-section">今後の方向性</h3>
      <div className="chart-grid">
        <FigureMatrix
          title="区分別"
          columns={f.labels.kinds.map((k) => k.label)}
          rows={f.labels.bySection}
          onOpen={open}
          context="今後の方向性"
        />
        <FigureMatrix
          title="府省別"
          columns={f.labels.kinds.map((k) => k.label)}
          rows={f.labels.byMinistry}
          onOpen={open}
          context="今後の方向性"
        />
        <BarList title="定型文だけの項目" figures={[f.labels.boilerplateOnly]} onOpen={open} context="" />
      </div>

      <h3 className="dashboard-section">時期を約束した項目</h3>
      <div className="chart-grid">
        <BarList title="年度別(計画全体)" figures={f.timeline.total} onOpen={open} context="時期" />
        <FigureMatrix
          title="府省・年度別"
          columns={f.timeline.years.map((y) => y.label)}
          rows={f.timeline.byMinistry}
          onOpen={open}
          context="時期"
        />
      </div>

      <h3 className="dashboard-section">府省への照会</h3>
      {archived === null ? (
        <RoundTable round={f.round} onOpen={open} />
      ) : (
        <p className="chart-note">照会状況は現在の版の項目についての記録です。過去の版には照会状況はありません。</p>
      )}

      <h3 className="dashboard-section">注釈</h3>
      <div className="chart-grid">
        <FigureMatrix title="大項目別" columns={['未対応', '対応済み']} rows={f.annotations.bySection} onOpen={open} context="注釈" />
        <FigureMatrix title="タグ別" columns={['未対応', '対応済み']} rows={f.annotations.byTag} onOpen={open} context="注釈 タグ" />
        <FigureMatrix title="作成者別" columns={['未対応', '対応済み']} rows={f.annotations.byAuthor} onOpen={open} context="注釈 作成者" />
      </div>

      <h3 className="dashboard-section">品質ラベル</h3>
      <div className="chart-grid">
        <BarList title="ラベル別の項目数" figures={f.quality.distribution} onOpen={open} context="品質" />
        <figure className="chart">
          <figcaption>先に確認したい項目</figcaption>
          {f.quality.attention.length === 0 ? (
            <p className="chart-empty">要確認のラベルが付いた項目はありません。</p>
          ) : (
            <ol className="attention-list">
              {f.quality.attention.map((a) => (
                <li key={a.key}>
                  <button type="button" className="link-button" onClick={() => openItem(a.key)}>
                    {a.key} {a.title}
                  </button>
                  <span className="attention-labels">
                    {a.labels.map((l) => (
                      <QualityBadge key={l.id} label={l} />
                    ))}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </figure>
      </div>

      <h3 className="dashboard-section">取込時の注意</h3>
      {archived === null ? (
        <div className="chart-grid">
          <BarList title="未確認の注意" figures={[f.warnings.unchecked]} onOpen={open} context="" />
        </div>
      ) : (
        <p className="chart-note">取込時の注意は現在の版の項目について確認するものです。過去の版にはありません。</p>
      )}
    </section>
  );
}
