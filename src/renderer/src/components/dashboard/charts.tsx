// The dashboard's charts: each a bar chart (Chart.js, see BarChart.tsx for why) over the numbers that
// stay beside it. The numbers render at once and are the keyboard and screen-reader path; the chart
// library is a chunk of its own, loaded when the dashboard first shows a chart, in a box already sized
// so nothing moves when it arrives. A bar and the number beside it open the same items as the list.
import { lazy, Suspense, useMemo } from 'react';
import type { Figure, FigureRow } from '../../../../shared/dashboard';
import type { BarSeries } from './BarChart';
import { chartHeight } from './chart-size';

export type OpenFigure = (figure: Figure, context: string) => void;

const loadBarChart = () => import('./BarChart');
const BarChart = lazy(loadBarChart);

/** Start loading the chart library now (the dashboard opened), while its figures are still being computed. */
export function preloadCharts(): void {
  void loadBarChart();
}

function ChartBox({
  title,
  categories,
  series,
  onPick,
}: {
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  onPick: (figure: Figure, category: string) => void;
}) {
  if (categories.length === 0 || series.every((s) => s.figures.every((f) => f.count === 0))) return null;
  // The height is set through CSSOM (React's style prop), which the CSP allows.
  return (
    <div className="chart-canvas" style={{ height: chartHeight(categories.length, series.length) }}>
      <Suspense fallback={null}>
        <BarChart title={title} categories={categories} series={series} onPick={onPick} />
      </Suspense>
    </div>
  );
}

/** One bar per figure, then the figures as a list of buttons (label and number). */
export function BarList({
  title,
  figures,
  onOpen,
  context,
}: {
  title: string;
  figures: readonly Figure[];
  onOpen: OpenFigure;
  context: string;
}) {
  const categories = useMemo(() => figures.map((f) => f.label), [figures]);
  const series = useMemo(() => [{ name: title, figures }], [title, figures]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ChartBox title={title} categories={categories} series={series} onPick={(f) => onOpen(f, context)} />
      <ul className="bar-list">
        {figures.map((f, i) => (
          <li key={`${f.label}-${i}`}>
            <button
              type="button"
              className="bar-row"
              onClick={() => onOpen(f, context)}
              aria-label={`${context} ${f.label}: ${f.count} 件`}
            >
              <span className="bar-label">{f.label}</span>
              <span className="bar-count">{f.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Rows × columns of figures: grouped bars (one colour per column), then the table of numbers, every cell a button. */
export function FigureMatrix({
  title,
  columns,
  rows,
  onOpen,
  context,
}: {
  title: string;
  columns: readonly string[];
  rows: readonly FigureRow[];
  onOpen: OpenFigure;
  context: string;
}) {
  const categories = useMemo(() => rows.map((r) => r.label), [rows]);
  const series = useMemo(() => columns.map((name, i) => ({ name, figures: rows.map((r) => r.cells[i]!) })), [columns, rows]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="chart-empty">該当するものはありません。</p>
      ) : (
        <>
          <ChartBox title={title} categories={categories} series={series} onPick={(f, row) => onOpen(f, `${context} ${row}`)} />
          <table className="figure-matrix">
            <thead>
              <tr>
                <th scope="col" />
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c, i) => (
                    <td key={i}>
                      <button
                        type="button"
                        className="matrix-cell"
                        disabled={c.count === 0}
                        onClick={() => onOpen(c, `${context} ${r.label}`)}
                        aria-label={`${context} ${r.label} ${c.label}: ${c.count} 件`}
                      >
                        <span className="bar-count">{c.count}</span>
                      </button>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
