// The benchmark's revision of a synthetic plan (many near copies of each item) is matched exactly:
// copies of an item must not crowd the one still free out of its candidates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { benchEditions } from '../../../scripts/bench/editions';

const seeds = fileURLToPath(new URL('../../../seeds/', import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'editions-bench-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it('matches a revised 12× plan: every kept item matched, every new one added, every dropped one dropped', () => {
  const [matching, followUp] = benchEditions(seeds, work, 12, 1);
  // 672 items; every 97th is dropped (7), every 101st gets a new item after it unless dropped (6).
  expect(matching![0]).toBe('edition matching, 12× plan (672 → 671 items)');
  expect(matching![3]).toBe('665 matched, 6 added, 7 dropped, 0 ambiguous; median of 1');
  expect(followUp![0]).toBe('follow-up overview, 12× plan (665 items)');
});
