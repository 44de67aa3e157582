import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openService, type Service } from '../../src/main/api/service';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SEED_DIR = path.join(ROOT, 'seeds');
export const PLAN_FILE = fs.readdirSync(SEED_DIR).find((n) => n.startsWith('000_'))!;
export const PROJECT_FILE = fs.readdirSync(SEED_DIR).find((n) => n.startsWith('004_'))!;

/** A fresh folder under the OS temp dir, removed when the process exits. */
const tempDirs: string[] = [];
process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-test-'));
  tempDirs.push(dir);
  return dir;
}

export function tempDbPath(): string {
  return path.join(tempDir(), 'test.db');
}

/** A service on a new database, seeded from seeds/ as on first start. */
export function seededService(): Service {
  return openService(tempDbPath());
}

export function count(svc: Service, sql: string): number {
  return (svc.db.prepare(sql).get() as { n: number }).n;
}
