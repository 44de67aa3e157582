// The built web host starts no parser worker of its own: an idle host stays small, and the spare worker
// starts when the page turns to importing (imports.prepare), ready for the first file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltWebHost, type BuiltWebHost } from '../../scripts/bench/built-web-host';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const linux = process.platform === 'linux';

describe.skipIf(!linux)('web host spare parser worker (threads read from /proc)', () => {
  let dir: string;
  let host: BuiltWebHost;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-spare-'));
    host = await startBuiltWebHost(path.join(dir, 'plan.db'));
  });
  afterAll(async () => {
    await host?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is not started at start-up; imports.prepare starts exactly one, and again changes nothing', async () => {
    await pause(1500); // what the old host did at start-up would have happened by now
    const idle = host.threads()!;
    await pause(1000);
    expect(host.threads()).toBe(idle);
    expect(await host.invoke('imports.prepare', {})).toBeNull();
    await pause(500);
    const ready = host.threads()!;
    expect(ready).toBeGreaterThan(idle);
    await host.invoke('imports.prepare', {});
    await pause(500);
    expect(host.threads()).toBe(ready);
  });
});
