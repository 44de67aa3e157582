// The renderer's one way to reach the API. It does not care which transport it is on: the Electron
// preload bridge when present, otherwise the web host over HTTP with the per-run token.
import type { AppCommand, ArgsOf, Bridge, Envelope, Invoke, MethodName, ResultOf } from '../../shared/api';
import type { ErrorPayload } from '../../shared/errors';

declare global {
  interface Window {
    councilDesk?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'council-desk-token';

/** Take the token from the URL once, keep it for this tab, and remove it from the address bar. */
function webToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function overHttp(method: string, args: unknown): Promise<Envelope<unknown>> {
  const res = await fetch('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-council-token': webToken() },
    body: JSON.stringify({ method, args }),
  });
  if (res.status === 401 || res.status === 403) {
    return { ok: false, error: { code: 'bad_request', message: '接続が許可されていません。起動時に表示されたURLを開き直してください。' } };
  }
  if (!res.ok) return { ok: false, error: { code: 'internal', message: `サーバーエラー (${res.status})` } };
  return (await res.json()) as Envelope<unknown>;
}

export const invoke: Invoke = async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
  const envelope = window.councilDesk ? await window.councilDesk.invoke(method, args) : await overHttp(method, args);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.result as ResultOf<M>;
};

/** Application-menu commands (Electron only; the web host has no application menu). */
export function onAppCommand(listener: (command: AppCommand) => void): () => void {
  return window.councilDesk ? window.councilDesk.onCommand(listener) : () => undefined;
}

if (!window.councilDesk) webToken();
