// Entry point of the CLI process. The command line is checked first and the rest of the CLI (the
// store, the API contract) is loaded only for a command that needs it, so `--help` and usage errors
// answer at once.
import path from 'node:path';
import { parseCommandLine } from './command-line';

// A reader that stops early (`council-desk search がん | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};
const line = parseCommandLine(process.argv.slice(2), io);
// An import starts reading its workbook before the store and the API load (import-ahead.ts).
if (typeof line !== 'number' && line.command === 'import' && line.rest[0]) {
  (await import('./import-ahead')).importAhead(path.resolve(line.rest[0]));
}
process.exitCode = typeof line === 'number' ? line : await (await import('./main')).runCommand(line, io);
