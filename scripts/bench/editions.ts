// Benchmark of the edition logic at scale: matching a 100× plan (src/main/bench/synthetic.ts) against
// a revised copy of itself, and the follow-up overview of that copy. Exported for scripts/bench.ts;
// rows are [what, figure, target, note] like the rest of the bench.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeSyntheticPlan } from '../../src/main/bench/synthetic';
import { ingestDir } from '../../src/main/ingest/seed';
import { openDatabase } from '../../src/main/store/database';
import type { Bullet } from '../../src/shared/domain';
import { followUpItem, summarizeFollowUp } from '../../src/shared/editions/followup';
import type { EditionItem } from '../../src/shared/editions/item-profile';
import { matchEditions } from '../../src/shared/editions/match';

type Row = [string, string, string, string];

interface StoredItem {
  key: string;
  sectionId: string;
  label: string;
  title: string;
  ministries: string[];
  lead: string[];
  actions: Bullet[];
  future: Bullet[];
}

function loadItems(dbFile: string): StoredItem[] {
  const db = openDatabase(dbFile);
  try {
    const rows = db.prepare('SELECT key, section_id, label, title, ministries, lead FROM items ORDER BY position').all() as Record<
      string,
      string
    >[];
    const bullets = db.prepare('SELECT item_key, field, level, text FROM bullets ORDER BY item_key, field, ord').all() as {
      item_key: string;
      field: 'actions' | 'future';
      level: number;
      text: string;
    }[];
    const byItem = new Map<string, { actions: Bullet[]; future: Bullet[] }>();
    for (const b of bullets) {
      const entry = byItem.get(b.item_key) ?? { actions: [], future: [] };
      entry[b.field].push({ text: b.text, level: b.level });
      byItem.set(b.item_key, entry);
    }
    return rows.map((r) => ({
      key: r.key!,
      sectionId: r.section_id!,
      label: r.label!,
      title: r.title!,
      ministries: JSON.parse(r.ministries!) as string[],
      lead: JSON.parse(r.lead!) as string[],
      actions: byItem.get(r.key!)?.actions ?? [],
      future: byItem.get(r.key!)?.future ?? [],
    }));
  } finally {
    db.close();
  }
}

function asEditionItem(item: StoredItem, withKey: boolean): EditionItem {
  return {
    ...(withKey ? { key: item.key } : {}),
    label: item.label,
    sectionId: item.sectionId,
    title: item.title,
    ministries: item.ministries.map((code) => ({ code, lead: item.lead.includes(code) })),
    actions: item.actions.map((b) => b.text),
    future: item.future.map((b) => b.text),
  };
}

/**
 * Next year's edition of a plan, deterministically: every item reports new actions (last year's
 * directions, done, plus one old action); some are dropped, renumbered, moved or retitled, and new
 * items are added.
 */
export function reviseForBench(items: readonly StoredItem[]): StoredItem[] {
  const sections = [...new Set(items.map((i) => i.sectionId))];
  const out: StoredItem[] = [];
  items.forEach((item, i) => {
    if (i % 97 === 0) return;
    const next: StoredItem = {
      ...item,
      actions: [
        ...item.future.map((b) => ({ ...b, text: `令和8年度は、${b.text.replace(/する。/gu, 'した。')}` })),
        ...item.actions.slice(0, 1),
      ],
    };
    if (i % 89 === 0) next.title = item.title.replace('の', 'に係る');
    if (i % 83 === 0) next.sectionId = sections[(sections.indexOf(item.sectionId) + 1) % sections.length]!;
    if (i % 7 === 0 && out.length > 0) [next.label, out[out.length - 1]!.label] = [out[out.length - 1]!.label, next.label];
    out.push(next);
    if (i % 101 === 0) {
      out.push({
        ...item,
        key: '',
        label: '㉑',
        title: `新規${i}:${item.title.slice(0, 8)}に関する国際共同研究と人材交流の拠点整備`,
        actions: [{ text: `国際共同研究拠点${i}の公募を開始した。`, level: 0 }],
        future: [{ text: `拠点${i}の運用を開始する。`, level: 0 }],
      });
    }
  });
  return out;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/**
 * Wall time and CPU time of `fn` in ms, median of `runs` after one warm-up. CPU time is shown beside
 * the wall time because the bench machine may be shared: the two differ when the process waits.
 */
function measure(runs: number, fn: () => void): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/**
 * Times matching and the follow-up overview on a plan `factor` times the real one, built in `workDir`
 * from the seeds in `seedsDir`. Median of `runs`.
 */
export function benchEditions(seedsDir: string, workDir: string, factor = 100, runs = 3): Row[] {
  const dbFile = path.join(workDir, `editions-${factor}x.db`);
  fs.rmSync(dbFile, { force: true });
  const db = openDatabase(dbFile);
  ingestDir(db, seedsDir);
  makeSyntheticPlan(db, factor);
  db.close();

  const before = loadItems(dbFile);
  const after = reviseForBench(before);
  const previous = before.map((i) => asEditionItem(i, true));
  const next = after.map((i) => asEditionItem(i, false));

  let result = matchEditions(previous, next);
  const matching = measure(runs, () => {
    result = matchEditions(previous, next);
  });
  const counts = `${result.matched.length} matched, ${result.added.length} added, ${result.dropped.length} dropped, ${result.ambiguous.length} ambiguous`;

  const followUp = measure(runs, () => {
    const items = result.matched.map((m) => ({
      key: m.key,
      sectionId: after[m.to]!.sectionId,
      ministries: after[m.to]!.ministries.map((code) => ({ code })),
      promises: followUpItem(before[m.from]!.future, after[m.to]!.actions, 8),
    }));
    summarizeFollowUp(items);
  });

  const ms = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(1)} ms (CPU ${t.cpu.toFixed(1)} ms)`;
  return [
    [
      `edition matching, ${factor}× plan (${before.length} → ${after.length} items)`,
      ms(matching),
      '≤ 2 s with import',
      `${counts}; median of ${runs}`,
    ],
    [`follow-up overview, ${factor}× plan (${result.matched.length} items)`, ms(followUp), '≤ 300 ms', `median of ${runs}`],
  ];
}

/**
 * The whole edition cycle through the store at `factor`× the plan: staging the next year's table
 * (read the current edition, match, keep the batch), applying it (backup + one transaction), the
 * follow-up report of the new edition and its 新旧対照表 workbook. The revised plan is the one
 * reviseForBench makes, handed to the store as a parsed table (parsing text is timed by ingest).
 */
export async function benchEditionStore(seedsDir: string, workDir: string, factor = 100): Promise<Row[]> {
  const { stageParsed } = await import('../../src/main/editions/edition-batches');
  const { applyEdition } = await import('../../src/main/editions/apply-edition');
  const { followUpReport } = await import('../../src/main/editions/compare-editions');
  const { buildComparisonWorkbook } = await import('../../src/main/editions/comparison-workbook');
  const dbFile = path.join(workDir, `edition-store-${factor}x.db`);
  fs.rmSync(dbFile, { force: true });
  const db = openDatabase(dbFile);
  ingestDir(db, seedsDir);
  makeSyntheticPlan(db, factor);
  const revised = reviseForBench(loadItems(dbFile));
  const items = revised.map((it, i) => {
    const [major, middle, area] = it.sectionId.split('-').map(Number);
    return {
      key: `${it.sectionId}-${9000 + i}`,
      major: major!,
      middle: middle!,
      area: area ?? null,
      label: it.label,
      title: it.title,
      ministries: it.ministries,
      lead: it.lead,
      relistedFrom: null,
      warnings: [],
      actions: it.actions,
      future: it.future,
    };
  });
  const sections = db.prepare('SELECT id, level, major, middle, area, title, position FROM sections ORDER BY position').all() as never[];
  const plan = {
    title: '…令和8年度の実施と今後の方向性等',
    sections: sections.map((s: object) => ({ ...s, intro: [] })),
    items,
    warnings: [],
    fiscalYear: 8,
  } as never;

  let t = performance.now();
  const batch = stageParsed(db, 'bench-r8.txt', 'bench-sha', plan);
  const stageMs = performance.now() - t;
  t = performance.now();
  await applyEdition(db, batch.id, 'bench');
  const applyMs = performance.now() - t;
  t = performance.now();
  const report = followUpReport(db, 8);
  const followMs = performance.now() - t;
  t = performance.now();
  const { workbook, items: rows } = buildComparisonWorkbook(db, 7, 8);
  await workbook.xlsx.writeFile(path.join(workDir, 'comparison.xlsx'));
  const exportMs = performance.now() - t;
  db.close();
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  return [
    [
      `edition import staging, ${factor}× (${items.length} items)`,
      ms(stageMs),
      '≤ 2 s',
      `${batch.counts.matched} matched, ${batch.counts.added} added, ${batch.counts.dropped} dropped`,
    ],
    [`edition apply, ${factor}×`, ms(applyMs), '', 'backup + archive + one transaction'],
    [`follow-up report, ${factor}× (${report.items.length} items)`, ms(followMs), '≤ 300 ms', 'store read + follow-up + summary'],
    [`新旧対照表 export, ${factor}× (${rows} items)`, ms(exportMs), '≤ 3 s', 'build + write xlsx'],
  ];
}
