// `npm run web -- [--port N] [--db PATH]`: build if the output is stale, then run the built web host
// (out/main/web.js) in this process.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
buildIfStale(root);
await import(pathToFileURL(path.join(root, 'out', 'main', 'web.js')).href);
