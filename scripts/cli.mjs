// `npm run -s cli -- …` from a checkout: rebuild first when a source is newer than the build (about
// 2 s, only then), then run the council-desk command on it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';

buildIfStale(path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
await import('../bin/council-desk.mjs');
