// `npm run web -- [--port N] [--db PATH]`: serve the app to a local browser.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot, defaultDbPath } from '../app-info';
import { openService } from '../api/service';
import { fillPendingReadingsInBackground } from '../store/search-readings';
import { startWebHost } from './server';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { port: { type: 'string' }, db: { type: 'string' }, quiet: { type: 'boolean' } },
  strict: true,
});
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`error: --port must be a number from 0 to 65535\n`);
  process.exit(2);
}
const dbPath = defaultDbPath(values.db);
let svc;
try {
  svc = openService(dbPath);
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message}\n`);
  process.exit(1);
}
const host = await startWebHost({ dispatch: svc.doorFor('web'), rendererDir: path.join(appRoot(), 'out', 'renderer'), port });
process.stdout.write(`協議会デスク: ${host.url}\n`);
// Readings a seed or import left pending are analysed by a worker, so the door never waits for them.
void fillPendingReadingsInBackground(svc.db);
// The workbook reader's spare worker is not started here: the page asks for it when the user turns
// to importing (imports.prepare), so an idle host stays small.
if (!values.quiet) process.stdout.write(`(database: ${dbPath}; Ctrl+C で終了)\n`);
const stop = () => {
  void host.close().then(() => {
    svc.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
