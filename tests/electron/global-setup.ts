// The app the smoke test starts is the build: make it current first.
import path from 'node:path';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';

export default function globalSetup(): void {
  buildIfStale(path.resolve(import.meta.dirname, '..', '..'));
}
