// Build the UI if stale, then start one web host on a fresh temporary database for the specs that
// only read. Specs that edit start their own host (see fixtures.ts freshHost), so tests stay
// independent. The URL and database reach the workers through the environment.
import { buildIfStale, startHost } from './host';

export default async function globalSetup(): Promise<() => Promise<void>> {
  buildIfStale();
  const host = await startHost();
  process.env.COUNCIL_E2E_URL = host.url;
  process.env.COUNCIL_E2E_DB = host.db;
  return () => host.close();
}
