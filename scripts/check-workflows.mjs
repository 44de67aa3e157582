// Lint the CI workflows (.github/workflows/*.yml) where they cannot run: actionlint is not packaged
// for this Debian, so this is a schema check of what GitHub Actions would refuse or misrun: unknown
// keys, a step with both or neither of uses/run, an action not pinned to a version, `needs` naming a
// missing job, a `${{ }}` expression that is unbalanced or reads an unknown context or matrix key, a
// runner label that is not a hosted one. Usage: node scripts/check-workflows.mjs [DIR]; exit 1 on any.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? path.join(root, '.github', 'workflows');

const TOP_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']);
const EVENTS = new Set([
  'push',
  'pull_request',
  'pull_request_target',
  'workflow_dispatch',
  'workflow_call',
  'schedule',
  'release',
  'workflow_run',
  'merge_group',
]);
const JOB_KEYS = new Set([
  'name',
  'needs',
  'runs-on',
  'permissions',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'if',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
]);
const STEP_KEYS = new Set([
  'id',
  'name',
  'if',
  'uses',
  'run',
  'with',
  'env',
  'shell',
  'working-directory',
  'continue-on-error',
  'timeout-minutes',
]);
const CONTEXTS = new Set(['github', 'env', 'vars', 'job', 'jobs', 'steps', 'runner', 'secrets', 'strategy', 'matrix', 'needs', 'inputs']);
const FUNCTIONS = new Set([
  'contains',
  'startsWith',
  'endsWith',
  'format',
  'join',
  'toJSON',
  'fromJSON',
  'hashFiles',
  'success',
  'always',
  'cancelled',
  'failure',
]);
const HOSTED = /^(ubuntu|windows|macos)-(latest|\d[\w.-]*)$/;

/** Every `${{ … }}` in a value, and whether each opened one is closed. */
function expressions(value) {
  const text = String(value);
  const found = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('${{', at);
    if (open < 0) return found;
    const close = text.indexOf('}}', open);
    if (close < 0) return [...found, null];
    found.push(text.slice(open + 3, close).trim());
    at = close + 2;
  }
}

function checkExpression(expr, where, matrixKeys, problems) {
  if (expr === null) return problems.push(`${where}: unclosed \${{`);
  const stripped = expr.replace(/'[^']*'/g, "''");
  for (const m of stripped.matchAll(/(?<![\w.-])([A-Za-z_][\w-]*)(\.[\w-]+)?/g)) {
    const [, head, member] = m;
    if (['true', 'false', 'null'].includes(head)) continue;
    if (FUNCTIONS.has(head)) continue;
    if (!CONTEXTS.has(head)) problems.push(`${where}: unknown context or function '${head}' in \${{ ${expr} }}`);
    else if (head === 'matrix' && member && !matrixKeys.has(member.slice(1)))
      problems.push(`${where}: matrix.${member.slice(1)} is not a key of the job's matrix`);
  }
}

/** Expressions anywhere in a value (strings, lists, maps). */
function walk(value, where, matrixKeys, problems, isCondition = false) {
  if (typeof value === 'string') {
    const exprs = expressions(value);
    // An `if:` is an expression even without ${{ }}.
    if (isCondition && exprs.length === 0) checkExpression(value, where, matrixKeys, problems);
    for (const e of exprs) checkExpression(e, where, matrixKeys, problems);
  } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`, matrixKeys, problems));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`, matrixKeys, problems);
}

function matrixKeysOf(job) {
  const matrix = job.strategy?.matrix;
  if (!matrix || typeof matrix !== 'object') return new Set();
  const keys = new Set(Object.keys(matrix).filter((k) => k !== 'include' && k !== 'exclude'));
  for (const entry of [...(matrix.include ?? [])]) for (const k of Object.keys(entry ?? {})) keys.add(k);
  return keys;
}

export function checkWorkflow(file, text) {
  const problems = [];
  let doc;
  try {
    doc = yaml.load(text);
  } catch (err) {
    return [`${file}: not valid YAML: ${err.message.split('\n')[0]}`];
  }
  if (!doc || typeof doc !== 'object') return [`${file}: empty workflow`];
  for (const k of Object.keys(doc)) if (!TOP_KEYS.has(k)) problems.push(`${file}: unknown top-level key '${k}'`);
  const on = doc.on;
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on : on && typeof on === 'object' ? Object.keys(on) : [];
  if (events.length === 0) problems.push(`${file}: no 'on' trigger`);
  for (const e of events) if (!EVENTS.has(e)) problems.push(`${file}: unknown event '${e}'`);
  const jobs = doc.jobs && typeof doc.jobs === 'object' ? doc.jobs : {};
  if (Object.keys(jobs).length === 0) problems.push(`${file}: no jobs`);
  for (const [id, job] of Object.entries(jobs)) {
    const at = `${file}: jobs.${id}`;
    if (!job || typeof job !== 'object') {
      problems.push(`${at}: not a mapping`);
      continue;
    }
    for (const k of Object.keys(job)) if (!JOB_KEYS.has(k)) problems.push(`${at}: unknown key '${k}'`);
    const matrixKeys = matrixKeysOf(job);
    const runsOn = job['runs-on'];
    if (runsOn === undefined) problems.push(`${at}: no runs-on`);
    for (const label of [runsOn].flat()) {
      if (typeof label === 'string' && expressions(label).length === 0 && !HOSTED.test(label) && label !== 'self-hosted')
        problems.push(`${at}: runs-on '${label}' is not a hosted runner label`);
    }
    for (const os of [job.strategy?.matrix?.os ?? []].flat()) {
      if (typeof os === 'string' && !HOSTED.test(os)) problems.push(`${at}: matrix os '${os}' is not a hosted runner label`);
    }
    for (const need of [job.needs ?? []].flat()) if (!(need in jobs)) problems.push(`${at}: needs '${need}', which is not a job`);
    const steps = Array.isArray(job.steps) ? job.steps : [];
    if (steps.length === 0) problems.push(`${at}: no steps`);
    steps.forEach((step, i) => {
      const where = `${at}.steps[${i}]${step?.name ? ` (${step.name})` : ''}`;
      if (!step || typeof step !== 'object') return problems.push(`${where}: not a mapping`);
      for (const k of Object.keys(step)) if (!STEP_KEYS.has(k)) problems.push(`${where}: unknown key '${k}'`);
      if ('uses' in step === 'run' in step) problems.push(`${where}: needs exactly one of 'uses' and 'run'`);
      if ('uses' in step && !/^(\.\/|docker:\/\/|[\w.-]+\/[\w./-]+@[\w.-]+$)/.test(String(step.uses)))
        problems.push(`${where}: uses '${step.uses}' is not pinned to a version (owner/repo@ref)`);
      if ('with' in step && !('uses' in step)) problems.push(`${where}: 'with' without 'uses'`);
      for (const [k, v] of Object.entries(step)) walk(v, `${where}.${k}`, matrixKeys, problems, k === 'if');
    });
    for (const [k, v] of Object.entries(job)) if (k !== 'steps') walk(v, `${at}.${k}`, matrixKeys, problems, k === 'if');
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)) : [];
  if (files.length === 0) {
    process.stderr.write(`check-workflows: no workflow files in ${dir}\n`);
    process.exit(1);
  }
  const problems = files.flatMap((f) =>
    checkWorkflow(path.join(path.relative(root, dir) || dir, f), fs.readFileSync(path.join(dir, f), 'utf8')),
  );
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.stdout.write(`check-workflows: ${files.length} file(s), ${problems.length} problem(s)\n`);
  process.exit(problems.length ? 1 : 0);
}
