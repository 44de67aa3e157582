import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathFieldsOf } from '../../src/main/api/dispatch';
import type { Service } from '../../src/main/api/service';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { seededService, tempDir } from './helpers';

let svc: Service;
let host: WebHost;
let rendererDir: string;

beforeAll(async () => {
  svc = seededService();
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>協議会デスク</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ dispatch: svc.doorFor('web'), rendererDir });
});
afterAll(async () => {
  await host.close();
  svc.close();
});

/** A raw request, so Host and Origin can be set to anything a hostile page could send. */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (headers: Record<string, string>, body = JSON.stringify({ method: 'items.get', args: { key: '1-1-1' } })) =>
  request({ path: '/api/invoke', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('web host', () => {
  it('is bound to 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers the API with the token in its header', async () => {
    const res = await invoke({ 'x-council-token': host.token });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, result: { key: '1-1-1' } });
  });

  it('refuses the API without the token, or with a wrong one', async () => {
    expect((await invoke({})).status).toBe(401);
    expect((await invoke({ 'x-council-token': 'guess' })).status).toBe(401);
    // A cookie alone is not enough for the API: a cross-site form could send a cookie, never a header.
    expect((await invoke({ cookie: `council_token=${host.token}` })).status).toBe(401);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await invoke({ 'x-council-token': host.token, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    const ok = await invoke({ 'x-council-token': host.token, origin: `http://127.0.0.1:${host.port}` });
    expect(ok.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await invoke({ 'x-council-token': host.token, host: `evil.example:${host.port}` });
    expect(res.status).toBe(403);
  });

  it('serves the page only with the token, then by the cookie it sets, with a strict CSP', async () => {
    expect((await request({ path: '/' })).status).toBe(401);
    const page = await request({ path: `/?token=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('協議会デスク');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(page.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^council_token=/);
    expect(page.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const asset = await request({ path: '/assets/app.js', headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('never serves files outside the renderer folder', async () => {
    // A real file right beside the renderer folder, so a traversal that escaped would find it.
    const secret = path.join(path.dirname(rendererDir), 'secret.txt');
    fs.writeFileSync(secret, 'ひみつの内容');
    for (const p of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', `/..%2f${path.basename(rendererDir)}%2f..%2fsecret.txt`]) {
      const res = await request({ path: `${p}?token=${host.token}` });
      expect(res.status, p).toBe(404);
      expect(res.body, p).toBe('not found');
    }
  });

  it('answers bad JSON with a clear error envelope', async () => {
    const res = await invoke({ 'x-council-token': host.token }, '{not json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { message: '要求の形式が正しくありません' } });
  });

  describe('path arguments', () => {
    const call = (method: string, args: unknown) => invoke({ 'x-council-token': host.token }, JSON.stringify({ method, args }));
    const REFUSED = /^ファイルの場所\((.+)\)はコマンドライン\(CLI\)からしか指定できません。/;

    it('the contract marks every path field, and only those', () => {
      const marked = Object.fromEntries(
        (
          [
            'excel.exportMinistry',
            'excel.exportTable',
            'imports.stage',
            'annotations.export',
            'annotations.import',
            'items.get',
            'backups.restore',
          ] as const
        ).map((m) => [m, pathFieldsOf(m)]),
      );
      expect(marked).toEqual({
        'excel.exportMinistry': ['outDir', 'outFile'],
        'excel.exportTable': ['outFile'],
        'imports.stage': ['files'],
        'annotations.export': ['outPath'],
        'annotations.import': ['files'],
        'items.get': [],
        'backups.restore': [],
      });
    });

    it('refuses a path to write over, and leaves the file as it was', async () => {
      const target = path.join(tempDir(), 'important.xlsx');
      fs.writeFileSync(target, 'do not overwrite');
      const res = await call('excel.exportTable', { outFile: target });
      expect(res.status).toBe(200);
      const envelope = JSON.parse(res.body);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(envelope.error.message).toMatch(REFUSED);
      expect(envelope.error.message).toContain('outFile');
      expect(fs.readFileSync(target, 'utf8')).toBe('do not overwrite');
    });

    it('refuses a folder to create, and creates nothing', async () => {
      const outDir = path.join(tempDir(), 'made-by-the-web');
      const res = JSON.parse((await call('excel.exportMinistry', { ministries: ['厚'], outDir })).body);
      expect(res).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(res.error.message).toMatch(REFUSED);
      expect(fs.existsSync(outDir)).toBe(false);
      const annotations = path.join(tempDir(), 'annotations.xlsx');
      expect(JSON.parse((await call('annotations.export', { outPath: annotations })).body).error.message).toMatch(REFUSED);
      expect(fs.existsSync(annotations)).toBe(false);
    });

    it('refuses files to read, even beside uploads, and stages nothing', async () => {
      const before = await svc.dispatch('imports.list', {});
      for (const [method, args] of [
        ['imports.stage', { files: ['/etc/shadow'] }],
        ['imports.stage', { files: ['/etc/passwd'], uploads: [{ name: 'a.xlsx', dataBase64: '' }] }],
        ['annotations.import', { files: ['/etc/passwd'] }],
      ] as const) {
        const res = JSON.parse((await call(method, args)).body);
        expect(res, method).toMatchObject({ ok: false, error: { code: 'bad_request' } });
        expect(res.error.message).toMatch(REFUSED);
        expect(res.error.message).toContain('files');
        expect(res.error.message).not.toContain('root:');
      }
      expect(await svc.dispatch('imports.list', {})).toEqual(before);
    });

    it('still exports through the web door when no path is named (the bytes come back)', async () => {
      const res = JSON.parse((await call('excel.exportTable', {})).body);
      expect(res).toMatchObject({ ok: true, result: { file: expect.stringMatching(/\.xlsx$/) } });
      expect(res.result.dataBase64.length).toBeGreaterThan(1000);
    });

    it('the Electron IPC door refuses paths the same way; the CLI door may name them', async () => {
      const target = path.join(tempDir(), 'table.xlsx');
      const ipc = await svc.doorFor('ipc')('excel.exportTable', { outFile: target });
      expect(ipc).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringMatching(REFUSED) } });
      expect(fs.existsSync(target)).toBe(false);
      expect(await svc.dispatch('excel.exportTable', { outFile: target })).toMatchObject({ ok: true, result: { file: target } });
      expect(fs.existsSync(target)).toBe(true);
    });
  });
});
