// Start tests/fixtures/hold-write-lock.mjs as a child process and wait until it holds the lock.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './helpers';

export interface LockHolder {
  /** Resolves when the holder has released the lock and exited. */
  done: Promise<void>;
}

export function holdWriteLock(db: string, ms: number): Promise<LockHolder> {
  const child = spawn(process.execPath, [path.join(ROOT, 'tests', 'fixtures', 'hold-write-lock.mjs'), db, String(ms)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve({ done });
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before taking the lock`)));
  });
}
