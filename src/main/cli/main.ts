// The command-line door: `council-desk [--db PATH] <command> …`.
// Exit codes: 0 success, 1 bad input (one line on stderr), 2 usage error.
import { AppError } from '../../shared/errors';
import { defaultDbPath, seedDir } from '../app-info';
import { openService, type Service } from '../api/service';
import { ingestDir } from '../ingest/ingest';
import { currentFiscalYear } from '../store/edition-store';
import { EDITION_STATUS_NAMES } from '../../shared/editions';
import { formatItem, formatItemLine, formatProject, formatSearchHit, itemToJson } from './format';
import { runAnnotations } from './annotations';
import { call, printJson, UsageError, type Io } from './command-io';
import { parseCommandLine, type CommandLine } from './command-line';
import { runRoundTrip } from './round-trip';

export async function runCli(argv: string[], io: Io): Promise<number> {
  const line = parseCommandLine(argv, io);
  return typeof line === 'number' ? line : runCommand(line, io);
}

/** Run a command whose command line has been checked (parseCommandLine). */
export async function runCommand({ values, command, rest }: CommandLine, io: Io): Promise<number> {
  let svc: Service | undefined;
  try {
    // `seed` ingests once, itself, and reports what it created; every other command seeds a new
    // database on opening it.
    svc = openService(defaultDbPath(values.db), { seed: command !== 'seed' });
    const json = values.json === true;
    switch (command) {
      case 'seed': {
        const reports = ingestDir(svc.db, seedDir());
        for (const r of reports) {
          io.out(
            `${r.document}: ${r.unchanged ? '変更なし' : `新規 ${r.created} 件、更新 ${r.updated} 件、変更履歴 ${r.revisions} 件`}` +
              (r.warnings.length ? `(注意 ${r.warnings.length} 件)` : ''),
          );
        }
        break;
      }
      case 'editions': {
        const editions = await call(svc, 'editions.list', {});
        if (json) {
          printJson(
            io,
            editions.map((e) => ({ fiscalYear: e.fiscalYear, label: e.label, title: e.title, status: e.status, items: e.items })),
          );
        } else {
          for (const e of editions) io.out(`${e.label}  ${EDITION_STATUS_NAMES[e.status]}  ${e.items} 項目  ${e.title}`);
          io.out(`${editions.length} 版`);
        }
        break;
      }
      case 'items': {
        if (values.ministry === undefined && values.lead) throw new UsageError('--lead needs --ministry CODE');
        const list = await call(svc, 'items.list', { ministry: values.ministry as never, lead: values.lead });
        if (json) {
          const full = await Promise.all(list.map((it) => call(svc!, 'items.get', { key: it.key })));
          printJson(io, full.map(itemToJson));
        } else {
          for (const it of list) io.out(formatItemLine(it));
          io.out(`${list.length} 件`);
        }
        break;
      }
      case 'show': {
        const item = await call(svc, 'items.get', { key: rest[0]! });
        if (json) printJson(io, itemToJson(item));
        else {
          const overview = await call(svc, 'plan.overview', {});
          io.out(formatItem(item, overview.sections, overview.edition?.fiscalYear ?? null));
        }
        break;
      }
      case 'search': {
        const hits = await call(svc, 'search', { query: rest[0]! });
        if (json) printJson(io, hits.map((h) => ({ key: h.key, field: h.field, snippet: h.snippet, marks: h.marks })));
        else {
          for (const h of hits) io.out(formatSearchHit(h, currentFiscalYear(svc.db)));
          io.out(`${hits.length} 件`);
        }
        break;
      }
      case 'export':
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
