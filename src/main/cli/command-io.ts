// What every CLI command module uses: calling the API (an error envelope becomes a thrown AppError),
// printing, usage errors and the author name of its changes. The command modules and main.ts import
// these from here, so none of them imports another.
import os from 'node:os';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Service } from '../api/service';

export class UsageError extends Error {}

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
