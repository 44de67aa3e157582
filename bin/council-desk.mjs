#!/usr/bin/env node
// The council-desk command. The store needs Node >= 22 (better-sqlite3 13); when started by an older
// system Node, re-run with the Node 24 the project pins in node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
const { register } = await import('tsx/esm/api');
register();
await import(pathToFileURL(join(root, 'src', 'main', 'cli', 'index.ts')).href);
