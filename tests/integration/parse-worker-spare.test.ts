// Which parse workers a process starts: one per file, and a spare only in a process that asked for
// one (the app, the web host). A one-shot CLI never starts a thread it would not use.
import { describe, expect, it, vi } from 'vitest';
import { parseInWorker, prewarmParser } from '../../src/main/excel/parse-in-worker';
import { warmUpWorkbook } from '../../src/main/excel/read-cells';

const started = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class CountedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.count += 1;
    }
  }
  return { ...real, Worker: CountedWorker };
});

const afterReply = () => new Promise((r) => setTimeout(r, 50));

describe('parse workers', () => {
  it('a process that never asked for a spare starts one worker per file and nothing more; once asked, a spare follows each file', async () => {
    const bytes = warmUpWorkbook(20);
    await parseInWorker(bytes, 'a.xlsx');
    await parseInWorker(bytes, 'b.xlsx');
    await afterReply();
    expect(started.count).toBe(2);

    prewarmParser();
    expect(started.count).toBe(3);
    const wb = await parseInWorker(bytes, 'c.xlsx'); // read by the spare
    expect(wb.sheets.map((s) => s.name)).toEqual(['回答', '_meta']);
    expect(started.count).toBe(3);
    await afterReply();
    expect(started.count).toBe(4); // the next spare, started once the file was read
  });
});
