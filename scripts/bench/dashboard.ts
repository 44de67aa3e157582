// Benchmark of the dashboard figures on a 100× plan (src/main/bench/synthetic.ts): the first call
// (every item's text read: compareItem over 5,600 items) and later calls (analyses kept per item
// version, the facets while nothing is written; counts, round status and sections are recomputed).
// Exported for scripts/bench.ts; rows are [what, figure, target, note] like the rest of the bench.
import { performance } from 'node:perf_hooks';
import { dashboardFigures } from '../../src/main/api/dashboard-handlers';
import { openDatabase } from '../../src/main/store/database';

type Row = [string, string, string, string];
const ms = (n: number) => `${n.toFixed(1)} ms`;

export function benchDashboard(bigFile: string): Row[] {
  const db = openDatabase(bigFile);
  try {
    let t = performance.now();
    const first = dashboardFigures(db);
    const cold = performance.now() - t;
    const warm: number[] = [];
    for (let i = 0; i < 10; i++) {
      t = performance.now();
      dashboardFigures(db);
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    return [
      [
        `dashboard figures, 100×, first call (${first.itemCount} items)`,
        ms(cold),
        '≤ 1000 ms (goal 200 ms)',
        "what a user meets: every item's text analysed once per process (compareItem)",
      ],
      [
        'dashboard figures, 100×, later calls',
        `${ms(warm[5]!)} (max ${ms(warm.at(-1)!)})`,
        '≤ 200 ms',
        'median of 10; nothing written in between (facets reused)',
      ],
    ];
  } finally {
    db.close();
  }
}
