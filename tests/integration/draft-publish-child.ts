// The child of draft-publish-crash.test.ts: publish the draft edition of the given database, saying
// "ready" once the database is open, so the parent can kill it -9 at a chosen moment of the publish.
import { openService } from '../../src/main/api/service';

const [file, year] = process.argv.slice(-2);
const svc = openService(file!, { seed: false });
process.stdout.write('ready\n');
void svc.dispatch('editions.publish', { fiscalYear: Number(year), author: '事務局' }).then((res) => {
  process.stdout.write(res.ok ? 'published\n' : `refused ${res.error.message}\n`);
  svc.close();
});
