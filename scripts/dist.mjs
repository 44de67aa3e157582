// `npm run dist`: the installers for this platform, with electron-builder (configuration: "build" in
// package.json), into dist/. better-sqlite3 is not recompiled: its Node-API prebuilt binary loads in
// Electron as in Node (scripts/after-pack.mjs checks each package carries the one for its platform). Windows: portable .exe and a per-user NSIS installer; Linux: AppImage
// and .deb; macOS: .dmg. Packaging needs the Electron runtime for this platform: the one named by
// ELECTRON_OVERRIDE_DIST_PATH, the installed one, a zip in electron-builder's cache, or a download;
// where none of them is possible it stops with one paragraph saying what to provide.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { electronVersion, findElectronRuntime, root } from './electron-runtime.mjs';

/** electron-builder's cache folder (the rules of its getCacheDirectory). */
function builderCacheDir() {
  const env = process.env.ELECTRON_BUILDER_CACHE?.trim();
  if (env) return env;
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'electron-builder');
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? os.tmpdir(), 'electron-builder', 'Cache');
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'electron-builder');
}

/** The runtime zip for this platform anywhere in that cache (it keeps them a few folders down). */
function cachedZip(dir, name, depth = 3) {
  if (depth < 0 || !fs.existsSync(dir)) return null;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return full;
    if (entry.isDirectory()) {
      const found = cachedZip(full, name, depth - 1);
      if (found) return found;
    }
  }
  return null;
}

const version = electronVersion();
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`;
const runtime = findElectronRuntime({ download: !process.env.ELECTRON_OVERRIDE_DIST_PATH });
const cached = runtime.missing ? cachedZip(builderCacheDir(), zipName) : null;
if (runtime.missing && !cached) {
  process.stderr.write(
    `npm run dist: cannot build the installers: ${runtime.missing}. Packaging copies the Electron ${version} runtime for ` +
      `${process.platform}-${process.arch} into each package. Provide it in one of two ways, ` +
      `then run npm run dist again: set ELECTRON_OVERRIDE_DIST_PATH to a folder holding that runtime (${zipName} unpacked), or put ` +
      `${zipName} into electron-builder's cache (${builderCacheDir()}; ELECTRON_BUILDER_CACHE names another). The installer tools ` +
      `(NSIS, AppImage, fpm for .deb) come from the same cache or a download; the release workflow (.github/workflows/release.yml) builds every platform on machines with network access.\n`,
  );
  process.exit(1);
}

buildIfStale(root);
const args = ['--publish', 'never'];
// An explicit runtime folder or zip; otherwise electron-builder finds the zip in its cache itself.
if (runtime.dir) args.push(`--config.electronDist=${runtime.dir}`);
process.stdout.write(`npm run dist: Electron ${version} from ${runtime.source ?? cached}; packages go to ${path.join(root, 'dist')}\n`);
const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
const res = spawnSync(bin, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (res.status !== 0) {
  process.stderr.write('npm run dist: electron-builder failed (its messages are above); nothing new is in dist/ that can be trusted.\n');
  process.exit(1);
}
process.stdout.write(`npm run dist: done; the packages are in ${path.join(root, 'dist')}\n`);
