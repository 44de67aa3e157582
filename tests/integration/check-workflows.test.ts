// The workflow lint (scripts/check-workflows.mjs, run by npm test): the release workflow passes, and
// each kind of mistake it exists for is named, with exit 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'check-workflows.mjs');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-workflows-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

const lint = (dir?: string) => spawnSync(process.execPath, [SCRIPT, ...(dir ? [dir] : [])], { cwd: ROOT, encoding: 'utf8' });

describe('check-workflows', () => {
  it('passes the release workflow, which runs on Windows, macOS and Linux', () => {
    const r = lint();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
    for (const os of ['windows-latest', 'macos-latest', 'ubuntu-latest']) expect(text).toContain(os);
    for (const step of ['npm ci', 'npm test', 'npm run dist', 'playwright.electron.config.ts', 'actions/upload-artifact@'])
      expect(text).toContain(step);
  });

  it('names every mistake in a broken copy and exits 1', () => {
    const text = fs
      .readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')
      .replace('uses: actions/checkout@v4', 'uses: actions/checkout\n        run: echo both')
      .replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.platform }}\n    needs: build')
      .replace("if: runner.os == 'Linux'", "if: runer.os == 'Linux'")
      .replace('timeout-minutes: 90', 'timeout-minutes: 90\n    run-on: ubuntu-latest')
      .replace('node-version: 24', 'node-version: ${{ env.NODE ');
    fs.writeFileSync(path.join(temp, 'release.yml'), text);
    const r = lint(temp);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("needs exactly one of 'uses' and 'run'");
    expect(r.stderr).toContain("uses 'actions/checkout' is not pinned to a version");
    expect(r.stderr).toContain('matrix.platform is not a key of the job');
    expect(r.stderr).toContain("needs 'build', which is not a job");
    expect(r.stderr).toContain("unknown context or function 'runer'");
    expect(r.stderr).toContain("unknown key 'run-on'");
    expect(r.stderr).toContain('unclosed ${{');
  });

  it('refuses a file that is not YAML', () => {
    fs.writeFileSync(path.join(temp, 'release.yml'), 'jobs: [unclosed\n');
    const r = lint(temp);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not valid YAML/);
  });
});
