// The command-line door: `council-desk [--db PATH] <command> …`.
// Exit codes: 0 success, 1 bad input (one line on stderr), 2 usage error.
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { defaultDbPath, seedDir } from '../app-info';
import { openService, type Service } from '../api/service';
import { ingestDir } from '../ingest/seed';
import { currentFiscalYear } from '../store/edition-store';
import { formatItem, formatItemLine, formatProject, formatSearchHit, itemToJson } from './format';
import { runAnnotations } from './annotations';
import { runEditions } from './editions';
import { editionLabel, parseFiscalYear } from '../../shared/editions';
import { call, printJson, UsageError, type Io } from './command-io';
import { runRoundTrip } from './round-trip';
import { DASHBOARD_USAGE, facetArgs, ITEM_FACET_OPTIONS, runDashboard } from './dashboard';
import { runGraph } from './graph';

export const USAGE = `使い方: council-desk [--db PATH] <command> [options]

commands:
  seed                                   ingest the bundled seeds/ (idempotent)
  editions [--json]                      the editions held (令和N年度版): fiscal year, title, status, items
  edition import FILE.txt [--json]       stage a follow-up table as the next edition (or a changed source)
  edition apply BATCH [--pair LABEL_OR_TITLE=KEY|new]… [--json]
  edition discard BATCH
  edition diff FROM TO [--json]          two editions item by item (added, dropped, renumbered, moved, changed)
  followup YEAR [--json]                 last year's future directions against this year's actions
  export comparison FROM TO --out FILE.xlsx   the 新旧対照表 of two editions
  items [--ministry CODE] [--lead] [--edition YEAR] [--json] [--section ID] [--quality LABEL] [--future-label KIND]
        [--boilerplate-only] [--commitment-year N|relative] [--unchecked-warnings]
        [--annotation-status open|resolved] [--annotation-tag TAG] [--annotation-author NAME]
  show KEY [--edition YEAR] [--json]
  search QUERY [--edition YEAR | --all-editions] [--json]
  projects [--json]
  export ministry CODE --out FILE.xlsx [--lead] [--due TEXT] [--contact TEXT]
  export table --out FILE.xlsx [--notes]  (--notes: add 府省からの補足 as a column)
  import FILE.xlsx [--ministry CODE] [--json]   stage a returned workbook (the plan is not changed)
  apply BATCH [--accept all|KEY[/FIELD][,…]] [--reject KEY[/FIELD][,…]] [--json]
  discard BATCH
  batches [--json]
  backups [--json]                       verified backups, files set aside, folder size
  backup [--json]                        take a manual backup (kept until removed by hand)
  restore BACKUP
  annotate KEY --field title|actions|future --quote TEXT [--comment TEXT] [--tag T]… [--json]
                                         annotate the first occurrence of TEXT in that field
  annotations [--json]                   list annotations, each anchored (本文中) or orphan (元の文言なし)
  annotations export --out FILE.xlsx     the shared workbook for the secretariat
  annotations import FILE.xlsx… [--json] merge reviewers' workbooks by id
${DASHBOARD_USAGE}
  graph [--json | --graphml] [--out FILE]
                                         the knowledge graph (nodes, edges, mentions); without a format, a summary
  related KEY [--json]                   items sharing named entities with KEY: key, title, shared, score

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
  export: ['out', 'lead', 'due', 'contact', 'notes'],
  import: ['ministry', 'json'],
  apply: ['accept', 'reject', 'json'],
  discard: [],
  batches: ['json'],
  backups: ['json'],
  backup: ['json'],
  restore: [],
  annotate: ['field', 'quote', 'comment', 'tag', 'json'],
  annotations: ['out', 'json'],
  dashboard: ['edition', 'json', 'out'],
  quality: ['json'],
  'check-warnings': ['json'],
  graph: ['json', 'graphml', 'out'],
  related: ['json'],
};

/** Positional arguments each command takes. */
const ARITY: Record<string, (rest: string[]) => boolean> = {
  show: (r) => r.length === 1,
  search: (r) => r.length === 1,
  export: (r) => (r[0] === 'ministry' && r.length === 2) || (r[0] === 'table' && r.length === 1) || (r[0] === 'comparison' && r.length === 3),
  edition: (r) => (['import', 'apply', 'discard'].includes(r[0] ?? '') && r.length === 2) || (r[0] === 'diff' && r.length === 3),
  followup: (r) => r.length === 1,
  import: (r) => r.length === 1,
  apply: (r) => r.length === 1,
  discard: (r) => r.length === 1,
  restore: (r) => r.length === 1,
  annotate: (r) => r.length === 1,
  'check-warnings': (r) => r.length === 1,
  related: (r) => r.length === 1,
  annotations: (r) => r.length === 0 || (r[0] === 'export' && r.length === 1) || (r[0] === 'import' && r.length >= 2),
};

/** `--edition 8` (or R8, 令和8, 2026): an edition's fiscal year. */
function editionOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const fy = parseFiscalYear(text);
  if (fy === null) throw new UsageError(`--edition must be a fiscal year (8, R8, 令和8 or 2026), got '${text}'`);
  return fy;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
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
    io.err(`usage error: ${stray.length ? `option --${stray[0]} does not apply to '${command}'` : `wrong number of arguments for '${command}'`}`);
    io.err(USAGE);
    return 2;
  }

  let svc: Service | undefined;
  try {
    svc = openService(defaultDbPath(values.db));
    const json = values.json === true;
    switch (command) {
      case 'seed': {
        const reports = ingestDir(svc.db, seedDir());
        for (const r of reports) {
          io.out(
            r.staged !== null
              ? `${r.document}: ${r.warnings[0]} 内容は edition import と同じく確認できます(edition apply ${r.staged} で反映)。`
              : `${r.document}: ${r.unchanged ? '変更なし' : `新規 ${r.created} 件、更新 ${r.updated} 件、変更履歴 ${r.revisions} 件`}` +
                  (r.warnings.length ? `(注意 ${r.warnings.length} 件)` : ''),
          );
        }
        break;
      }
      case 'editions':
      case 'edition':
      case 'followup':
        await runEditions(svc, command, rest, values, io);
        break;
      case 'items': {
        if (values.ministry === undefined && values.lead) throw new UsageError('--lead needs --ministry CODE');
        const edition = editionOption(values.edition as string | undefined);
        const list = await call(svc, 'items.list', { ministry: values.ministry as never, lead: values.lead, ...facetArgs(values), edition });
        if (json) {
          const full = await Promise.all(list.map((it) => call(svc!, 'items.get', { key: it.key, edition })));
          printJson(io, full.map(itemToJson));
        } else {
          for (const it of list) io.out(formatItemLine(it));
          io.out(`${list.length} 件`);
        }
        break;
      }
      case 'show': {
        const edition = editionOption(values.edition);
        const item = await call(svc, 'items.get', { key: rest[0]!, edition });
        if (json) printJson(io, itemToJson(item));
        else {
          const overview = await call(svc, 'plan.overview', {});
          io.out(formatItem(item, overview.sections, edition ?? overview.edition?.fiscalYear ?? null));
        }
        break;
      }
      case 'search': {
        if (values.edition !== undefined && values['all-editions']) throw new UsageError('--edition and --all-editions exclude each other');
        const hits = await call(svc, 'search', { query: rest[0]!, edition: editionOption(values.edition), allEditions: values['all-editions'] });
        if (json) printJson(io, hits.map((h) => ({ key: h.key, field: h.field, snippet: h.snippet, marks: h.marks, ...(h.edition ? { edition: h.edition } : {}) })));
        else {
          const current = currentFiscalYear(svc.db);
          for (const h of hits) io.out(`${h.edition && h.edition !== current ? `[${editionLabel(h.edition)}] ` : ''}${formatSearchHit(h, h.edition ?? current)}`);
          io.out(`${hits.length} 件`);
          const { suggestion } = hits.length === 0 ? await call(svc, 'search.suggest', { query: rest[0]! }) : { suggestion: null };
          if (suggestion) io.out(`もしかして: ${suggestion}`);
        }
        break;
      }
      case 'export':
        if (rest[0] === 'comparison') await runEditions(svc, command, rest, values, io);
        else await runRoundTrip(svc, command, rest, values, io);
        break;
      case 'import':
      case 'apply':
      case 'discard':
      case 'batches':
      case 'backups':
      case 'backup':
      case 'restore':
        await runRoundTrip(svc, command, rest, values, io);
        break;
      case 'annotate':
      case 'annotations':
        await runAnnotations(svc, command, rest, values, io);
        break;
      case 'dashboard':
      case 'quality':
      case 'check-warnings':
        await runDashboard(svc, command, rest, values, io);
        break;
      case 'graph':
      case 'related':
        await runGraph(svc, command, rest, values, io);
        break;
      case 'projects': {
        const projects = await call(svc, 'projects.list', {});
        if (json) printJson(io, projects);
        else for (const p of projects) io.out(formatProject(p));
        break;
      }
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`usage error: ${err.message}`);
      return 2;
    }
    const message = err instanceof AppError ? err.message : `unexpected error: ${(err as Error).message}`;
    io.err(`error: ${message.replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  } finally {
    svc?.close();
  }
}
