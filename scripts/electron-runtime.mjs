// Where this checkout's Electron runtime is, for `npm start`, `npm run dist` and the Electron smoke
// test: the folder named by ELECTRON_OVERRIDE_DIST_PATH, else the runtime the electron package
// installed (node_modules/electron/dist), optionally fetched once by the package's own installer.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

/** The executable's path inside an Electron folder (what the electron package's path.txt says). */
function executableIn(dir) {
  const pathFile = path.join(electronDir, 'path.txt');
  const fallback = { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform] ?? 'electron';
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : fallback;
  return path.join(dir, rel);
}

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
}

/**
 * The runtime as { dir, executable, source }, or { missing: reason } in one sentence.
 * With download: true, a missing runtime is fetched once by the electron package's installer (its
 * cache and ELECTRON_MIRROR apply); an offline machine answers with an error or a time-out.
 */
export function findElectronRuntime({ download = false } = {}) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = executableIn(override);
    if (fs.existsSync(executable)) return { dir: override, executable, source: 'ELECTRON_OVERRIDE_DIST_PATH' };
    return {
      missing: `ELECTRON_OVERRIDE_DIST_PATH (${override}) does not hold an Electron ${electronVersion()} runtime (no ${path.relative(override, executable)} in it)`,
    };
  }
  const installed = path.join(electronDir, 'dist');
  if (fs.existsSync(executableIn(installed))) return { dir: installed, executable: executableIn(installed), source: 'installed' };
  if (download) {
    spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 60_000 });
    if (fs.existsSync(executableIn(installed))) return { dir: installed, executable: executableIn(installed), source: 'downloaded' };
    return { missing: `the Electron ${electronVersion()} runtime is not installed and could not be downloaded` };
  }
  return { missing: `no Electron runtime: node_modules/electron/dist is absent and ELECTRON_OVERRIDE_DIST_PATH is not set` };
}

/**
 * The packaged app npm run dist left in dist/ (its unpacked folder) as { executable }, or { missing }:
 * what the release workflow smoke-starts.
 */
export function packagedApp() {
  const dist = path.join(root, 'dist');
  const product = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).build.productName;
  const inFolder = {
    linux: (d) => path.join(d, 'council-desk'),
    win32: (d) => path.join(d, `${product}.exe`),
    darwin: (d) => path.join(d, `${product}.app`, 'Contents', 'MacOS', product),
  }[process.platform];
  const folders = fs.existsSync(dist) ? fs.readdirSync(dist).filter((n) => n.endsWith('-unpacked') || /^mac(-\w+)?$/.test(n)) : [];
  for (const folder of folders) {
    const executable = inFolder?.(path.join(dist, folder));
    if (executable && fs.existsSync(executable)) return { executable };
  }
  return { missing: `no packaged app in ${dist} (run npm run dist first)` };
}
