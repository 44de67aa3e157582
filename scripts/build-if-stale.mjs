// Build the app (electron-vite) when the output is missing or older than any source file, so
// `npm run web`, `npm start` and the e2e tests always serve the current UI without a needless rebuild.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIfStale(root, { force = false } = {}) {
  const marker = path.join(root, 'out', 'renderer', 'index.html');
  const inputs = ['src', 'electron.vite.config.ts', 'package.json'].map((p) => path.join(root, p));
  const sourceTime = Math.max(...inputs.map((p) => (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)));
  if (!force && fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= sourceTime) return;
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const res = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (res.status !== 0) {
    process.stderr.write('error: the build failed (electron-vite build)\n');
    process.exit(1);
  }
  fs.utimesSync(marker, new Date(), new Date());
}
