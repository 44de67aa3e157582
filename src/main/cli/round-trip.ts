// CLI commands of the Excel round trip: export, import (stage), apply, discard, batches, backups,
// backup, restore. They go through the same API dispatch as the app and the web host.
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { AnswerFieldName, ApplyResult, BatchDetail, CellRef } from '../../shared/imports';
import { LOSS_WARNINGS, MERGE_KIND_NAMES, type MergeKind } from '../../shared/merge/three-way';
import type { Service } from '../api/service';
import { author, call, printJson, UsageError, type Io } from './command-io';

interface Values {
  out?: string;
  lead?: boolean;
  due?: string;
  contact?: string;
  notes?: boolean;
  accept?: string;
  reject?: string;
  ministry?: string;
  json?: boolean;
  /** A draft edition's fiscal year (export ministry --edition YEAR). */
  fiscalYear?: number;
}

const ANSWER_FIELDS: readonly AnswerFieldName[] = ['actions', 'future', 'comment'];

/** `KEY` (every cell of the item a bulk choice may decide) or `KEY/FIELD` (that one cell). */
function cellTarget(text: string): { key: string; field?: AnswerFieldName } {
  const [key, field, ...rest] = text.split('/');
  if (field === undefined) return { key: key! };
  if (!key || rest.length || !ANSWER_FIELDS.includes(field as AnswerFieldName)) {
    throw new AppError(
      'bad_request',
      `欄の指定が正しくありません: ${text}(「1-1-13」または「1-1-13/future」のように、欄は ${ANSWER_FIELDS.join('・')} のいずれか)`,
    );
  }
  return { key, field: field as AnswerFieldName };
}

const cellList = (cells: CellRef[]) => cells.map((c) => `${c.key}/${c.field}`).join('、');

function kindLine(kind: MergeKind): string {
  const warning = LOSS_WARNINGS[kind];
  return warning ? `${MERGE_KIND_NAMES[kind]}(${warning})` : MERGE_KIND_NAMES[kind];
}

function applyLines(r: ApplyResult): string[] {
  const lines = [
    `取込バッチ #${r.batch} を${r.heldBack.length ? '一部' : ''}反映しました: 変更 ${r.written} 件、現状維持 ${r.kept} 件、補足 ${r.notes} 件(反映前のバックアップ: ${r.backup})`,
  ];
  if (r.untaken.length) {
    lines.push(
      `空になる・大きく削除される欄 ${r.untaken.length} 件は採用していません(現在の値のまま。--accept all では採用されません): ${cellList(r.untaken)}。反映するには --accept ${r.untaken[0]!.key}/${r.untaken[0]!.field} のように欄を指定してください。`,
    );
  }
  if (r.heldBack.length) {
    lines.push(
      `反映中に変更された欄 ${r.heldBack.length} 件は書き込んでいません(競合として残しました): ${cellList(r.heldBack)}。取込バッチ #${r.batch} は確認待ちのままです。決めてから apply し直してください。`,
    );
  }
  return lines;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function batchNumber(text: string): number {
  const n = Number(text.replace(/^#/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new AppError('bad_request', `取込バッチ番号が正しくありません: ${text}`);
  return n;
}

function changesJson(b: BatchDetail) {
  return b.items.flatMap((it) =>
    it.changes.map((c) => ({ key: c.key, field: c.field, kind: c.kind, base: c.base, ours: c.ours, theirs: c.theirs })),
  );
}

export async function runRoundTrip(svc: Service, command: string, rest: string[], values: Values, io: Io): Promise<void> {
  const json = values.json === true;
  switch (command) {
    case 'export': {
      if (!values.out) throw new UsageError(`'export ${rest[0]}' needs --out FILE.xlsx`);
      const outFile = path.resolve(values.out);
      if (rest[0] === 'table') {
        if (values.lead || values.due || values.contact) throw new UsageError("--lead/--due/--contact apply to 'export ministry' only");
        const r = await call(svc, 'excel.exportTable', { outFile, ministryNotes: values.notes === true, edition: values.fiscalYear });
        io.out(`${r.file}: ${r.items} 項目を書き出しました`);
      } else {
        if (values.notes) throw new UsageError("--notes applies to 'export table' only");
        const [r] = await call(svc, 'excel.exportMinistry', {
          ministries: [rest[1] as never],
          leadOnly: values.lead,
          dueDate: values.due,
          contact: values.contact,
          edition: values.fiscalYear,
          outFile,
        });
        io.out(`${r!.file}: ${r!.ministry} の ${r!.items} 項目を書き出しました(出力番号 ${r!.exportId})`);
      }
      return;
    }
    case 'import': {
      const [outcome] = await call(svc, 'imports.stage', { files: [path.resolve(rest[0]!)], ministry: values.ministry as never });
      if (!outcome?.batch) {
        if (json) printJson(io, { batch: null, ministry: null, changes: [], warnings: [], errors: [outcome?.error ?? ''] });
        throw new AppError('bad_request', outcome?.error ?? '取り込めませんでした');
      }
      const b = await call(svc, 'imports.get', { batch: outcome.batch });
      if (json) {
        printJson(io, { batch: b.id, ministry: b.ministry, changes: changesJson(b), warnings: b.report.warnings, errors: [] });
        return;
      }
      io.out(`取込バッチ #${b.id}: ${b.fileName}(${b.ministry ?? '協議会資料形式'})を取り込み待ちにしました。計画はまだ変更していません。`);
      for (const [kind, n] of Object.entries(b.counts)) io.out(`  ${MERGE_KIND_NAMES[kind as MergeKind]}: ${n} 件`);
      for (const w of b.report.warnings) io.out(`  注意: ${w}`);
      for (const it of b.items) for (const c of it.changes) io.out(`  ${c.key} ${c.field}: ${kindLine(c.kind)}`);
      return;
    }
    case 'apply': {
      const batch = batchNumber(rest[0]!);
      const decisions = [];
      const cells = (list: string) =>
        list
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean)
          .map(cellTarget);
      // `all` and a bare KEY are bulk choices: they leave the cells that would be emptied or cut down
      // alone. Only KEY/FIELD takes such a cell.
      if (values.accept === 'all') decisions.push({ decision: 'theirs' as const });
      else if (values.accept) decisions.push(...cells(values.accept).map((c) => ({ ...c, decision: 'theirs' as const })));
      if (values.reject) decisions.push(...cells(values.reject).map((c) => ({ ...c, decision: 'ours' as const })));
      if (decisions.length) await call(svc, 'imports.decide', { batch, decisions });
      const r = await call(svc, 'imports.apply', { batch, author: await author(svc) });
      if (json) printJson(io, r);
      else for (const line of applyLines(r)) io.out(line);
      return;
    }
    case 'discard': {
      const r = await call(svc, 'imports.discard', { batch: batchNumber(rest[0]!) });
      io.out(`取込バッチ #${r.id}(${r.fileName})を破棄しました。計画は変更していません。`);
      return;
    }
    case 'batches': {
      const list = await call(svc, 'imports.list', {});
      if (json) printJson(io, list);
      else {
        for (const b of list) {
          const counts = Object.entries(b.counts)
            .map(([k, n]) => `${MERGE_KIND_NAMES[k as MergeKind]} ${n}`)
            .join('、');
          io.out(
            `#${b.id} ${b.status.padEnd(9)} ${b.ministry ?? '－'} ${b.fileName} ${counts}${b.undecidedConflicts ? ` (未決定の競合 ${b.undecidedConflicts})` : ''}`,
          );
        }
        io.out(`${list.length} 件`);
      }
      return;
    }
    case 'backups': {
      const listing = await call(svc, 'backups.list', {});
      if (json) printJson(io, listing);
      else {
        for (const b of listing.backups) io.out(`${b.name}  ${kb(b.bytes)}  ${b.items} 項目  ${b.automatic ? '自動' : '手動'}`);
        for (const f of listing.setAside) io.out(`除外: ${f.name}  ${kb(f.bytes)}  ${f.problem}`);
        io.out(
          `${listing.dir}: ${listing.backups.length} 件${listing.setAside.length ? `(除外 ${listing.setAside.length} 件)` : ''}、合計 ${kb(listing.totalBytes)}(自動バックアップは新しい ${listing.keepAutomatic} 件を保持)`,
        );
      }
      return;
    }
    case 'backup': {
      const b = await call(svc, 'backups.create', {});
      if (json) printJson(io, b);
      else io.out(`バックアップしました: ${b.path}(${b.items} 項目、${kb(b.bytes)})`);
      return;
    }
    case 'restore': {
      const r = await call(svc, 'backups.restore', { name: rest[0]! });
      io.out(`${r.restored.name} の内容に戻しました(戻す前の状態は ${r.safety.name} に保存しました)`);
      return;
    }
  }
}
