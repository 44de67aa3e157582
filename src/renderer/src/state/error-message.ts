// One Japanese sentence for any failure of an API call, as the page shows it.
import { ApiError } from '../api-client';

export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return 'サーバーに接続できません。アプリが起動しているか確認してください。';
  return `予期しないエラーが発生しました: ${(err as Error)?.message ?? String(err)}`;
}
