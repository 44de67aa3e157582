// What every CLI command module uses: calling the API (an error envelope becomes a thrown AppError),
// printing, usage errors and the author name of its changes. The command modules and main.ts import
// these from here, so none of them imports another.
import os from 'node:os';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/api';
import { parseFiscalYear } from '../../shared/editions/fiscal-year';
import { AppError } from '../../shared/errors';
import type { Service } from '../api/service';

export class UsageError extends Error {}

/** A fiscal year given on the command line (8, R8, 令和8 or 2026); `what` names the argument in the message. */
export function fiscalYearArg(text: string | undefined, what: string): number {
  const fy = text === undefined ? null : parseFiscalYear(text);
  if (fy === null) throw new UsageError(`${what} must be a fiscal year (8, R8, 令和8 or 2026), got '${text ?? ''}'`);
  return fy;
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function call<M extends MethodName>(svc: Service, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const res = await svc.dispatch(method, args);
  if (!res.ok) throw new AppError(res.error.code, res.error.message);
  return res.result as ResultOf<M>;
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

export async function author(svc: Service): Promise<string> {
  const prefs = await call(svc, 'prefs.get', {});
  return prefs.author || os.userInfo().username || 'cli';
}
