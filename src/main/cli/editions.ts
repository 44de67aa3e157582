// CLI commands of the yearly cycle: `editions`, `edition import|apply|discard|diff|start|publish|discard-draft`, `followup YEAR`,
// `export comparison FROM TO --out FILE.xlsx`. They go through the same API dispatch as the app.
import path from 'node:path';
import {
  EDITION_STATUS_NAMES,
  MATCH_KIND_LABELS,
  PROMISE_STATUS_LABELS,
  editionLabel,
  type EditionBatchDetail,
} from '../../shared/editions';
import { AppError } from '../../shared/errors';
import type { Service } from '../api/service';
import { author, call, fiscalYearArg, printJson, UsageError, type Io } from './command-io';

interface Values {
  json?: boolean;
  pair?: string[];
  out?: string;
}

const year = fiscalYearArg;

function batchId(text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`BATCH must be a batch number, got '${text ?? ''}'`);
  return n;
}

/** The import's JSON, in the shape scripts rely on. */
function importJson(b: EditionBatchDetail) {
  return {
    batch: b.id,
    fiscalYear: b.fiscalYear,
    kind: b.kind,
    matched: b.matched.map((m) => ({
      key: m.key,
      fromLabel: m.fromLabel,
      toLabel: m.toLabel,
      fromSection: m.fromSection,
      toSection: m.toSection,
      change: m.change,
      fields: m.fields,
      confidence: m.confidence,
    })),
    added: b.added.map((a) => ({ key: a.key, label: a.label, section: a.section, title: a.title })),
    dropped: b.dropped.map((d) => ({ key: d.key, label: d.label, title: d.title })),
    ambiguous: b.ambiguous.map((a) => ({
      label: a.label,
      title: a.title,
      candidates: a.candidates.map((c) => ({ key: c.key, confidence: c.confidence })),
    })),
    splits: b.splits.map((s) => ({ key: s.key, into: s.into.map((p) => ({ label: p.label, title: p.title, confidence: p.confidence })) })),
    merges: b.merges.map((m) => ({ label: m.label, title: m.title, from: m.from.map((f) => ({ key: f.key, confidence: f.confidence })) })),
    warnings: b.warnings,
  };
}

function printBatch(io: Io, b: EditionBatchDetail): void {
  const what = b.kind === 'new' ? `新しい版(${editionLabel(b.fiscalYear)})` : `現在の版(${editionLabel(b.fiscalYear)})の資料の変更`;
  io.out(`${b.sourceName}: ${what}として取り込みを準備しました(版の取り込み #${b.id})。まだ何も変更していません。`);
  const c = b.counts;
  io.out(`対応付け ${c.matched} 件(うち変更あり ${c.changed} 件)、追加 ${c.added} 件、削除 ${c.dropped} 件、要判断 ${c.ambiguous} 件`);
  for (const m of b.matched.filter((x) => x.change !== 'same')) {
    const where = m.moved ? ` ${m.fromSection}→${m.toSection}` : '';
    const number = m.renumbered ? ` ${m.fromLabel || '—'}→${m.toLabel || '—'}` : '';
    io.out(
      `  ${MATCH_KIND_LABELS[m.change]} ${m.key}${number}${where}${m.fields.length ? ` [${m.fields.join(', ')}]` : ''} ${m.title.slice(0, 30)}`,
    );
  }
  for (const a of b.added) io.out(`  ${MATCH_KIND_LABELS.added} ${a.key} ${a.section} ${a.label}${a.title.slice(0, 30)}`);
  for (const d of b.dropped) io.out(`  ${MATCH_KIND_LABELS.dropped} ${d.key} ${d.label}${d.title.slice(0, 30)}`);
  for (const s of b.splits)
    io.out(`  ${MATCH_KIND_LABELS.split} ${s.key} → ${s.into.map((p) => `${p.label}${p.title.slice(0, 15)}`).join(' / ')}`);
  for (const m of b.merges)
    io.out(`  ${MATCH_KIND_LABELS.merged} ${m.from.map((f) => f.key).join(' + ')} → ${m.label}${m.title.slice(0, 15)}`);
  for (const a of b.ambiguous) {
    const decided = a.decision ? `(決定: ${a.decision === 'added' ? '新しい項目' : a.decision})` : '';
    io.out(
      `  ${MATCH_KIND_LABELS.ambiguous} ${a.label}${a.title.slice(0, 30)} 候補: ${a.candidates.map((x) => `${x.key}(${x.confidence})`).join(', ')}${decided}`,
    );
  }
  for (const w of b.warnings) io.out(`  注意: ${w}`);
  if (b.counts.undecided)
    io.out(`要判断の項目は --pair LABEL_OR_TITLE=KEY(新しい項目なら =new)で決めてから edition apply ${b.id} を実行してください。`);
  else io.out(`反映するには: edition apply ${b.id}`);
}

/** `--pair ①=1-1-3`, `--pair 新しい小項目名=new`: the ambiguous item named by its label or (the start of) its title. */
function pairsFrom(b: EditionBatchDetail, specs: string[]): { index: number; decision: string }[] {
  return specs.map((spec) => {
    const at = spec.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--pair needs LABEL_OR_TITLE=KEY, got '${spec}'`);
    const name = spec.slice(0, at).trim();
    const target = spec.slice(at + 1).trim();
    const found = b.ambiguous.filter((a) => a.label === name || a.title === name || (name.length >= 4 && a.title.startsWith(name)));
    if (found.length !== 1) {
      throw new UsageError(
        found.length === 0
          ? `--pair '${name}': no item needing a decision has that label or title (${b.ambiguous.map((a) => `${a.label}${a.title.slice(0, 10)}`).join(', ') || 'none'})`
          : `--pair '${name}': ${found.length} items needing a decision match; give more of the title`,
      );
    }
    return { index: found[0]!.index, decision: target === 'new' || target === 'added' ? 'added' : target };
  });
}

export async function runEditions(svc: Service, command: string, rest: string[], values: Values, io: Io): Promise<void> {
  const json = values.json === true;
  if (command === 'editions') {
    const editions = await call(svc, 'editions.list', {});
    if (json)
      printJson(
        io,
        editions.map((e) => ({ fiscalYear: e.fiscalYear, label: e.label, title: e.title, status: e.status, items: e.items })),
      );
    else {
      for (const e of editions) io.out(`${e.label}  ${EDITION_STATUS_NAMES[e.status]}  ${e.items} 項目  ${e.title}`);
      io.out(`${editions.length} 版`);
    }
    return;
  }
  if (command === 'followup') {
    const report = await call(svc, 'editions.followup', { fiscalYear: year(rest[0], 'YEAR') });
    if (json) {
      printJson(
        io,
        report.items.map((it) => ({
          key: it.key,
          title: it.title,
          promises: it.promises.map((p) => ({
            text: p.text,
            status: p.status,
            due: p.due,
            overdue: p.overdue,
            actions: p.actions.map((a) => ({ index: a.index, text: a.text })),
          })),
        })),
      );
      return;
    }
    io.out(`${editionLabel(report.previousYear)}の今後の方向性 → ${editionLabel(report.fiscalYear)}の取組`);
    for (const it of report.items) {
      io.out(`[${it.key}] ${it.label}${it.title.slice(0, 40)}`);
      for (const p of it.promises) {
        const due = p.due ? ` 期限: ${editionLabel(p.due).replace('版', '')}` : '';
        io.out(
          `  ${p.overdue ? '期限到来・未報告' : PROMISE_STATUS_LABELS[p.status]}${due}: ${p.text.slice(0, 60)}${p.actions.length ? ` → 取${p.actions.map((a) => a.index + 1).join('・取')}` : ''}`,
        );
      }
    }
    const t = report.summary.total;
    io.out(`方向性 ${t.promises} 件: 取組あり ${t.reported}、記載なし ${t.unreported}(うち期限到来 ${t.overdue})、定型文 ${t.boilerplate}`);
    return;
  }
  if (command === 'export') {
    // export comparison FROM TO --out FILE.xlsx
    if (!values.out) throw new UsageError("'export comparison' needs --out FILE.xlsx");
    const r = await call(svc, 'editions.exportComparison', {
      from: year(rest[1], 'FROM'),
      to: year(rest[2], 'TO'),
      outFile: path.resolve(values.out),
    });
    io.out(`${r.file}: 新旧対照表(${r.items} 項目)を書き出しました`);
    return;
  }
  // edition import|apply|discard|diff
  const [sub, ...args] = rest;
  if (values.pair?.length && sub !== 'apply') throw new UsageError("--pair applies to 'edition apply' only");
  if (sub === 'import') {
    const [staged] = await call(svc, 'editions.stage', { files: [path.resolve(args[0]!)] }).catch(async (err: unknown) => {
      // A workbook that is no edition source is explained in English too.
      const { englishRefusal } = await import('../editions/table-source');
      const english = err instanceof AppError ? englishRefusal(err.message) : null;
      throw english && err instanceof AppError ? new AppError(err.code, `${english}\n${err.message}`) : err;
    });
    if (json) printJson(io, importJson(staged!));
    else printBatch(io, staged!);
    return;
  }
  if (sub === 'apply') {
    const id = batchId(args[0]);
    const detail = await call(svc, 'editions.get', { batch: id });
    for (const p of pairsFrom(detail, values.pair ?? []))
      await call(svc, 'editions.pair', { batch: id, index: p.index, decision: p.decision });
    const result = await call(svc, 'editions.apply', { batch: id, author: await author(svc) });
    if (json) printJson(io, result);
    else {
      io.out(
        `${editionLabel(result.fiscalYear)}を${result.kind === 'new' ? '現在の版にしました' : '更新しました'}: 更新 ${result.updated} 件、追加 ${result.added.length} 件、削除 ${result.dropped.length} 件(変更履歴 ${result.revisions} 件)`,
      );
      io.out(`反映前のバックアップ: ${result.backup}`);
    }
    return;
  }
  if (sub === 'start') {
    const r = await call(svc, 'editions.start', { fiscalYear: year(args[0], 'YEAR') });
    if (json) printJson(io, r);
    else {
      io.out(`${editionLabel(r.fiscalYear)}(作成中)を作りました: ${r.items} 項目。現在の版と計画は変更していません。`);
      io.out(`各府省の照会票: export ministry CODE --edition ${r.fiscalYear} --out FILE.xlsx、公開: edition publish ${r.fiscalYear}`);
    }
    return;
  }
  if (sub === 'publish') {
    const r = await call(svc, 'editions.publish', { fiscalYear: year(args[0], 'YEAR'), author: await author(svc) });
    if (json) printJson(io, r);
    else {
      io.out(
        `${editionLabel(r.fiscalYear)}を公開し、現在の版にしました(${editionLabel(r.previousYear)}は過去の版): 更新 ${r.updated} 件(変更履歴 ${r.revisions} 件)${r.dropped.length ? `、削除 ${r.dropped.length} 件` : ''}`,
      );
      io.out(`公開前のバックアップ: ${r.backup}`);
    }
    return;
  }
  if (sub === 'discard-draft') {
    const r = await call(svc, 'editions.discardDraft', { fiscalYear: year(args[0], 'YEAR') });
    io.out(`${editionLabel(r.fiscalYear)}(作成中)を破棄しました。現在の版は変わっていません。`);
    return;
  }
  if (sub === 'discard') {
    const b = await call(svc, 'editions.discard', { batch: batchId(args[0]) });
    io.out(`版の取り込み #${b.id}(${b.sourceName})を破棄しました`);
    return;
  }
  if (sub === 'diff') {
    const d = await call(svc, 'editions.diff', { from: year(args[0], 'FROM'), to: year(args[1], 'TO') });
    if (json) {
      printJson(io, {
        added: d.added.map((a) => ({ key: a.key, title: a.title })),
        dropped: d.dropped.map((a) => ({ key: a.key, title: a.title })),
        renumbered: d.renumbered.map((r) => ({ key: r.key, from: r.from, to: r.to })),
        moved: d.moved.map((m) => ({ key: m.key, from: m.from, to: m.to })),
        changed: d.changed.map((c) => ({ key: c.key, field: c.field, before: c.before, after: c.after })),
      });
      return;
    }
    io.out(`${editionLabel(d.from)} → ${editionLabel(d.to)}`);
    for (const a of d.added) io.out(`  追加 ${a.key} ${a.label}${a.title.slice(0, 40)}`);
    for (const a of d.dropped) io.out(`  削除 ${a.key} ${a.label}${a.title.slice(0, 40)}`);
    for (const r of d.renumbered) io.out(`  番号変更 ${r.key} ${r.from || '—'}→${r.to || '—'}`);
    for (const m of d.moved) io.out(`  移動 ${m.key} ${m.from}→${m.to}`);
    for (const c of d.changed) io.out(`  変更 ${c.key} ${c.field}`);
    io.out(
      `追加 ${d.added.length}、削除 ${d.dropped.length}、番号変更 ${d.renumbered.length}、移動 ${d.moved.length}、欄の変更 ${d.changed.length}`,
    );
    return;
  }
  throw new UsageError(`unknown 'edition' command '${sub ?? ''}' (import, apply, discard, diff, start, publish, discard-draft)`);
}
