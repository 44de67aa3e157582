// `npm test`: every check the project has, in order, with one summary line at the end:
//   typecheck, lint (with the layer rules), electron-vite build, electronegativity, the CI workflow
//   lint, unit + integration tests (vitest), end-to-end tests (Playwright in Debian Chromium), and the
//   Electron smoke test when an Electron runtime is present; without one, a `skip` line says why.
// The last line is `N passed, N failed`: tests counted by their runners, plus each check that is
// not a test runner counted as one. Exit code 1 when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime } from './electron-runtime.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const windows = process.platform === 'win32';
const bin = (name) => path.join(root, 'node_modules', '.bin', windows ? `${name}.cmd` : name);
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);

let passed = 0;
let failed = 0;
const summary = [];

function run(label, cmd, args, env = {}) {
  if (only.length && !only.includes(label)) return null;
  process.stdout.write(`\n=== ${label}: ${[path.basename(cmd), ...args].join(' ')}\n`);
  const started = Date.now();
  // Windows runs the .cmd shims of node_modules/.bin only through a shell.
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: windows && cmd.endsWith('.cmd'),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: res.status === 0, seconds };
}

function check(label, cmd, args) {
  const r = run(label, cmd, args);
  if (!r) return;
  if (r.ok) passed += 1;
  else failed += 1;
  summary.push(`${r.ok ? 'ok  ' : 'FAIL'} ${label} (${r.seconds}s)`);
}

function tests(label, cmd, args, reportFile, count, env) {
  fs.rmSync(reportFile, { force: true });
  const r = run(label, cmd, args, env);
  if (!r) return;
  let counts = null;
  try {
    counts = count(JSON.parse(fs.readFileSync(reportFile, 'utf8')));
  } catch {
    // No report: the runner itself failed before running tests.
  }
  if (!counts) {
    failed += 1;
    summary.push(`FAIL ${label}: the runner produced no report (${r.seconds}s)`);
    return;
  }
  passed += counts.passed;
  failed += counts.failed;
  if (!r.ok && counts.failed === 0) failed += 1;
  summary.push(
    `${r.ok ? 'ok  ' : 'FAIL'} ${label}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''} (${r.seconds}s)`,
  );
}

check('typecheck', bin('tsc'), ['-b', 'tsconfig.json']);
check('lint', bin('eslint'), ['.']);
check('format', bin('prettier'), ['--check', '.']);
check('build', bin('electron-vite'), ['build']);
check('electronegativity', process.execPath, [path.join(root, 'scripts', 'electronegativity.mjs')]);
check('workflows', process.execPath, [path.join(root, 'scripts', 'check-workflows.mjs')]);

const vitestReport = path.join(results, 'vitest.json');
tests('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], vitestReport, (j) => ({
  passed: j.numPassedTests,
  failed: j.numFailedTests,
  skipped: j.numPendingTests + j.numTodoTests,
}));

const pwReport = path.join(results, 'playwright.json');
tests(
  'e2e',
  bin('playwright'),
  ['test', '--reporter=list,json'],
  pwReport,
  (j) => ({ passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected, skipped: j.stats.skipped }),
  { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport },
);

// The desktop app itself (Playwright's _electron), when this machine has an Electron runtime.
const electronReport = path.join(results, 'playwright-electron.json');
const electronRuntime = findElectronRuntime();
if (electronRuntime.missing) {
  if (!only.length || only.includes('electron')) summary.push(`skip electron smoke test: ${electronRuntime.missing}`);
} else {
  tests(
    'electron',
    bin('playwright'),
    ['test', '-c', 'playwright.electron.config.ts', '--reporter=list,json'],
    electronReport,
    (j) => ({ passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected, skipped: j.stats.skipped }),
    { PLAYWRIGHT_JSON_OUTPUT_NAME: electronReport },
  );
}

process.stdout.write(`\n=== summary\n${summary.join('\n')}\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
