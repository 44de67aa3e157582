// CLI commands of the dashboard and the quality labels: `dashboard`, `quality`, `check-warnings`,
// and the list filters the dashboard's figures stand for (so `items` can show the items behind one).
import type { ItemListArgs } from '../../shared/api';
import { FUTURE_LABEL_NAMES } from '../../shared/dashboard';
import type { FutureLabel } from '../../shared/compare';
import { fiscalYearLabel } from '../../shared/editions/fiscal-year';
import type { Service } from '../api/service';
import { author, call, printJson, UsageError, type Io } from './command-io';

type Values = Record<string, string | boolean | string[] | undefined>;

/** The `items` facet options as items.list arguments (the API checks each value). */
export function facetArgs(values: Values): Partial<ItemListArgs> {
  const str = (name: string) => values[name] as string | undefined;
  return {
    section: str('section'),
    quality: str('quality'),
    futureLabel: str('future-label') as FutureLabel | undefined,
    boilerplateOnly: values['boilerplate-only'] === true ? true : undefined,
    commitmentYear: str('commitment-year'),
    uncheckedWarnings: values['unchecked-warnings'] === true ? true : undefined,
    annotationStatus: str('annotation-status') as ItemListArgs['annotationStatus'],
    annotationTag: str('annotation-tag'),
    annotationAuthor: str('annotation-author'),
  };
}

function editionOf(values: Values): number | undefined {
  const raw = values.edition as string | undefined;
  if (raw === undefined) return undefined;
  if (!/^\d{1,2}$/u.test(raw)) throw new UsageError('--edition takes the 令和 year as a number, e.g. 7');
  return Number(raw);
}

export async function runDashboard(
  svc: Service,
  command: 'dashboard' | 'quality' | 'check-warnings',
  rest: string[],
  values: Values,
  io: Io,
): Promise<void> {
  const json = values.json === true;
  if (command === 'check-warnings') {
    const checks = await call(svc, 'warnings.check', { key: rest[0]!, author: await author(svc) });
    if (json) printJson(io, checks);
    else io.out(`${rest[0]}: 取込時の注意 ${checks.length} 件を確認済みにしました`);
    return;
  }
  const edition = editionOf(values);
  if (command === 'quality') {
    const entries = await call(svc, 'quality.list', { edition });
    if (json) {
      printJson(
        io,
        entries.map((e) => ({
          key: e.key,
          labels: e.labels.map((l) => ({ id: l.id, label: l.label, reason: l.reason, evidence: l.evidence })),
        })),
      );
    } else {
      for (const e of entries) io.out(`${e.key}  ${e.labels.map((l) => l.label).join(' / ') || '(ラベルなし)'}`);
      io.out(`${entries.length} 件`);
    }
    return;
  }
  if (typeof values.out === 'string') {
    const out = await call(svc, 'dashboard.export', { edition, outFile: values.out });
    io.out(`ダッシュボードの数値を書き出しました: ${out.file}`);
    return;
  }
  const fig = await call(svc, 'dashboard.figures', { edition });
  if (json) {
    printJson(io, {
      fiscalYear: fig.fiscalYear,
      itemCount: fig.itemCount,
      byMinistry: fig.byMinistry,
      bySection: fig.bySection,
      labels: fig.labels,
      timeline: fig.timeline,
      round: fig.round,
      annotations: fig.annotations,
      quality: fig.quality,
      warnings: fig.warnings,
    });
    return;
  }
  // The round and the ingest warnings are the current items' business: another edition has neither.
  const current =
    edition === undefined || (await call(svc, 'editions.list', {})).some((e) => e.fiscalYear === edition && e.status === 'current');
  io.out(`ダッシュボード ${fiscalYearLabel(fig.fiscalYear)}${current ? '' : '(現在の版ではありません)'} 全 ${fig.itemCount} 項目`);
  io.out('府省別(担当 / 主担当):');
  for (const r of fig.byMinistry) io.out(`  ${r.label}  ${r.cells.map((c) => c.count).join(' / ')}`);
  io.out(`今後の方向性(${fig.labels.kinds.map((k) => FUTURE_LABEL_NAMES[k.id]).join(' / ')}):`);
  for (const r of fig.labels.byMinistry) io.out(`  ${r.label}  ${r.cells.map((c) => c.count).join(' / ')}`);
  io.out(`  ${fig.labels.boilerplateOnly.label}: ${fig.labels.boilerplateOnly.count}`);
  io.out('時期を約束した項目:');
  fig.timeline.total.forEach((f) => io.out(`  ${f.label}: ${f.count}`));
  io.out('照会状況:');
  if (!current) io.out('  (照会状況は現在の版の項目についてのみ記録されます)');
  for (const r of fig.round) {
    io.out(
      `  ${r.ministry}  出力 ${r.exportedAt?.slice(0, 10) ?? '-'}  回答 ${r.returnedFiles} 件  反映 ${r.applied}  競合 ${r.conflictsOpen}${r.awaiting ? '  未回答' : ''}`,
    );
  }
  io.out('品質ラベル:');
  for (const f of fig.quality.distribution) io.out(`  ${f.label}: ${f.count}`);
  if (current) io.out(`${fig.warnings.unchecked.label}: ${fig.warnings.unchecked.count}`);
  else io.out('取込時の注意: 現在の版の項目についてのみ確認します(この版にはありません)');
}
