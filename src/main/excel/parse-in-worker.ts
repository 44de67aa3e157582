// Run the workbook parse in a worker thread with a heap cap and a deadline. A file that makes the
// reader allocate without bound or loop for minutes then ends that worker with a clear message,
// and the app (or CLI, or web host) carries on.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { expandWorkbook, type ParsedWorkbook, type ReadJob, type ReadReply } from './read-cells';
import type { SheetCaps } from './zip-check';

export interface ParseLimits {
  timeoutMs: number;
  memoryMb: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeoutMs: 30_000, memoryMb: 640 };

/**
 * The worker script: read-cells.ts itself when running from source (Node strips its types), or the
 * bundled copy beside the main bundle in a build (electron-vite input `excel-read-worker`).
 */
function workerScript(): URL {
  if (import.meta.url.endsWith('.ts')) return new URL('./read-cells.ts', import.meta.url);
  const bundled = new URL('./excel-read-worker.js', import.meta.url);
  if (!fs.existsSync(fileURLToPath(bundled)))
    throw new AppError('internal', `読み込み処理のファイルが見つかりません: ${fileURLToPath(bundled)}`);
  return bundled;
}

function startWorker(limits: ParseLimits, warm = false): Worker {
  const worker = new Worker(workerScript(), {
    // A spare warms up on a workbook of its own while it waits (read-cells.ts, warmUpWorkbook).
    workerData: { readCells: true, warm },
    // 64 MB young generation: 16 took ~20 MB off the peak RSS of a CLI import of an openpyxl-written
    // sheet, but staging with a ready spare ran slower in the bench (more scavenges of the texts).
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64 },
    stdout: true,
    stderr: true,
  });
  // A waiting spare must not keep a CLI process alive, nor crash anything if it dies idle.
  worker.unref();
  worker.on('error', () => undefined);
  return worker;
}

/**
 * One spare worker with the default limits, started ahead so the next import finds the reader
 * loaded and warmed up. Only a long-lived process asks for one (the app, the web host): from then on
 * a new spare follows each parse with the default limits. A one-shot CLI never asks, and so never
 * starts a thread it would not use. Every worker still parses exactly one file and is then
 * terminated, so one file can never leave state behind for the next.
 */
let spare: Worker | null = null;
let keepSpare = false;

export function prewarmParser(): void {
  keepSpare = true;
  spare ??= startWorker(DEFAULT_PARSE_LIMITS, true);
}

function takeWorker(limits: ParseLimits): Worker {
  if (limits !== DEFAULT_PARSE_LIMITS) return startWorker(limits);
  const worker = spare ?? startWorker(limits);
  spare = null;
  return worker;
}

/**
 * Check, unpack and read one workbook in a worker. The bytes are copied once into a buffer that is
 * then transferred, not cloned, to the worker (the caller keeps its own). The worker runs the zip
 * checks before any XML is parsed; what it sends back is the compact grid of cell texts.
 */
export function parseInWorker(
  bytes: Buffer,
  file: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  caps?: SheetCaps,
): Promise<ParsedWorkbook> {
  if (ahead && limits === DEFAULT_PARSE_LIMITS && caps === undefined && ahead.file === file && ahead.bytes.equals(bytes)) {
    const taken = ahead;
    ahead = null;
    taken.hold(true);
    return taken.result;
  }
  return startParse(bytes, file, limits, caps).result;
}

/**
 * A parse started before the code that needs it has loaded: the one-shot CLI `import` hands the
 * file to a worker first thing, then loads the store and the API contract while the worker reads
 * (cli/import-ahead.ts). parseInWorker takes it over when asked for the same name and the same bytes
 * with the default limits and caps; anything else starts its own. Until taken, the worker and its
 * deadline do not keep the process alive, so a command that fails before staging exits at once.
 */
let ahead: { bytes: Buffer; file: string; result: Promise<ParsedWorkbook>; hold: (keepAlive: boolean) => void } | null = null;

export function parseAhead(bytes: Buffer, file: string): void {
  const started = startParse(bytes, file, DEFAULT_PARSE_LIMITS, undefined);
  started.result.catch(() => undefined);
  started.hold(false);
  ahead = { bytes, file, ...started };
}

function startParse(
  bytes: Buffer,
  file: string,
  limits: ParseLimits,
  caps: SheetCaps | undefined,
): { result: Promise<ParsedWorkbook>; hold: (keepAlive: boolean) => void } {
  let hold: (keepAlive: boolean) => void = () => undefined;
  const result = new Promise<ParsedWorkbook>((resolve, reject) => {
    const worker = takeWorker(limits);
    worker.ref();
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    const job: ReadJob = { bytes: copy.buffer, file, caps };
    worker.postMessage(job, [copy.buffer]);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
      // The next spare starts once this file is read and its caller's synchronous work is done (a
      // macrotask after the reply): started while the file was parsing, a loading thread competed
      // for the CPU with that parse on a 2-core machine.
      if (keepSpare && limits === DEFAULT_PARSE_LIMITS) setImmediate(prewarmParser);
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new AppError(
              'bad_request',
              `${file}: 読み込みが ${limits.timeoutMs / 1000} 秒で終わらないため中止しました。不正なファイルの可能性があります。`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.on('message', (msg: ReadReply) => {
      finish(() => {
        if (msg.ok) resolve(expandWorkbook(msg.result));
        else if (msg.refused) reject(new AppError('bad_request', msg.message));
        else reject(new AppError('bad_request', `${file}: Excel ファイルとして読み込めません(${describeParseError(msg.message)})。`));
      });
    });
    worker.on('error', (err: NodeJS.ErrnoException) => {
      finish(() =>
        reject(
          new AppError(
            'bad_request',
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `${file}: 読み込みに必要なメモリが上限(${limits.memoryMb} MB)を超えたため中止しました。不正なファイルの可能性があります。`
              : `${file}: 読み込み中にエラーが発生しました(${err.message})。`,
          ),
        ),
      );
    });
    worker.on('exit', (code) =>
      finish(() => reject(new AppError('bad_request', `${file}: 読み込み処理が異常終了しました(終了コード ${code})。`))),
    );
    hold = (keepAlive) => {
      if (settled) return;
      if (keepAlive) {
        worker.ref();
        timer.ref();
      } else {
        worker.unref();
        timer.unref();
      }
    };
  });
  return { result, hold };
}

/** The XML parser's messages start with the part they are about; people are told that part is broken. */
function describeParseError(message: string): string {
  const part = /^(xl\/[^:]+\.(?:xml|rels)): (.*)$/s.exec(message);
  if (part) return `${part[1]} の XML が壊れています: ${part[2]!.slice(0, 150)}`;
  return message.slice(0, 200);
}
