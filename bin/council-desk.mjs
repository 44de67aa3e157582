#!/usr/bin/env node
// The council-desk command: runs the built CLI (out/main/cli.js, bundled by `npm run build` with the
// app's main process). The store needs Node >= 22 (better-sqlite3 13); when started by an older system
// Node, re-run with the Node 24 the project pins in node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const pinned = join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(pinned)) {
    process.stderr.write(`error: Node ${process.versions.node} is too old (need >= 22) and the pinned Node is missing; run npm install\n`);
    process.exit(1);
  }
  const res = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}
const built = join(root, 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  // A checkout that was installed but never built (`npm link`, a bare `npm install`): build once.
  if (!existsSync(join(root, 'src'))) {
    process.stderr.write(`error: the built CLI is missing (${built}); reinstall council-desk\n`);
    process.exit(1);
  }
  const { buildIfStale } = await import('../scripts/build-if-stale.mjs');
  buildIfStale(root);
}
// V8 keeps the compiled bundle on disk between runs: a one-shot command spends a good part of its
// start-up compiling the same JavaScript otherwise.
module.enableCompileCache?.();
await import(pathToFileURL(built).href);
