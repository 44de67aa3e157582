// The command line of the CLI: usage text, options, and the checks that need no store. Kept apart
// from main.ts so `--help` and usage errors answer without loading the store, zod or anything else.
import { parseArgs } from 'node:util';
import type { Io } from './command-io';

export const DASHBOARD_USAGE = `  dashboard [--edition YEAR] [--json] [--out FILE.xlsx]
                                         figures behind every chart; --out writes them as a workbook
  quality [--edition YEAR] [--json]      quality labels of every item, with reasons and evidence
  check-warnings KEY [--json]            confirm (確認済み) the item's ingest warnings`;

/** Options of `items` that select by facet; the names match the ItemFilter fields. */
export const ITEM_FACET_OPTIONS = {
  section: { type: 'string' },
  quality: { type: 'string' },
  'future-label': { type: 'string' },
  'boilerplate-only': { type: 'boolean' },
  'commitment-year': { type: 'string' },
  'unchecked-warnings': { type: 'boolean' },
  'annotation-status': { type: 'string' },
  'annotation-tag': { type: 'string' },
  'annotation-author': { type: 'string' },
  edition: { type: 'string' },
} as const;

export const USAGE = `使い方: council-desk [--db PATH] <command> [options]

commands:
  seed                                   ingest the bundled seeds/ (idempotent)
  editions [--json]                      the editions held (令和N年度版): fiscal year, title, status, items
  edition import FILE [--json]           stage a follow-up table (.txt, or the exported table .xlsx) as the next edition (or a changed source)
  edition apply BATCH [--pair LABEL_OR_TITLE=KEY|new]… [--json]
  edition discard BATCH
  edition start YEAR                     start next year's round: a draft edition (current + 1) from the current one
  edition publish YEAR                   the draft becomes the current edition (after a backup; the current one is archived)
  edition discard-draft YEAR             drop the draft edition (the current edition does not change)
  edition diff FROM TO [--json]          two editions item by item (added, dropped, renumbered, moved, changed)
  followup YEAR [--json]                 last year's future directions against this year's actions
  export comparison FROM TO --out FILE.xlsx   the 新旧対照表 of two editions
  items [--ministry CODE] [--lead] [--edition YEAR] [--json] [--section ID] [--quality LABEL] [--future-label KIND]
        [--boilerplate-only] [--commitment-year N|relative] [--unchecked-warnings]
        [--annotation-status open|resolved] [--annotation-tag TAG] [--annotation-author NAME]
  show KEY [--edition YEAR] [--json]
  search QUERY [--edition YEAR | --all-editions] [--json]
  projects [--json]
  export ministry CODE --out FILE.xlsx [--lead] [--due TEXT] [--contact TEXT] [--edition YEAR]
                                         (--edition: the draft edition's inquiry, last year's directions beside)
  export table --out FILE.xlsx [--notes] [--edition YEAR]  (--notes: add 府省からの補足 as a column; --edition: an archived edition as published)
  import FILE.xlsx [--ministry CODE] [--json]   stage a returned workbook (the plan is not changed)
  apply BATCH [--accept all|KEY[/FIELD][,…]] [--reject KEY[/FIELD][,…]] [--json]
  discard BATCH
  batches [--json]
  backups [--json]                       verified backups, files set aside, folder size
  backup [--json]                        take a manual backup (kept until removed by hand)
  restore BACKUP
  annotate KEY --field title|actions|future --quote TEXT [--comment TEXT] [--tag T]… [--json]
                                         annotate the first occurrence of TEXT in that field
  annotations [--edition YEAR] [--json]  list an edition's annotations (default: the current one), each
                                         anchored (本文中) or orphan (元の文言なし) on that edition's text
  annotations export --out FILE.xlsx     the shared workbook for the secretariat
  annotations import FILE.xlsx… [--json] merge reviewers' workbooks by id
  annotations carry FROM TO [--json]     copy edition FROM's annotations to the same items in TO, re-anchored
                                         (again: nothing twice); JSON { carried, orphaned: [{ key, quote }], skipped }
${DASHBOARD_USAGE}
  graph [--json | --graphml] [--out FILE]
                                         the knowledge graph (nodes, edges, mentions); without a format, a summary
  related KEY [--json]                   items sharing named entities with KEY: key, title, shared, score
  changes [--since DATE | --since-meeting] [--until DATE] [--key KEY] [--ministry CODE]
          [--field title|actions|future] [--source edit|import|restore|edition|seed] [--author A]
          [--json] [--out FILE.xlsx]      every change to every item (変更一覧), newest first
  changes meeting [DATE|none]            show or set the 前回会議 date (YYYY-MM-DD) --since-meeting uses

options:
  --db PATH    database file (default: $COUNCIL_DESK_DB, else the app's per-user data folder)
  --help       this text`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  ministry: { type: 'string' },
  lead: { type: 'boolean' },
  out: { type: 'string' },
  due: { type: 'string' },
  contact: { type: 'string' },
  notes: { type: 'boolean' },
  accept: { type: 'string' },
  reject: { type: 'string' },
  field: { type: 'string' },
  quote: { type: 'string' },
  comment: { type: 'string' },
  tag: { type: 'string', multiple: true },
  'all-editions': { type: 'boolean' },
  pair: { type: 'string', multiple: true },
  graphml: { type: 'boolean' },
  since: { type: 'string' },
  'since-meeting': { type: 'boolean' },
  until: { type: 'string' },
  key: { type: 'string' },
  source: { type: 'string' },
  author: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...ITEM_FACET_OPTIONS,
} as const;

const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  seed: [],
  editions: ['json'],
  edition: ['json', 'pair'],
  followup: ['json'],
  items: ['ministry', 'lead', 'json', ...Object.keys(ITEM_FACET_OPTIONS)],
  show: ['edition', 'json'],
  search: ['edition', 'all-editions', 'json'],
  projects: ['json'],
  export: ['out', 'lead', 'due', 'contact', 'notes', 'edition'],
  import: ['ministry', 'json'],
  apply: ['accept', 'reject', 'json'],
  discard: [],
  batches: ['json'],
  backups: ['json'],
  backup: ['json'],
  restore: [],
  annotate: ['field', 'quote', 'comment', 'tag', 'json'],
  annotations: ['out', 'json', 'edition'],
  dashboard: ['edition', 'json', 'out'],
  quality: ['json', 'edition'],
  'check-warnings': ['json'],
  graph: ['json', 'graphml', 'out'],
  related: ['json'],
  changes: ['since', 'since-meeting', 'until', 'key', 'ministry', 'field', 'source', 'author', 'json', 'out'],
};

/** Positional arguments each command takes. */
const ARITY: Record<string, (rest: string[]) => boolean> = {
  show: (r) => r.length === 1,
  search: (r) => r.length === 1,
  export: (r) =>
    (r[0] === 'ministry' && r.length === 2) || (r[0] === 'table' && r.length === 1) || (r[0] === 'comparison' && r.length === 3),
  edition: (r) =>
    (['import', 'apply', 'discard', 'start', 'publish', 'discard-draft'].includes(r[0] ?? '') && r.length === 2) ||
    (r[0] === 'diff' && r.length === 3),
  followup: (r) => r.length === 1,
  import: (r) => r.length === 1,
  apply: (r) => r.length === 1,
  discard: (r) => r.length === 1,
  restore: (r) => r.length === 1,
  annotate: (r) => r.length === 1,
  'check-warnings': (r) => r.length === 1,
  related: (r) => r.length === 1,
  changes: (r) => r.length === 0 || (r[0] === 'meeting' && r.length <= 2),
  annotations: (r) =>
    r.length === 0 || (r[0] === 'export' && r.length === 1) || (r[0] === 'import' && r.length >= 2) || (r[0] === 'carry' && r.length === 3),
};

function parseCommandLineArgs(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

export interface CommandLine {
  values: ReturnType<typeof parseCommandLineArgs>['values'];
  command: string;
  rest: string[];
}

/** A command to run, or the exit code when the command line alone settles it (help, usage errors). */
export function parseCommandLine(argv: string[], io: Io): CommandLine | number {
  let parsed;
  try {
    parsed = parseCommandLineArgs(argv);
  } catch (err) {
    io.err(`usage error: ${(err as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) {
    io.err(`usage error: unknown command '${command}'`);
    io.err(USAGE);
    return 2;
  }
  const stray = Object.keys(values).filter((k) => k !== 'db' && k !== 'help' && !allowed.includes(k));
  const arityOk = ARITY[command]?.(rest) ?? rest.length === 0;
  if (stray.length || !arityOk) {
    io.err(
      `usage error: ${stray.length ? `option --${stray[0]} does not apply to '${command}'` : `wrong number of arguments for '${command}'`}`,
    );
    io.err(USAGE);
    return 2;
  }
  return { values, command, rest };
}
