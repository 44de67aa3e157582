// `npm run dist` on a machine that cannot get the Electron runtime: one paragraph saying what it needs
// (ELECTRON_OVERRIDE_DIST_PATH or electron-builder's cache), exit 1, no stack trace, nothing built.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-dist-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

function dist(env: Record<string, string>): { code: number | null; out: string; err: string } {
  const base = { ...process.env };
  delete base.ELECTRON_OVERRIDE_DIST_PATH;
  const res = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'dist.mjs')], {
    cwd: ROOT,
    // Empty caches and an unreachable mirror: what an offline machine has.
    env: {
      ...base,
      ELECTRON_BUILDER_CACHE: path.join(temp, 'builder-cache'),
      electron_config_cache: path.join(temp, 'electron-cache'),
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      ...env,
    },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

function expectOneParagraph(err: string): void {
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/^\s+at /m);
  expect(err).toMatch(/^npm run dist: cannot build the installers: /);
  expect(err).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  expect(err).toContain(`electron-builder's cache (${path.join(temp, 'builder-cache')}`);
  expect(err).toMatch(/electron-v[\d.]+-\w+-\w+\.zip/);
}

const distDir = path.join(ROOT, 'dist');
const listing = () => (fs.existsSync(distDir) ? fs.readdirSync(distDir).sort() : []);

describe('npm run dist without an Electron runtime', () => {
  it('ELECTRON_OVERRIDE_DIST_PATH naming a folder without Electron: says so in one paragraph, builds nothing', () => {
    const before = listing();
    const empty = fs.mkdtempSync(path.join(temp, 'not-electron-'));
    const r = dist({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(r.code).toBe(1);
    expectOneParagraph(r.err);
    expect(r.err).toContain(`ELECTRON_OVERRIDE_DIST_PATH (${empty}) does not hold an Electron`);
    expect(listing()).toEqual(before);
  });

  const installed = fs.existsSync(path.join(ROOT, 'node_modules', 'electron', 'dist'));
  it.skipIf(installed)('no runtime installed and no download possible: says what it needs in one paragraph', () => {
    const before = listing();
    const r = dist({});
    expect(r.code).toBe(1);
    expectOneParagraph(r.err);
    expect(r.err).toContain('is not installed and could not be downloaded');
    expect(listing()).toEqual(before);
  });
});
