// One open store with its API: what each door (Electron, web host, CLI) starts from.
import type { Handlers } from '../../shared/api';
import { seedDir } from '../app-info';
import { ensureSeeded, type IngestReport } from '../ingest/ingest';
import { cleanBackupLeftovers } from '../store/backups';
import { openDatabase, type Db } from '../store/database';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';

export interface Service {
  db: Db;
  handlers: Handlers;
  dispatch: Dispatch;
  /** What the first-start seeding did, or null when the store already had data. */
  seeded: IngestReport[] | null;
  close(): void;
}

export function openService(dbPath: string, options: { seed?: boolean } = {}): Service {
  const db = openDatabase(dbPath);
  try {
    cleanBackupLeftovers(db); // what a killed backup or restore left behind
    const seeded = options.seed === false ? null : ensureSeeded(db, seedDir());
    const handlers = createHandlers(db);
    return { db, handlers, dispatch: createDispatch(handlers), seeded, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}
