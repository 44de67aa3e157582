// One open store with its API: what each door (Electron, web host, CLI) starts from.
import type { Handlers } from '../../shared/api';
import { seedDir } from '../app-info';
import { ensureSeeded, type LoadReport } from '../ingest/seed';
import { cleanBackupLeftovers } from '../store/backups';
import { openDatabase, type Db } from '../store/database';
import { createDispatch, type Dispatch, type Door } from './dispatch';
import { createHandlers } from './handlers';

export interface Service {
  db: Db;
  handlers: Handlers;
  /** The in-process door (the CLI, tests): may name files and folders. */
  dispatch: Dispatch<'cli'>;
  /** The door of a transport that serves a page (web host, Electron IPC): refuses path arguments. */
  doorFor<D extends Exclude<Door, 'cli'>>(door: D): Dispatch<D>;
  /** What the first-start seeding did, or null when the store already had data. */
  seeded: LoadReport[] | null;
  close(): void;
}

export function openService(dbPath: string, options: { seed?: boolean } = {}): Service {
  const db = openDatabase(dbPath);
  try {
    if (!db.readonly) cleanBackupLeftovers(db); // what a killed backup or restore left behind
    // A read-only database is shown as it is; seeding would be a write.
    const seeded = options.seed === false || db.readonly ? null : ensureSeeded(db, seedDir());
    const handlers = createHandlers(db);
    return {
      db,
      handlers,
      dispatch: createDispatch(handlers, 'cli'),
      doorFor: (door) => createDispatch(handlers, door),
      seeded,
      close: () => db.close(),
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
