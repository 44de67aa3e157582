// Hand-drawn SVG charts: bars sized by SVG attributes only (no inline styles, nothing the app's CSP
// `style-src 'self'` blocks), Japanese text from the page's own fonts. Every bar is a button: it opens
// the items it counts as the filtered list. The number is printed beside every bar.
import type { Figure, FigureRow } from '../../../../shared/dashboard';

export type OpenFigure = (figure: Figure, context: string) => void;

const BAR_MAX = 100; // the SVG's own units: bars scale with the cell, not with pixels

function Bar({ value, max, tone }: { value: number; max: number; tone: number }) {
  const width = max === 0 ? 0 : (value / max) * BAR_MAX;
  return (
    <svg className="bar" viewBox={`0 0 ${BAR_MAX} 10`} preserveAspectRatio="none" aria-hidden="true">
      <rect className="bar-track" x="0" y="0" width={BAR_MAX} height="10" />
      <rect className={`bar-fill bar-tone-${tone}`} x="0" y="0" width={width} height="10" />
    </svg>
  );
}

/** One bar per figure, its label on the left and its number on the right. */
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
  const max = Math.max(0, ...figures.map((f) => f.count));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
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
              <Bar value={f.count} max={max} tone={0} />
              <span className="bar-count">{f.count}</span>
            </button>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Rows × columns of figures: each cell its number over a small bar, all clickable. */
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
  const max = Math.max(0, ...rows.flatMap((r) => r.cells.map((c) => c.count)));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="chart-empty">該当するものはありません。</p>
      ) : (
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
                      <Bar value={c.count} max={max} tone={i} />
                    </button>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
