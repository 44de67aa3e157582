// CLI commands of annotations: `annotate KEY …` (anchor a comment on a quote), `annotations` (list
// with each one's anchor state), `annotations export --out FILE`, `annotations import FILE…`.
// They go through the same API dispatch as the app and the web host.
import path from 'node:path';
import { fieldLabel } from '../../shared/fields';
import { currentFiscalYear } from '../store/edition-store';
import { STATUS_NAMES, type AnnotationView } from '../../shared/annotations';
import { AppError } from '../../shared/errors';
import type { Service } from '../api/service';
import { author, call, printJson, UsageError, type Io } from './command-io';

interface Values {
  field?: string;
  quote?: string;
  comment?: string;
  tag?: string[];
  out?: string;
  json?: boolean;
}

const STATE_NAMES = { anchored: '本文中', orphan: '元の文言なし', none: '項目全体' } as const;

function place(a: AnnotationView, fiscalYear: number | null): string {
  const s = a.anchorState;
  const field = fieldLabel(a.field ?? 'item', fiscalYear);
  return s.state === 'anchored' && s.bulletIndex !== null ? `${field}(${s.bulletIndex + 1}番目)` : field;
}

function line(a: AnnotationView, fiscalYear: number | null): string {
  const quote = a.anchor ? ` «${a.anchor.quote}»` : '';
  const tags = a.tags.length ? ` #${a.tags.join(' #')}` : '';
  const replies = a.replies.filter((r) => !r.deletedAt).length;
  return (
    `${a.itemKey.padEnd(9)} ${place(a, fiscalYear)} [${STATE_NAMES[a.anchorState.state]}]${quote} ${a.comment}${tags}` +
    ` (${a.author}、${STATUS_NAMES[a.status]}${replies ? `、返信 ${replies} 件` : ''}) ${a.id}`
  );
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
    else io.out(`注釈を付けました: ${line(a, currentFiscalYear(svc.db))}`);
    return;
  }
  const [sub, ...files] = rest;
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
  const list = await call(svc, 'annotations.list', {});
  if (json) printJson(io, list.map(toJson));
  else {
    for (const a of list) io.out(line(a, currentFiscalYear(svc.db)));
    io.out(`${list.length} 件(元の文言なし ${list.filter((a) => a.anchorState.state === 'orphan').length} 件)`);
  }
}
