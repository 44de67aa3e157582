// The dashboard's bar charts, drawn by Chart.js. A chunk of its own, fetched only when the dashboard
// opens (alongside its figures); the charts draw after the numbers are on screen.
//
// Why Chart.js (4.x): measured with esbuild --minify + gzip -9 over React 19 with one horizontal bar
// chart and its tooltip, tree-shaken: Chart.js +53 KB, Recharts 3 +128 KB, Apache ECharts 6 (echarts/core,
// SVG renderer) +183 KB. Under the CSP `style-src 'self'` Chart.js fits as is: it draws on a canvas,
// sets sizes through CSSOM (allowed), injects no <style> and parses no HTML (no eval either); ECharts'
// tooltips are HTML strings with style attributes, which the CSP blocks. Japanese labels are canvas
// text in the app's own font stack. Clicks: Chart.js hands onClick the bar under the pointer, which
// opens its figure. Print: Chart.js does not redraw for print by itself; on beforeprint each chart is
// redrawn for the print layout, which Chromium records as vector drawing (sharp at any resolution,
// labels as text in the PDF), at PRINT_RATIO canvas pixels per CSS pixel should a print path rasterise
// it; afterprint brings the screen's ratio back (drawing every chart at 3× on screen would cost the
// dashboard's first open a few hundred ms). The numbers beside every chart stay the accessible and
// keyboard path; the canvas is an image to screen readers.
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartEvent } from 'chart.js';
import type { Figure } from '../../../../shared/dashboard';
import { barThickness } from './chart-size';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** One series of bars: its name (for the legend, when there are several) and one figure per category. */
export interface BarSeries {
  name: string;
  figures: readonly Figure[];
}

export interface BarChartProps {
  /** What the chart shows, read to screen readers (the numbers beside it carry the detail). */
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** A bar was clicked: its figure and the category it belongs to. */
  onPick: (figure: Figure, category: string) => void;
}

/** Canvas pixels per CSS pixel when printing: sharp on paper. */
const PRINT_RATIO = 3;
const TONES = ['--accent', '--c-new', '--c-delegated', '--c-boilerplate', '--c-continuation', '--danger', '--warn', '--muted'];

/** Axis labels stay short so the bars keep their room; the tooltip and the numbers below give the full label. */
const LABEL_CHARS = 10;
function shortLabel(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

/** The page's own colours and font (the CSS custom properties in base.css), for a canvas that cannot read CSS. */
function theme(): { tones: string[]; font: string; ink: string; line: string } {
  const css = getComputedStyle(document.documentElement);
  const read = (name: string) => css.getPropertyValue(name).trim();
  return { tones: TONES.map(read), font: read('--font'), ink: read('--ink'), line: read('--line') };
}

export default function BarChart({ title, categories, series, onPick }: BarChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The latest click handler, without redrawing the chart when only the handler changed.
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    const canvas = canvasRef.current!;
    const t = theme();
    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [...categories],
        datasets: series.map((s, i) => ({
          label: s.name,
          data: s.figures.map((f) => f.count),
          backgroundColor: t.tones[i % t.tones.length],
          barThickness: barThickness(series.length),
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        font: { family: t.font, size: 12 },
        color: t.ink,
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0, font: { family: t.font } }, grid: { color: t.line } },
          y: {
            ticks: { autoSkip: false, font: { family: t.font }, callback: (_v, i) => shortLabel(categories[i] ?? '') },
            grid: { display: false },
          },
        },
        plugins: {
          legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 12, font: { family: t.font } } },
          tooltip: {
            callbacks: {
              title: (items) => categories[items[0]?.dataIndex ?? 0] ?? '',
              label: (c) => `${series.length > 1 ? `${c.dataset.label}: ` : ''}${c.parsed.x} 件`,
            },
          },
        },
        onHover: (e: ChartEvent, elements) => {
          if (e.native?.target instanceof HTMLElement) e.native.target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
        },
        onClick: (_e, elements) => {
          const hit = elements[0];
          if (!hit) return;
          const figure = series[hit.datasetIndex]?.figures[hit.index];
          if (figure && figure.count > 0) pick.current(figure, categories[hit.index] ?? '');
        },
      },
    });
    // Tools and tests reach the chart from its canvas (Chart.getChart needs this module).
    (canvas as HTMLCanvasElement & { chart?: Chart }).chart = chart;
    const redrawAt = (ratio: number) => () => {
      chart.options.devicePixelRatio = ratio;
      chart.resize();
      chart.update('none'); // now, not on the next frame: printing does not wait for one
    };
    const toPrint = redrawAt(PRINT_RATIO);
    const toScreen = redrawAt(window.devicePixelRatio);
    window.addEventListener('beforeprint', toPrint);
    window.addEventListener('afterprint', toScreen);
    return () => {
      window.removeEventListener('beforeprint', toPrint);
      window.removeEventListener('afterprint', toScreen);
      chart.destroy();
    };
  }, [categories, series]);

  return <canvas ref={canvasRef} role="img" aria-label={`${title}のグラフ(数値は下の一覧にあります)`} />;
}
