// The single door behind every transport: look the method up, refuse what the door may not send,
// validate the arguments against the contract's schema, call the handler, and turn any failure into
// an error envelope.
import { z } from 'zod';
import { API, isMethodName, PathSchema, type Envelope, type Handlers, type MethodName } from '../../shared/api';
import { AppError, toErrorPayload } from '../../shared/errors';

/**
 * The transport a call came through. Only the CLI (and other in-process callers acting for the person
 * at the keyboard) may name files and folders: a page, whether served by the web host or shown in the
 * Electron window, reads files as uploads and gets exports back as bytes, so a path from it can only
 * be an attempt to read or overwrite something else on the machine.
 */
export type Door = 'cli' | 'web' | 'ipc';

export type Dispatch<D extends Door = Door> = ((method: string, rawArgs: unknown) => Promise<Envelope<unknown>>) & { readonly door: D };

/** Does this field's schema hold a path (PathSchema, optional, or a list of them)? */
function holdsPath(schema: z.ZodType): boolean {
  if (schema === PathSchema) return true;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return holdsPath(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return holdsPath(schema.element as z.ZodType);
  return false;
}

/** The argument fields of a method's schema that hold paths, found once from the contract's marks. */
function pathFields(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return pathFields(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as z.ZodType[]).flatMap(pathFields))];
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodType>)
      .filter(([, f]) => holdsPath(f))
      .map(([k]) => k);
  return [];
}

const PATH_FIELDS = Object.fromEntries(Object.entries(API).map(([m, d]) => [m, pathFields(d.args)])) as Record<MethodName, string[]>;

/** The path fields of a method: what the web host and the IPC door refuse. */
export function pathFieldsOf(method: MethodName): readonly string[] {
  return PATH_FIELDS[method];
}

/** Refuse, before anything runs, a path argument from a door that may not name paths. */
function refusePaths(door: Door, method: MethodName, rawArgs: unknown): void {
  if (door === 'cli' || typeof rawArgs !== 'object' || rawArgs === null) return;
  const given = PATH_FIELDS[method].filter((f) => (rawArgs as Record<string, unknown>)[f] !== undefined);
  if (given.length === 0) return;
  throw new AppError(
    'bad_request',
    `ファイルの場所(${given.join(', ')})はコマンドライン(CLI)からしか指定できません。` +
      '画面からはファイルを選んで取り込み、書き出したファイルはダウンロードして保存してください。',
  );
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join(' / ');
}

export function createDispatch<D extends Door>(handlers: Handlers, door: D): Dispatch<D> {
  const dispatch = async (method: string, rawArgs: unknown): Promise<Envelope<unknown>> => {
    try {
      if (!isMethodName(method)) throw new AppError('bad_request', `不明な操作です: ${method}`);
      refusePaths(door, method, rawArgs);
      const parsed = API[method].args.safeParse(rawArgs);
      if (!parsed.success) throw new AppError('bad_request', `入力が正しくありません: ${describeIssues(parsed.error)}`);
      const handler = handlers[method] as (args: unknown) => unknown;
      return { ok: true, result: await handler(parsed.data) };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  };
  return Object.assign(dispatch, { door });
}
