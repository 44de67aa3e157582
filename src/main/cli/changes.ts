// CLI command of the change list (変更一覧): `changes [filters] [--json] [--out FILE.xlsx]`, and
// `changes meeting [DATE|none]` to show or set the 「前回会議」 date that --since-meeting starts from.
import type { ArgsOf } from '../../shared/api';
import { CHANGE_SOURCES, localMinute, sourceName, type ChangeFilter, type ChangeRow, type ChangeSource } from '../../shared/change-log';
import { ITEM_FIELDS, type ItemField } from '../../shared/domain';
import { fieldLabel } from '../../shared/fields';
import type { Service } from '../api/service';
import { currentFiscalYear } from '../store/edition-store';
import { call, printJson, UsageError, type Io } from './command-io';

type Values = Record<string, string | boolean | string[] | undefined>;

const PAGE = 1000;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${value}'`);
}

/** The filter options as changes.list arguments (the API checks dates, keys and codes). */
function filterOf(values: Values): ChangeFilter {
  const str = (name: string) => values[name] as string | undefined;
  if (str('since') !== undefined && values['since-meeting'] === true)
    throw new UsageError('--since and --since-meeting exclude each other');
  return {
    from: str('since'),
    to: str('until'),
    sinceMeeting: values['since-meeting'] === true ? true : undefined,
    key: str('key'),
    ministry: str('ministry'),
    field: oneOf<ItemField>('field', str('field'), ITEM_FIELDS),
    source: oneOf<ChangeSource>('source', str('source'), CHANGE_SOURCES),
    author: str('author'),
  };
}

function indented(mark: string, text: string): string[] {
  return text === '' ? [`    ${mark} (空欄)`] : text.split('\n').map((l) => `    ${mark} ${l}`);
}

function formatChange(r: ChangeRow, fiscalYear: number | null): string {
  const head = `#${r.id}  ${localMinute(r.createdAt)}  ${r.itemKey} ${r.label} ${r.title}  [${fieldLabel(r.field, fiscalYear)}]  ${sourceName(r.source)}  ${r.author}`;
  return [head, ...indented('-', r.oldText), ...indented('+', r.newText)].join('\n');
}

async function allChanges(svc: Service, filter: ChangeFilter) {
  const first = await call(svc, 'changes.list', { ...filter, limit: PAGE } as ArgsOf<'changes.list'>);
  const rows = [...first.rows];
  while (rows.length < first.total) {
    const next = await call(svc, 'changes.list', { ...filter, limit: PAGE, offset: rows.length } as ArgsOf<'changes.list'>);
    if (next.rows.length === 0) break;
    rows.push(...next.rows);
  }
  return { rows, lastMeeting: first.lastMeeting };
}

async function runMeeting(svc: Service, rest: string[], io: Io): Promise<void> {
  const arg = rest[1];
  const { lastMeeting } =
    arg === undefined
      ? await call(svc, 'changes.lastMeeting', {})
      : await call(svc, 'changes.setLastMeeting', { date: arg === 'none' ? null : arg });
  io.out(lastMeeting === null ? '前回会議の日付は設定されていません' : `前回会議: ${lastMeeting}`);
}

export async function runChanges(svc: Service, rest: string[], values: Values, io: Io): Promise<void> {
  if (rest[0] === 'meeting') return runMeeting(svc, rest, io);
  const filter = filterOf(values);
  if (typeof values.out === 'string') {
    const out = await call(svc, 'changes.export', { ...filter, outFile: values.out } as ArgsOf<'changes.export'>);
    io.out(`変更一覧を書き出しました: ${out.file}`);
    return;
  }
  const { rows, lastMeeting } = await allChanges(svc, filter);
  if (values.json === true) {
    printJson(io, rows);
    return;
  }
  const fiscalYear = currentFiscalYear(svc.db);
  if (lastMeeting) io.out(`前回会議(${lastMeeting})以降の変更`);
  for (const r of rows) io.out(formatChange(r, fiscalYear));
  io.out(`${rows.length} 件`);
}
