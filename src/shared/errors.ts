// One error type that crosses every door (IPC, HTTP, CLI): a stable code for programs and a
// Japanese message for people.

export type ErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'conflict'
  | 'busy'
  | 'read_only'
  | 'db_missing'
  | 'db_open'
  | 'db_newer'
  | 'db_foreign'
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

export const BUSY_MESSAGE =
  '他の処理がデータベースを使用中です(取り込みの反映や別のウィンドウでの保存など)。しばらく待ってからもう一度お試しください。データは変更していません。';
export const READ_ONLY_MESSAGE = 'データベースを読み取り専用で開いているため、変更は保存できません。データは変更していません。';

/**
 * SQLite's own failures that a person can act on, by the SqliteError code better-sqlite3 sets
 * (checked by name so this module stays free of Node): another program holds the write lock past
 * the busy timeout, or the file or its folder cannot be written.
 */
function sqliteError(err: unknown): ErrorPayload | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { code: 'busy', message: BUSY_MESSAGE };
  if (code.startsWith('SQLITE_READONLY')) return { code: 'read_only', message: READ_ONLY_MESSAGE };
  return null;
}

export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  return sqliteError(err) ?? { code: 'internal', message: `内部エラーが発生しました: ${(err as Error)?.message ?? String(err)}` };
}
