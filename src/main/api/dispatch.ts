// The single door behind every transport: look the method up, validate the arguments against the
// contract's schema, call the handler, and turn any failure into an error envelope.
import type { z } from 'zod';
import { API, isMethodName, type Envelope, type Handlers } from '../../shared/api';
import { AppError, toErrorPayload } from '../../shared/errors';

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join(' / ');
}

export type Dispatch = (method: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

export function createDispatch(handlers: Handlers): Dispatch {
  return async (method, rawArgs) => {
    try {
      if (!isMethodName(method)) throw new AppError('bad_request', `不明な操作です: ${method}`);
      const parsed = API[method].args.safeParse(rawArgs);
      if (!parsed.success) throw new AppError('bad_request', `入力が正しくありません: ${describeIssues(parsed.error)}`);
      const handler = handlers[method] as (args: unknown) => unknown;
      return { ok: true, result: await handler(parsed.data) };
    } catch (err) {
      return { ok: false, error: toErrorPayload(err) };
    }
  };
}
