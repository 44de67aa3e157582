// A database that cannot be written opens read-only instead of failing to start: it reads as usual,
// the overview says readOnly (the UI shows a banner), and every change is refused in Japanese with
// the file left byte for byte as it was. Proven three ways this machine allows: as root with
// `chattr +i` on the file, and on the folder (SQLite then cannot create the -shm file even to read),
// and as the unprivileged user `nobody` (runuser) through the CLI in a child process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openService } from '../../src/main/api/service';
import { ROOT, tempDbPath } from './helpers';

const READ_ONLY = /読み取り専用で開いているため、変更は保存できません/;

function run(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args).status === 0;
}

/** Whether `chattr +i` works here (root on a filesystem that supports it). */
const canChattr = (() => {
  const probe = tempDbPath();
  fs.writeFileSync(probe, '');
  const ok = run('chattr', ['+i', probe]);
  if (ok) run('chattr', ['-i', probe]);
  return ok;
})();
const canRunAsNobody = process.getuid?.() === 0 && run('runuser', ['-u', 'nobody', '--', 'true']);

/** A seeded database, closed (so its WAL is checkpointed and the -wal and -shm files are gone). */
function seededFile(): string {
  const file = tempDbPath();
  openService(file).close();
  return file;
}

async function expectReadOnlyService(file: string): Promise<void> {
  const bytes = fs.readFileSync(file);
  const svc = openService(file);
  try {
    const overview = await svc.dispatch('plan.overview', {});
    expect(overview).toMatchObject({ ok: true, result: { readOnly: true } });
    const item = await svc.dispatch('items.get', { key: '1-1-1' });
    expect(item).toMatchObject({ ok: true, result: { key: '1-1-1' } });
    const edits = [
      await svc.dispatch('items.update', { key: '1-1-1', field: 'title', value: '書けない題名', author: '事務局' }),
      await svc.dispatch('annotations.create', { itemKey: '1-1-1', comment: '書けない注釈', author: '委員' }),
      await svc.dispatch('prefs.set', { author: '事務局' }),
      await svc.dispatch('changes.setLastMeeting', { date: '2026-11-20' }),
    ];
    for (const res of edits)
      expect(res).toMatchObject({ ok: false, error: { code: 'read_only', message: expect.stringMatching(READ_ONLY) } });
  } finally {
    svc.close();
  }
  expect(fs.readFileSync(file).equals(bytes)).toBe(true);
}

describe('a database that cannot be written', () => {
  it.skipIf(!canChattr)('an immutable file (chattr +i, which stops root too) opens read-only and refuses changes', async () => {
    const file = seededFile();
    run('chattr', ['+i', file]);
    try {
      await expectReadOnlyService(file);
    } finally {
      run('chattr', ['-i', file]);
    }
  });

  it.skipIf(!canChattr)('a file in an immutable folder, where SQLite cannot even create its -shm, opens read-only', async () => {
    const file = seededFile();
    const dir = path.dirname(file);
    run('chattr', ['+i', dir]);
    try {
      await expectReadOnlyService(file);
      expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
    } finally {
      run('chattr', ['-i', dir]);
    }
  });

  it.skipIf(!canRunAsNobody)('for a user without write permission, the CLI reads and refuses an annotation with exit 1', () => {
    const file = seededFile();
    fs.chmodSync(path.dirname(file), 0o755);
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    const cli = (...args: string[]) =>
      spawnSync(
        'runuser',
        ['-u', 'nobody', '--', 'env', `COUNCIL_DESK_DB=${file}`, process.execPath, path.join(ROOT, 'bin', 'council-desk.mjs'), ...args],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
    const show = cli('show', '1-1-1', '--json');
    expect(show.stderr).toBe('');
    expect(show.status).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ key: '1-1-1' });
    const annotate = cli('annotate', '1-1-1', '--field', 'title', '--quote', '研究', '--comment', '書けない注釈');
    expect(annotate.status).toBe(1);
    expect(annotate.stderr).toMatch(READ_ONLY);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });
});
