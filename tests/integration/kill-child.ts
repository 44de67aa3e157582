// Kill -9 a real child process at many moments of a write that must be all-or-nothing (an edition
// apply, a publish). The child prints `ready` just before it starts the write; the kills are spread
// over the time one whole run takes on this machine now, measured first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { openService, type Service } from '../../src/main/api/service';
import { api } from './excel-helpers';
import { ROOT, tempDir } from './helpers';

export interface ChildRun {
  end: 'killed' | 'finished';
  /** Milliseconds from `ready` to the end. */
  afterReady: number;
}

/** Run the TypeScript child `script` with `args`; kill it -9 `ms` after it is ready (never, when null). */
export function runAndKill(script: string, args: readonly string[], ms: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let ready = 0;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (ready || !d.toString().includes('ready')) return;
      ready = Date.now();
      if (ms !== null) setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ end: 'killed', afterReady: Date.now() - ready });
      else if (code === 0) resolve({ end: 'finished', afterReady: Date.now() - ready });
      else reject(new Error(`child failed (${code}): ${err}`));
    });
  });
}

export interface KillPlan {
  /** The child script and its arguments for a database file. */
  script: string;
  args: (db: string) => string[];
  /** A closed database file to copy for every run. */
  template: string;
  kills: number;
  /**
   * Checks the database a run left (opened, found whole and with no backup set aside) and says which
   * whole state it is in (it throws on a mix).
   */
  check: (svc: Service) => Promise<'old' | 'new'>;
}

/**
 * Kill runs spread over 0–1.3× a timed whole run. The machine is shared and its load changes from run
 * to run, so when every kill landed before the commit (or after it), a few more runs go later (or
 * earlier) until both states were seen: a test whose kills all fall on one side proves less than it says.
 */
export async function killAcrossCommit(plan: KillPlan): Promise<{ old: number; new: number }> {
  const copy = (): string => {
    const db = path.join(tempDir(), 'council-desk.db');
    fs.copyFileSync(plan.template, db);
    return db;
  };
  const timing = copy();
  const { afterReady: full } = await runAndKill(plan.script, plan.args(timing), null);
  const outcomes = { old: 0, new: 0 };
  const runAt = async (ms: number): Promise<void> => {
    const db = copy();
    await runAndKill(plan.script, plan.args(db), Math.round(ms));
    const svc = openService(db, { seed: false });
    try {
      expect(svc.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await api(svc, 'backups.list', {})).setAside).toEqual([]);
      outcomes[await plan.check(svc)] += 1;
    } finally {
      svc.close();
    }
  };
  for (let i = 0; i < plan.kills; i++) await runAt((full * 1.3 * i) / (plan.kills - 1));
  for (let extra = 0, later = 2; outcomes.new === 0 && extra < 6; extra++, later *= 1.5) await runAt(full * later);
  for (let extra = 0, earlier = 0.2; outcomes.old === 0 && extra < 6; extra++, earlier /= 2) await runAt(full * earlier);
  return outcomes;
}
