// Shared steps of the Excel round-trip tests: export through the API, stage bytes as an upload,
// and a snapshot of the plan to prove a failed or staged import changed nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { ArgsOf, MethodName, ResultOf } from '../../src/shared/api';
import type { MinistryCode } from '../../src/shared/domain';
import type { Service } from '../../src/main/api/service';
import { bulletsByItem } from '../../src/main/excel/bulk-items';
import { bulletsToCell } from '../../src/shared/merge/cell-text';
import { ANSWER_COLUMNS } from '../../src/main/excel/layout';
import { tempDir } from './helpers';

export async function api<M extends MethodName>(svc: Service, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const res = await svc.dispatch(method, args);
  if (!res.ok) throw new Error(res.error.message);
  return res.result as ResultOf<M>;
}

export async function apiError(svc: Service, method: MethodName, args: unknown): Promise<string> {
  const res = await svc.dispatch(method, args);
  if (res.ok) throw new Error(`${method} succeeded`);
  return res.error.message;
}

export async function exportFor(svc: Service, ministry: MinistryCode, leadOnly = false): Promise<Buffer> {
  const file = path.join(tempDir(), `${ministry}.xlsx`);
  await api(svc, 'excel.exportMinistry', {
    ministries: [ministry],
    leadOnly,
    outFile: file,
    dueDate: '令和7年12月1日',
    contact: '事務局 山田(内線1234)',
  });
  return fs.readFileSync(file);
}

/** Stage bytes the way the web host does (base64 upload); returns the outcome. */
export async function stage(svc: Service, name: string, bytes: Buffer, ministry?: MinistryCode) {
  const [out] = await api(svc, 'imports.stage', { uploads: [{ name, dataBase64: bytes.toString('base64') }], ministry });
  return out!;
}

export async function stageOk(svc: Service, name: string, bytes: Buffer, ministry?: MinistryCode) {
  const out = await stage(svc, name, bytes, ministry);
  if (out.batch === null) throw new Error(out.error ?? 'not staged');
  return api(svc, 'imports.get', { batch: out.batch });
}

export function planSnapshot(svc: Service): string {
  const all = (sql: string) => svc.db.prepare(sql).all();
  return JSON.stringify([
    all('SELECT * FROM items ORDER BY key'),
    all('SELECT * FROM bullets ORDER BY item_key, field, ord'),
    all('SELECT * FROM revisions ORDER BY id'),
    all('SELECT * FROM ministry_notes ORDER BY id'),
  ]);
}

/** Row number of an item in the answer sheet (header is row 1; items follow in plan order). */
export function answerRow(svc: Service, ministry: MinistryCode, key: string): number {
  const keys = (svc.db.prepare('SELECT key, ministries FROM items ORDER BY position').all() as { key: string; ministries: string }[])
    .filter((r) => (JSON.parse(r.ministries) as string[]).includes(ministry))
    .map((r) => r.key);
  const i = keys.indexOf(key);
  if (i < 0) throw new Error(`${key} not in ${ministry}'s sheet`);
  return i + 2;
}

export function changesOf(detail: { items: { changes: { key: string; field: string; kind: string }[] }[] }) {
  return detail.items.flatMap((it) => it.changes.map((c) => `${c.key}/${c.field}/${c.kind}`)).sort();
}

/**
 * An answer that keeps the cell's text and adds lines after it, as a ministry adding to its answer
 * does. (Replacing a seeded cell with one short line would be a `shrunk` cell, which needs a choice.)
 */
export function answerAdding(svc: Service, key: string, field: 'actions' | 'future', lines: string): string {
  const fields = bulletsByItem(svc.db).get(key);
  return [bulletsToCell(fields?.[field] ?? []), lines].filter(Boolean).join('\n');
}

/** Column letters of the answer sheet, from its layout (A = 管理番号, …). */
export const COL = Object.fromEntries(ANSWER_COLUMNS.map((c, i) => [c.id, String.fromCharCode(65 + i)])) as Record<
  (typeof ANSWER_COLUMNS)[number]['id'],
  string
>;
