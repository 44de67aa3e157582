// The built web host (out/main/web.js, what `npm run web` runs) as a child process, for the start-up
// bench and the tests that look at the process from outside: its URL, its API, its memory and threads.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface BuiltWebHost {
  pid: number;
  origin: string;
  token: string;
  invoke<T>(method: string, args: unknown): Promise<T>;
  /** Resident memory of the whole process (all threads), MiB. */
  rssMiB(): number;
  /** Threads of the process (Linux only; null elsewhere). */
  threads(): number | null;
  close(): Promise<void>;
}

function procStatus(pid: number, field: string): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export async function startBuiltWebHost(db: string): Promise<BuiltWebHost> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out', 'main', 'web.js'), '--port', '0', '--db', db, '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<URL>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the web host did not start in 30 s\n${stderr}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(new URL(m[1]!));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web host exited (${code})\n${stderr}`));
    });
  });
  const token = url.searchParams.get('token') ?? '';
  const pid = child.pid!;
  return {
    pid,
    origin: url.origin,
    token,
    invoke: async <T>(method: string, args: unknown) => {
      const res = await fetch(`${url.origin}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-council-token': token },
        body: JSON.stringify({ method, args }),
      });
      const envelope = (await res.json()) as { ok: boolean; result?: T; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message);
      return envelope.result as T;
    },
    rssMiB: () => {
      const kib =
        procStatus(pid, 'VmRSS') ?? Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());
      return kib / 1024;
    },
    threads: () => procStatus(pid, 'Threads'),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
