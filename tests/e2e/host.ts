// Starting and stopping the web host for the e2e tests: the built host (`node out/main/web.js --port 0
// --db <tmp>`, what `npm run web` runs; global-setup builds it when stale) on a fresh temporary
// database, with the URL read from what it prints.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

/** Node 24 from node_modules first on the PATH, whatever the caller's PATH says. */
function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}` };
}

export interface Host {
  url: string;
  origin: string;
  token: string;
  db: string;
  close(): Promise<void>;
}

export function tempDb(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `council-desk-e2e-${label}-`));
  return path.join(dir, 'plan.db');
}

export async function startHost(db = tempDb('host')): Promise<Host> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'out', 'main', 'web.js'), '--port', '0', '--db', db, '--quiet'], {
    cwd: ROOT,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start in 60 s\n${stderr}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /協議会デスク: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code})\n${stderr}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    db,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(path.dirname(db), { recursive: true, force: true });
    },
  };
}

/** Run the CLI on a database and parse its JSON output (the other door, to check the UI against). */
export function cliJson<T>(db: string, args: string[]): T {
  const res = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'council-desk.mjs'), '--db', db, ...args, '--json'], {
    cwd: ROOT,
    env: childEnv(),
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`cli ${args.join(' ')} failed: ${res.stderr}`);
  return JSON.parse(res.stdout) as T;
}

/** Build the renderer if any source is newer than the build. */
export function buildIfStale(): void {
  const res = spawnSync(process.execPath, ['-e', "import('./scripts/build-if-stale.mjs').then(m=>m.buildIfStale(process.cwd()))"], {
    cwd: ROOT,
    env: childEnv(),
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error('build failed');
}
