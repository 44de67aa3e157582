import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { ROOT, tempDbPath, tempDir } from './helpers';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The real command, as a user runs it. */
function binary(args: string[], env: NodeJS.ProcessEnv = {}) {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'council-desk.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('CLI', () => {
  const db = tempDbPath();

  it('seed: fills a new database (saying what it created), and is idempotent', async () => {
    const first = await cli(['--db', db, 'seed']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/000_.*新規 56 件/);
    const again = await cli(['--db', db, 'seed']);
    expect(again.out.split('\n').every((l) => l.includes('変更なし'))).toBe(true);
  });

  it('items --json: all 56 items with the documented fields', async () => {
    const res = await cli(['--db', db, 'items', '--json']);
    expect(res.code).toBe(0);
    const items = JSON.parse(res.out) as Record<string, unknown>[];
    expect(items).toHaveLength(56);
    for (const it of items) {
      expect(Object.keys(it)).toEqual(
        expect.arrayContaining([
          'key',
          'major',
          'middle',
          'area',
          'label',
          'title',
          'ministries',
          'lead',
          'actions',
          'future',
          'relistedFrom',
          'warnings',
        ]),
      );
      expect(typeof it.major).toBe('number');
      expect(typeof it.middle).toBe('number');
      expect(it.area === null || typeof it.area === 'number').toBe(true);
      expect(Array.isArray(it.actions) && (it.actions as unknown[]).every((b) => typeof b === 'string')).toBe(true);
      expect(String(it.title)).not.toMatch(/【[^】]*】$/);
      expect(String(it.title)).not.toMatch(/^[①-⑳]/);
    }
    expect(items.filter((it) => it.relistedFrom !== null).length).toBeGreaterThanOrEqual(2);
  });

  it('items --ministry 厚 [--lead] narrows the list', async () => {
    const all = JSON.parse((await cli(['--db', db, 'items', '--ministry', '厚', '--json'])).out) as {
      ministries: string[];
      lead: string[];
    }[];
    const lead = JSON.parse((await cli(['--db', db, 'items', '--ministry', '厚', '--lead', '--json'])).out) as { lead: string[] }[];
    expect(all.every((i) => i.ministries.includes('厚'))).toBe(true);
    expect(lead.every((i) => i.lead.includes('厚'))).toBe(true);
    expect(lead.length).toBeLessThan(all.length);
    const text = await cli(['--db', db, 'items', '--ministry', 'AMED']);
    expect(text.out).toMatch(/\d+ 件$/);
  });

  it('show KEY prints the item in Japanese; --json prints the item', async () => {
    const res = await cli(['--db', db, 'show', '1-1-3']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('■ 令和7年度の取組');
    expect(res.out).toContain('■ 今後の方向性・課題など');
    expect(res.out).toContain('大項目1');
    const json = JSON.parse((await cli(['--db', db, 'show', '1-1-3', '--json'])).out) as { key: string };
    expect(json.key).toBe('1-1-3');
  });

  it('search QUERY --json prints {key, field, snippet} hits', async () => {
    const hits = JSON.parse((await cli(['--db', db, 'search', 'がん', '--json'])).out) as { key: string; field: string; snippet: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toEqual(
      expect.objectContaining({ key: expect.any(String), field: expect.any(String), snippet: expect.stringContaining('がん') }),
    );
    const text = await cli(['--db', db, 'search', '認知症']);
    expect(text.out).toContain('«認知症»');
  });

  it('search by reading marks the original words, and a near miss offers もしかして', async () => {
    expect((await cli(['--db', db, 'search', 'にんちしょう'])).out).toMatch(/«認知»«症»|«認知症»/);
    const miss = await cli(['--db', db, 'search', 'ゲノン']);
    expect(miss.out).toContain('0 件');
    expect(miss.out).toContain('もしかして: ゲノム');
  });

  it('projects prints the AMED project record', async () => {
    const res = await cli(['--db', db, 'projects']);
    expect(res.out).toContain('医療等情報連携基盤');
    const json = JSON.parse((await cli(['--db', db, 'projects', '--json'])).out) as unknown[];
    expect(json).toHaveLength(1);
  });

  it('a bad key: one clear line on stderr, exit 1', async () => {
    const res = await cli(['--db', db, 'show', '9-9-99']);
    expect(res).toMatchObject({ code: 1, out: '' });
    expect(res.err).toBe('error: 項目が見つかりません: 9-9-99');
    const malformed = await cli(['--db', db, 'show', 'abc']);
    expect(malformed.code).toBe(1);
    expect(malformed.err).toContain('管理番号の形式');
    const ministry = await cli(['--db', db, 'items', '--ministry', '財']);
    expect(ministry.code).toBe(1);
  });

  it('a bad --db path: clear message, exit 1, nothing created', async () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, 'x');
    const res = await cli(['--db', path.join(blocker, 'sub', 'x.db'), 'items']);
    expect(res.code).toBe(1);
    expect(res.err.split('\n')).toHaveLength(1);
    expect(res.err).toMatch(/^error: データベースのフォルダーを作成できません/);
    const notDb = path.join(dir, 'not.db');
    fs.writeFileSync(notDb, 'plain text, not SQLite '.repeat(200));
    const res2 = await cli(['--db', notDb, 'items']);
    expect(res2.code).toBe(1);
    expect(res2.err).toMatch(/^error: データベースを開けません/);
  });

  it('usage errors exit 2', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['--db', db, 'frobnicate'])).code).toBe(2);
    expect((await cli(['--db', db, 'show'])).code).toBe(2);
    expect((await cli(['--db', db, 'items', '--nope'])).code).toBe(2);
    expect((await cli(['--db', db, 'search', 'x', '--lead'])).code).toBe(2);
    expect((await cli(['--help'])).code).toBe(0);
  });

  it('runs as the council-desk command, with COUNCIL_DESK_DB, and exits with the documented codes', () => {
    const envDb = tempDbPath();
    const ok = binary(['items'], { COUNCIL_DESK_DB: envDb });
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('56 件');
    expect(fs.existsSync(envDb)).toBe(true);
    const bad = binary(['--db', envDb, 'show', '9-9-99']);
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe('error: 項目が見つかりません: 9-9-99');
    expect(binary(['--db', envDb, 'bogus']).code).toBe(2);
  });

  it('stops quietly when its reader closes early (| head)', () => {
    const bin = path.join(ROOT, 'bin', 'council-desk.mjs');
    const res = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" --db "${db}" search が | head -n 1`], { encoding: 'utf8' });
    expect(res.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(res.stderr).not.toContain('EPIPE');
  });
});
