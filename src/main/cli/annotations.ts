// CLI commands of annotations: `annotate KEY …` (anchor a comment on a quote), `annotations
// [--edition YEAR]` (list with each one's anchor state), `annotations export --out FILE`,
// `annotations import FILE…`, `annotations carry FROM TO` (carry an edition's annotations forward).
// They go through the same API dispatch as the app and the web host.
import path from 'node:path';
import { fieldLabel } from '../../shared/fields';
import { STATUS_NAMES, type AnnotationView, type CarryForwardResult } from '../../shared/annotations';
import { editionLabel } from '../../shared/editions/fiscal-year';
import { AppError } from '../../shared/errors';
import type { Service } from '../api/service';
import { author, call, fiscalYearArg, printJson, UsageError, type Io } from './command-io';

interface Values {
  field?: string;
  quote?: string;
  comment?: string;
  tag?: string[];
  out?: string;
  json?: boolean;
  edition?: string;
}

const STATE_NAMES = { anchored: '本文中', orphan: '元の文言なし', none: '項目全体' } as const;

function place(a: AnnotationView): string {
  const s = a.anchorState;
  const field = fieldLabel(a.field ?? 'item', a.fiscalYear);
  return s.state === 'anchored' && s.bulletIndex !== null ? `${field}(${s.bulletIndex + 1}番目)` : field;
}

function line(a: AnnotationView): string {
  const quote = a.anchor ? ` «${a.anchor.quote}»` : '';
  const tags = a.tags.length ? ` #${a.tags.join(' #')}` : '';
  const replies = a.replies.filter((r) => !r.deletedAt).length;
  return (
    `${a.itemKey.padEnd(9)} ${place(a)} [${STATE_NAMES[a.anchorState.state]}]${quote} ${a.comment}${tags}` +
    ` (${a.author}、${STATUS_NAMES[a.status]}${replies ? `、返信 ${replies} 件` : ''}) ${a.id}`
  );
}

function printCarry(io: Io, r: CarryForwardResult): void {
  const dropped = r.skipped.filter((s) => s.reason === 'item_dropped');
  const already = r.skipped.length - dropped.length;
  io.out(
    `${editionLabel(r.from)} → ${editionLabel(r.to)}: 注釈 ${r.carried} 件を引き継ぎました` +
      `(うち元の文言なし ${r.orphaned.length} 件、引き継ぎ済み ${already} 件、項目がなく引き継げない ${dropped.length} 件)`,
  );
  for (const o of r.orphaned) io.out(`  元の文言なし: ${o.key} «${o.quote}»`);
  for (const d of dropped) io.out(`  ${editionLabel(r.to)}にない項目: ${d.key}`);
}

/** The JSON shape: the whole view, plus its anchor state as one word for scripts. */
const toJson = (a: AnnotationView) => ({ ...a, state: a.anchorState.state });

export async function runAnnotations(svc: Service, command: string, rest: string[], values: Values, io: Io): Promise<void> {
  const json = values.json === true;
  if (command === 'annotate') {
    if (!values.field) throw new UsageError("'annotate' needs --field title|actions|future");
    if (!values.quote) throw new UsageError("'annotate' needs --quote TEXT");
    if (values.out) throw new UsageError("--out applies to 'annotations export' only");
    const a = await call(svc, 'annotations.create', {
      itemKey: rest[0]!,
      field: values.field as never,
      quote: values.quote,
      comment: values.comment,
      tags: values.tag,
      author: await author(svc),
    });
    if (json) printJson(io, toJson(a));
    else io.out(`注釈を付けました: ${line(a)}`);
    return;
  }
  const [sub, ...files] = rest;
  if (sub !== undefined && values.edition !== undefined) throw new UsageError("--edition applies to the 'annotations' listing only");
  if (sub === 'carry') {
    const r = await call(svc, 'annotations.carryForward', { from: fiscalYearArg(files[0], 'FROM'), to: fiscalYearArg(files[1], 'TO') });
    if (json) printJson(io, r);
    else printCarry(io, r);
    return;
  }
  if (sub !== 'export' && values.out) throw new UsageError("--out applies to 'annotations export' only");
  if (sub === 'export') {
    if (!values.out) throw new UsageError("'annotations export' needs --out FILE.xlsx");
    if (json) throw new UsageError("--json does not apply to 'annotations export'");
    const r = await call(svc, 'annotations.export', { outPath: path.resolve(values.out) });
    io.out(`${r.file}: 注釈 ${r.annotations} 件(返信 ${r.replies} 件)を書き出しました`);
    return;
  }
  if (sub === 'import') {
    const outcomes = await call(svc, 'annotations.import', { files: files.map((f) => path.resolve(f)) });
    if (json) printJson(io, outcomes);
    for (const o of outcomes) {
      if (o.error || json) continue;
      const a = o.annotations;
      const r = o.replies;
      io.out(
        `${o.file}: 注釈 新規 ${a.created} 件・更新 ${a.updated} 件・変更なし ${a.unchanged} 件、返信 新規 ${r.created} 件・更新 ${r.updated} 件・変更なし ${r.unchanged} 件`,
      );
      for (const w of o.warnings) io.out(`  注意: ${w}`);
    }
    const failed = outcomes.filter((o) => o.error);
    if (failed.length) {
      throw new AppError(
        'bad_request',
        `${failed[0]!.error}${failed.length > 1 ? `(ほかに ${failed.length - 1} 件のファイルも取り込めませんでした)` : ''}`,
      );
    }
    return;
  }
  const edition = values.edition === undefined ? undefined : fiscalYearArg(values.edition, '--edition');
  const list = await call(svc, 'annotations.list', edition === undefined ? {} : { edition });
  if (json) printJson(io, list.map(toJson));
  else {
    for (const a of list) io.out(line(a));
    io.out(`${list.length} 件(元の文言なし ${list.filter((a) => a.anchorState.state === 'orphan').length} 件)`);
  }
}
