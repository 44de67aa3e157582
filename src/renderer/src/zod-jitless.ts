// Imported first by main.tsx, before any schema is built: zod compiles its object parsers with
// `new Function` when it can, and probes for that at every schema's construction. Under the app's CSP
// (no 'unsafe-eval') the probe fails as intended but reports a CSP violation each page load; jitless
// zod never probes. Parsing speed in the page does not matter (the main side validates at the door).
import { config } from 'zod';

config({ jitless: true });
