// Facts about this build and where its files live, shared by the Electron app, the web host and the CLI,
// so all three open the same database by default.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_NAME = 'council-desk';
export const APP_VERSION = '0.1.0';

/** The per-user data folder, the same place Electron's app.getPath('userData') uses for this app. */
export function userDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** The database path: an explicit one, else $COUNCIL_DESK_DB, else the per-user data folder. */
export function defaultDbPath(explicit?: string): string {
  return explicit ?? process.env.COUNCIL_DESK_DB ?? path.join(userDataDir(), 'council-desk.db');
}

/** The project root (the folder with package.json), found from this file wherever it was built to. */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'seeds'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** The bundled source documents loaded on first start. */
export function seedDir(): string {
  return process.env.COUNCIL_DESK_SEEDS ?? path.join(appRoot(), 'seeds');
}
