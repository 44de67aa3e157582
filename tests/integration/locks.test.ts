// Two programs at once: while another process holds the database's write lock, an edit through the
// web host waits for it (up to the busy timeout) instead of failing at once, and past the timeout it
// answers in Japanese with the `busy` code and changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { BUSY_TIMEOUT_MS } from '../../src/main/store/database';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../src/main/web/server';
import { count, seededService, tempDir } from './helpers';
import { holdWriteLock } from './lock-holder';

let svc: Service;
let host: WebHost;

beforeAll(async () => {
  svc = seededService();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  host = await startWebHost({ dispatch: svc.doorFor('web'), rendererDir });
});
afterAll(async () => {
  await host.close();
  svc.close();
});

async function invoke(
  method: string,
  args: unknown,
): Promise<{ ok: boolean; result?: { title: string; version: number }; error?: { code: string; message: string } }> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify({ method, args }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Awaited<ReturnType<typeof invoke>>;
}

function item(key: string): { title: string; version: number } {
  return svc.db.prepare('SELECT title, version FROM items WHERE key = ?').get(key) as { title: string; version: number };
}

describe('a write while another program holds the write lock', () => {
  it('waits for a holder shorter than the busy timeout, then succeeds', async () => {
    const before = item('1-1-1');
    const holder = await holdWriteLock(svc.db.name, 2000);
    const started = Date.now();
    const res = await invoke('items.update', {
      key: '1-1-1',
      field: 'title',
      value: '待ってから保存された題名',
      author: '事務局',
      expectedVersion: before.version,
    });
    const waited = Date.now() - started;
    await holder.done;
    expect(res.error).toBeUndefined();
    expect(res.result).toMatchObject({ title: '待ってから保存された題名', version: before.version + 1 });
    expect(waited).toBeGreaterThan(1000);
    expect(item('1-1-1')).toEqual({ title: '待ってから保存された題名', version: before.version + 1 });
  });

  it('past the busy timeout, says so in Japanese with the busy code and leaves the item as it was', async () => {
    const before = item('1-1-2');
    const revisions = count(svc, 'SELECT COUNT(*) AS n FROM revisions');
    const holder = await holdWriteLock(svc.db.name, BUSY_TIMEOUT_MS + 2500);
    const started = Date.now();
    const res = await invoke('items.update', {
      key: '1-1-2',
      field: 'title',
      value: '保存されない題名',
      author: '事務局',
      expectedVersion: before.version,
    });
    const waited = Date.now() - started;
    await holder.done;
    expect(res.ok).toBe(false);
    expect(res.error?.code).toBe('busy');
    expect(res.error?.message).toMatch(/^他の処理がデータベースを使用中です/);
    expect(waited).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 100);
    expect(item('1-1-2')).toEqual(before);
    expect(count(svc, 'SELECT COUNT(*) AS n FROM revisions')).toBe(revisions);
    // Once the other program is done, the same save goes through.
    const again = await invoke('items.update', {
      key: '1-1-2',
      field: 'title',
      value: '保存されない題名',
      author: '事務局',
      expectedVersion: before.version,
    });
    expect(again.result?.title).toBe('保存されない題名');
  });

  it('an annotation edit, which reads before it writes, waits too', async () => {
    const created = await invoke('annotations.create', { itemKey: '1-1-3', field: 'title', comment: '最初のコメント', author: '委員' });
    expect(created.error).toBeUndefined();
    const id = (created.result as unknown as { id: string }).id;
    const holder = await holdWriteLock(svc.db.name, 1500);
    const res = await invoke('annotations.update', { id, comment: '待ってから直したコメント', author: '委員' });
    await holder.done;
    expect(res.error).toBeUndefined();
    expect((res.result as unknown as { comment: string }).comment).toBe('待ってから直したコメント');
  });
});
