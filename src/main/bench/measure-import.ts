// Run one import through the real CLI in a child process and measure the peak resident memory of that
// whole process (main thread, parse worker, native buffers) with /usr/bin/time -v. Used by the memory
// tests and `npm run bench`: a figure taken in-process would include the test runner's own memory.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export type ImportKind = 'workbook' | 'annotations' | 'plan';

export interface MeasuredImport {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the child process, MiB (`Maximum resident set size`). */
  peakMiB: number;
  seconds: number;
  /** CPU time of the process (user + system, all threads): steadier than wall time on a busy machine. */
  cpuSeconds: number;
}

/** The CLI arguments that import `file` (a plan text file is ingested from its folder: `seed`). */
function cliArgs(kind: ImportKind, file: string, db: string): string[] {
  if (kind === 'workbook') return ['import', file, '--db', db];
  if (kind === 'annotations') return ['annotations', 'import', file, '--db', db];
  return ['seed', '--db', db];
}

export function measureImport(kind: ImportKind, file: string, db: string): Promise<MeasuredImport> {
  const env = { ...process.env, ...(kind === 'plan' ? { COUNCIL_DESK_SEEDS: path.dirname(file) } : {}) };
  return measureProcess([process.execPath, path.join(root, 'bin', 'council-desk.mjs'), ...cliArgs(kind, file, db)], env);
}

/** Run any command (`argv[0]` the program) under /usr/bin/time -v: its exit, output, peak RSS and wall time. */
export function measureProcess(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<MeasuredImport> {
  const args = ['-v', ...argv];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', args, { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (!rss) return reject(new Error(`no peak RSS in /usr/bin/time output:\n${stderr}`));
      const exit = /Exit status: (\d+)/.exec(stderr);
      // /usr/bin/time appends its report (and a "Command exited…" line) to the child's own stderr.
      const ownErr = stderr
        .slice(0, stderr.lastIndexOf('\tCommand being timed'))
        .replace(/^Command exited with non-zero status \d+\n?/m, '');
      resolve({
        code: exit ? Number(exit[1]) : code,
        stdout,
        stderr: ownErr.trim(),
        peakMiB: Math.round(Number(rss[1]) / 1024),
        cpuSeconds: ['User', 'System'].reduce(
          (sum, kind) => sum + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? 0),
          0,
        ),
        seconds: (performance.now() - started) / 1000,
      });
    });
  });
}
