// Run by backup-crash.test.ts in a child process that is then killed with SIGKILL at some moment:
// opens a real database and, in a loop, takes a backup and restores the newest one, so a kill lands
// while a backup is being written or verified, or a restore is copying, verifying or swapping.
// Prints "ready" once the database is open.
import { backupDatabase, listBackups, restoreBackup } from '../../src/main/store/backups';
import { openDatabase } from '../../src/main/store/database';

const db = openDatabase(process.argv[2]!);
process.stdout.write('ready\n');
for (;;) {
  await backupDatabase(db, 'manual');
  const newest = listBackups(db).backups[0];
  if (newest) await restoreBackup(db, newest.name);
}
