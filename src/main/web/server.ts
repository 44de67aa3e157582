// The web host: the built renderer and the same API over HTTP, for machines where the Electron
// runtime is not available. Bound to 127.0.0.1 only; every request needs the per-run token; Host
// and Origin are checked against DNS rebinding and cross-site requests.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dispatch } from '../api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../security-policy';

export const TOKEN_HEADER = 'x-council-token';
const COOKIE = 'council_token';
/** Room for one upload at the contract's limit (50 MB of workbook as base64) plus the JSON around it. */
const MAX_BODY = 72 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface WebHostOptions {
  /** The web door (`service.doorFor('web')`): a page on the web host never names a path. */
  dispatch: Dispatch<'web'>;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return undefined;
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function badRequest(res: http.ServerResponse): void {
  send(res, 400, JSON.stringify({ ok: false, error: { code: 'bad_request', message: '要求の形式が正しくありません' } }), MIME['.json']);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer(async (req, res) => {
    try {
      const hosts = allowedHosts();
      // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own Host.
      if (!hosts.has(req.headers.host ?? '')) return send(res, 403, 'forbidden host');
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'forbidden origin');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname === '/api/invoke') {
        // The API wants the token in a header, which a cross-site form or image can never send.
        if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) return send(res, 401, 'token required');
        if (req.method !== 'POST') return send(res, 405, 'POST only');
        let payload: unknown;
        try {
          payload = JSON.parse(await readBody(req));
        } catch {
          return badRequest(res);
        }
        // `null`, a number or an array is valid JSON but not a request.
        if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return badRequest(res);
        const { method, args } = payload as { method?: unknown; args?: unknown };
        const result = await options.dispatch(String(method ?? ''), args);
        return send(res, 200, JSON.stringify(result), MIME['.json']);
      }

      const queryToken = url.searchParams.get('token') ?? undefined;
      const authorised = sameToken(queryToken, token) || sameToken(cookieToken(req), token);
      if (!authorised) return send(res, 401, 'このページを開くには、起動時に表示されたURL(トークン付き)を使ってください。');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');

      let rel: string;
      try {
        rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
      } catch {
        return send(res, 400, 'URLの形式が正しくありません(%による文字の指定が壊れています)。');
      }
      const file = path.resolve(rendererDir, `.${rel}`);
      if (!file.startsWith(rendererDir + path.sep)) return send(res, 404, 'not found');
      const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(rendererDir, 'index.html');
      if (!fs.existsSync(target)) return send(res, 500, 'renderer is not built: run npm run build');
      const headers: http.OutgoingHttpHeaders = {
        'content-type': MIME[path.extname(target)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      };
      if (queryToken) headers['set-cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      res.writeHead(200, headers);
      fs.createReadStream(target).pipe(res);
    } catch (err) {
      send(res, 500, `internal error: ${(err as Error).message}`);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
