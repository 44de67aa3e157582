// A failed export leaves nothing behind: no half-written workbook, no `*.tmp` beside the target, the
// file it would have replaced as it was, and no export recorded. Proved two real ways: a disk that
// fills up mid-write (a 32 KB tmpfs, where this process may mount one: root on Linux), and a target
// that cannot be replaced (a folder by that name, so the final rename fails after the write).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../src/main/api/service';
import { count, seededService, tempDir } from './helpers';

let svc: Service;
let smallDisk: string | null = null;

/** A 32 KB tmpfs, or null where mounting is not allowed. */
function mountSmallDisk(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = tempDir();
  const res = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32k', 'tmpfs', dir], { encoding: 'utf8' });
  return res.status === 0 ? dir : null;
}

beforeAll(() => {
  svc = seededService();
  smallDisk = mountSmallDisk();
});
afterAll(() => {
  svc.close();
  if (smallDisk) spawnSync('umount', [smallDisk]);
});

/** Each way to write a workbook to a path, as the CLI names it. */
const EXPORTS = [
  ['excel.exportTable', (file: string) => ({ outFile: file })],
  ['excel.exportMinistry', (file: string) => ({ ministries: ['厚'], outFile: file })],
  ['annotations.export', (file: string) => ({ outPath: file })],
] as const;

async function expectCleanFailure(dir: string, file: string, method: (typeof EXPORTS)[number][0], args: unknown, cause: RegExp) {
  const exportsBefore = count(svc, 'SELECT COUNT(*) AS n FROM exports');
  const before = fs.readdirSync(dir).sort();
  const res = await svc.dispatch(method, args);
  expect(res, method).toMatchObject({
    ok: false,
    error: { code: 'bad_request', message: expect.stringContaining(`ファイルを書き込めません: ${file}`) },
  });
  expect(!res.ok && res.error.message, method).toMatch(cause);
  expect(fs.readdirSync(dir).sort(), method).toEqual(before);
  expect(count(svc, 'SELECT COUNT(*) AS n FROM exports')).toBe(exportsBefore);
}

describe('a failed export', () => {
  it.each(EXPORTS)('%s on a full disk leaves no *.tmp and the old file as it was', async (method, args) => {
    if (!smallDisk) {
      console.warn('skipped: cannot mount a small tmpfs here (needs root on Linux)');
      return;
    }
    for (const name of fs.readdirSync(smallDisk)) fs.rmSync(path.join(smallDisk, name), { recursive: true });
    const file = path.join(smallDisk, 'table.xlsx');
    fs.writeFileSync(file, 'the previous export');
    // Leave 4 KB, less room than any of these workbooks needs.
    const filler = path.join(smallDisk, 'filler');
    fs.writeFileSync(filler, Buffer.alloc(24 * 1024));
    await expectCleanFailure(smallDisk, file, method, args(file), /ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe('the previous export');
    fs.rmSync(filler);
  });

  it.each(EXPORTS)('%s to a target that cannot be replaced leaves no *.tmp', async (method, args) => {
    const dir = tempDir();
    const file = path.join(dir, 'table.xlsx');
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'inside.txt'), 'kept');
    await expectCleanFailure(dir, file, method, args(file), /EISDIR/);
    expect(fs.readFileSync(path.join(file, 'inside.txt'), 'utf8')).toBe('kept');
  });
});
