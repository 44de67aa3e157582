// CLI commands of the Excel round trip: export, import (stage), apply, discard, batches, backups,
// backup, restore. They go through the same API dispatch as the app and the web host.
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { BatchDetail, CellChange } from '../../shared/imports';
import type { Service } from '../api/service';
import { author, call, printJson, UsageError, type Io } from './command-io';

interface Values {
  out?: string;
  lead?: boolean;
  due?: string;
  contact?: string;
  accept?: string;
  reject?: string;
  ministry?: string;
  json?: boolean;
}

const KIND_NAMES: Record<CellChange['kind'], string> = {
  unchanged: '変更なし',
  theirs: '府省のみ変更',
  ours: '事務局のみ変更',
  same: '同じ変更',
  conflict: '競合',
  whitespace: '空白のみの違い',
};

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

function batchNumber(text: string): number {
  const n = Number(text.replace(/^#/, ''));
  if (!Number.isInteger(n) || n <= 0) throw new AppError('bad_request', `取込バッチ番号が正しくありません: ${text}`);
  return n;
}

function changesJson(b: BatchDetail) {
  return b.items.flatMap((it) => it.changes.map((c) => ({ key: c.key, field: c.field, kind: c.kind, base: c.base, ours: c.ours, theirs: c.theirs })));
}

export async function runRoundTrip(svc: Service, command: string, rest: string[], values: Values, io: Io): Promise<void> {
  const json = values.json === true;
  switch (command) {
    case 'export': {
      if (!values.out) throw new UsageError(`'export ${rest[0]}' needs --out FILE.xlsx`);
      const outFile = path.resolve(values.out);
      if (rest[0] === 'table') {
        if (values.lead || values.due || values.contact) throw new UsageError("--lead/--due/--contact apply to 'export ministry' only");
        const r = await call(svc, 'excel.exportTable', { outFile });
        io.out(`${r.file}: ${r.items} 項目を書き出しました`);
      } else {
        const [r] = await call(svc, 'excel.exportMinistry', {
          ministries: [rest[1] as never],
          leadOnly: values.lead,
          dueDate: values.due,
          contact: values.contact,
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
      for (const [kind, n] of Object.entries(b.counts)) io.out(`  ${KIND_NAMES[kind as CellChange['kind']]}: ${n} 件`);
      for (const w of b.report.warnings) io.out(`  注意: ${w}`);
      for (const it of b.items) for (const c of it.changes) io.out(`  ${c.key} ${c.field}: ${KIND_NAMES[c.kind]}`);
      return;
    }
    case 'apply': {
      const batch = batchNumber(rest[0]!);
      const decisions = [];
      const keys = (list: string) => list.split(',').map((k) => k.trim()).filter(Boolean);
      if (values.accept === 'all') decisions.push({ decision: 'theirs' as const });
      else if (values.accept) decisions.push(...keys(values.accept).map((key) => ({ key, decision: 'theirs' as const })));
      if (values.reject) decisions.push(...keys(values.reject).map((key) => ({ key, decision: 'ours' as const })));
      if (decisions.length) await call(svc, 'imports.decide', { batch, decisions });
      const r = await call(svc, 'imports.apply', { batch, author: await author(svc) });
      if (json) printJson(io, r);
      else io.out(`取込バッチ #${r.batch} を反映しました: 変更 ${r.written} 件、現状維持 ${r.kept} 件、補足 ${r.notes} 件(反映前のバックアップ: ${r.backup})`);
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
          const counts = Object.entries(b.counts).map(([k, n]) => `${KIND_NAMES[k as CellChange['kind']]} ${n}`).join('、');
          io.out(`#${b.id} ${b.status.padEnd(9)} ${b.ministry ?? '－'} ${b.fileName} ${counts}${b.undecidedConflicts ? ` (未決定の競合 ${b.undecidedConflicts})` : ''}`);
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
        io.out(`${listing.dir}: ${listing.backups.length} 件${listing.setAside.length ? `(除外 ${listing.setAside.length} 件)` : ''}、合計 ${kb(listing.totalBytes)}(自動バックアップは新しい ${listing.keepAutomatic} 件を保持)`);
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
