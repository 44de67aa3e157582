// Malformed input to the web host is the caller's mistake (400 with a clear message), not a server
// failure (500), and the host keeps answering afterwards.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../src/main/web/server';
import { seededService, tempDir } from './helpers';

let svc: Service;
let host: WebHost;

beforeAll(async () => {
  svc = seededService();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>協議会デスク</title>');
  host = await startWebHost({ dispatch: svc.doorFor('web'), rendererDir });
});
afterAll(async () => {
  await host.close();
  svc.close();
});

/** A raw request: fetch would re-encode a malformed path before sending it. */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (body: string) =>
  request({ path: '/api/invoke', method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token }, body });

describe('web host input errors', () => {
  it.each(['null', '42', '"items.get"', '[]', 'true'])('answers the API body %s with 400 bad_request', async (body) => {
    const res = await api(body);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'bad_request', message: '要求の形式が正しくありません' } });
  });

  it('answers a malformed percent-encoded page URL with 400 and a Japanese message', async () => {
    const res = await request({ path: `/%E0%A4%A?token=${host.token}` });
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/URLの形式が正しくありません/);
  });

  it('keeps serving after them', async () => {
    await api('null');
    await request({ path: `/%ZZ?token=${host.token}` });
    const res = await api(JSON.stringify({ method: 'items.get', args: { key: '1-1-1' } }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { key: '1-1-1' } });
  });
});
