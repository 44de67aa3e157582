// `npm start`: build the app if needed and open it in Electron. Electron fetches its runtime on
// first launch; where that cannot happen (no network, as in a secure room), say so plainly and serve
// the same app to the local browser through the web host instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';
import { findElectronRuntime } from './electron-runtime.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
buildIfStale(root);
const runtime = findElectronRuntime({ download: true });
if (runtime.executable) {
  const child = spawn(runtime.executable, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
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
