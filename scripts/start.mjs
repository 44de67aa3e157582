// `npm start`: build the app if needed and open it in Electron. Electron fetches its runtime on
// first launch; where that cannot happen (no network, as in a secure room), say so plainly and serve
// the same app to the local browser through the web host instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
buildIfStale(root);

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = () => (fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : process.platform === 'win32' ? 'electron.exe' : 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative());
    return fs.existsSync(bin) ? bin : null;
  }
  const installed = fs.existsSync(pathFile) && path.join(electronDir, 'dist', relative());
  if (installed && fs.existsSync(installed)) return installed;
  // Try to fetch the runtime once, briefly; an offline machine answers with an error or a time-out.
  const res = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 60_000 });
  if (res.status === 0 && fs.existsSync(pathFile)) {
    const bin = path.join(electronDir, 'dist', relative());
    if (fs.existsSync(bin)) return bin;
  }
  return null;
}

const bin = electronBinary();
if (bin) {
  const child = spawn(bin, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    [
      'Electron の実行環境を取得できなかったため、同じアプリをブラウザー用に起動します。',
      '(The Electron runtime is not installed and could not be downloaded: this machine has no network.',
      ' Serving the same app through the local web host instead; open the URL below in a browser.',
      ' On an offline machine that already has an Electron copy, set ELECTRON_OVERRIDE_DIST_PATH to its folder and run npm start again.)',
      '',
    ].join('\n'),
  );
  await import(pathToFileURL(path.join(root, 'out', 'main', 'web.js')).href);
}
