// One error type that crosses every door (IPC, HTTP, CLI): a stable code for programs and a
// Japanese message for people.

export type ErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'conflict'
  | 'db_missing'
  | 'db_open'
  | 'db_newer'
  | 'seed'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  return { code: 'internal', message: `内部エラーが発生しました: ${(err as Error)?.message ?? String(err)}` };
}
