// The command-line door: `council-desk [--db PATH] <command> …`.
// Exit codes: 0 success, 1 bad input (one line on stderr), 2 usage error.
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
import { parseCommandLine, type CommandLine } from './command-line';
import { runRoundTrip } from './round-trip';
import { facetArgs, runDashboard } from './dashboard';
import { runGraph } from './graph';
import { runChanges } from './changes';

/** `--edition 8` (or R8, 令和8, 2026): an edition's fiscal year. */
function editionOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const fy = parseFiscalYear(text);
  if (fy === null) throw new UsageError(`--edition must be a fiscal year (8, R8, 令和8 or 2026), got '${text}'`);
  return fy;
}

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
        const list = await call(svc, 'items.list', {
          ministry: values.ministry as never,
          lead: values.lead,
          ...facetArgs(values),
          edition,
        });
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
        const hits = await call(svc, 'search', {
          query: rest[0]!,
          edition: editionOption(values.edition),
          allEditions: values['all-editions'],
        });
        if (json)
          printJson(
            io,
            hits.map((h) => ({
              key: h.key,
              field: h.field,
              snippet: h.snippet,
              marks: h.marks,
              ...(h.edition ? { edition: h.edition } : {}),
            })),
          );
        else {
          const current = currentFiscalYear(svc.db);
          for (const h of hits)
            io.out(
              `${h.edition && h.edition !== current ? `[${editionLabel(h.edition)}] ` : ''}${formatSearchHit(h, h.edition ?? current)}`,
            );
          io.out(`${hits.length} 件`);
          const { suggestion } = hits.length === 0 ? await call(svc, 'search.suggest', { query: rest[0]! }) : { suggestion: null };
          if (suggestion) io.out(`もしかして: ${suggestion}`);
        }
        break;
      }
      case 'export':
        if (rest[0] === 'comparison') await runEditions(svc, command, rest, values, io);
        else await runRoundTrip(svc, command, rest, { ...values, fiscalYear: editionOption(values.edition) }, io);
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
      case 'changes':
        await runChanges(svc, rest, values, io);
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
