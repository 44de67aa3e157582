// A parse started ahead (the one-shot CLI `import` hands its file to a worker before the store loads)
// is taken over by staging only for the very same bytes, name and default limits; anything else is
// read by a worker of its own, so a head start can never stand in for another file.
import { describe, expect, it, vi } from 'vitest';
import { parseAhead, parseInWorker } from '../../src/main/excel/parse-in-worker';
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

const rowsOf = (wb: Awaited<ReturnType<typeof parseInWorker>>) => wb.sheets.find((s) => s.name === '回答')!.rows.length;

describe('parse started ahead', () => {
  it('is taken over once by a parse of the same bytes under the same name: no second worker', async () => {
    started.count = 0;
    const bytes = warmUpWorkbook(20);
    parseAhead(bytes, 'returned.xlsx');
    expect(started.count).toBe(1);
    const wb = await parseInWorker(Buffer.from(bytes), 'returned.xlsx'); // read again from disk: equal, not the same buffer
    expect(started.count).toBe(1);
    expect(rowsOf(wb)).toBe(20);
    await parseInWorker(bytes, 'returned.xlsx'); // taken once only
    expect(started.count).toBe(2);
  });

  it('is not used for other bytes, another name or other limits: each of those is read itself', async () => {
    started.count = 0;
    const ahead = warmUpWorkbook(20);
    parseAhead(ahead, 'returned.xlsx');
    const other = await parseInWorker(warmUpWorkbook(30), 'returned.xlsx');
    expect(rowsOf(other)).toBe(30);
    expect(started.count).toBe(2);

    parseAhead(ahead, 'returned.xlsx');
    await parseInWorker(ahead, 'other.xlsx');
    expect(started.count).toBe(4);

    parseAhead(ahead, 'returned.xlsx');
    await parseInWorker(ahead, 'returned.xlsx', { timeoutMs: 30_000, memoryMb: 640 });
    expect(started.count).toBe(6);
    // The last head start is still there for the file it was made for.
    expect(rowsOf(await parseInWorker(ahead, 'returned.xlsx'))).toBe(20);
    expect(started.count).toBe(6);
  });
});
