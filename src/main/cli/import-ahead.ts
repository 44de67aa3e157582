// `council-desk import FILE`: the workbook goes to the parse worker before the rest of the CLI loads.
// The worker then reads it while this thread loads the store and the API contract and opens the
// database, instead of after (on two cores that overlap is most of a one-shot import's start-up).
// Staging takes the parse over only if it reads the same bytes under the same name with the default
// limits (parse-in-worker.ts, parseAhead); the worker runs every zip check and cap itself.
import fs from 'node:fs';
import path from 'node:path';
import { parseAhead } from '../excel/parse-in-worker';
import { ZIP_LIMITS } from '../excel/zip-check';

/**
 * Start reading `file` if it is a regular file within the size limit. Anything else (missing, a
 * folder, too large, unreadable) is left to staging, which says what is wrong in its own words.
 */
export function importAhead(file: string): void {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > ZIP_LIMITS.maxFileBytes) return;
    parseAhead(fs.readFileSync(file), path.basename(file));
  } catch {
    // Only a head start: staging reads the file again and reports any problem.
  }
}
