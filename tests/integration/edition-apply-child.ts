// The child of edition-crash.test.ts: apply a staged edition import on the given database, saying
// "ready" once the database is open, so the parent can kill it -9 at a chosen moment of the apply.
import { openService } from '../../src/main/api/service';

const [file, batch] = process.argv.slice(-2);
const svc = openService(file!, { seed: false });
process.stdout.write('ready\n');
void svc.dispatch('editions.apply', { batch: Number(batch), author: '事務局' }).then((res) => {
  process.stdout.write(res.ok ? 'applied\n' : `refused ${res.error.message}\n`);
  svc.close();
});
