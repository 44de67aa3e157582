// Vitest global set-up: the tests that spawn the council-desk command or the web host run the built
// output (out/main), so build it first when a source is newer (scripts/build-if-stale.mjs).
import path from 'node:path';
import { buildIfStale } from '../scripts/build-if-stale.mjs';

export default function setup(): void {
  buildIfStale(path.resolve(import.meta.dirname, '..'));
}
