// The API method that readies the workbook reader. The spare parser worker costs ~60 MiB and a core
// for a moment while exceljs loads, so it starts only when the user turns to importing, never at
// start-up of the app or the web host; its module (and exceljs under it) loads on that first call.
import type { Handlers } from '../../shared/api';

export function parserHandlers(): Pick<Handlers, 'imports.prepare'> {
  return {
    'imports.prepare': async () => {
      const { prewarmParser } = await import('../excel/parse-in-worker');
      prewarmParser();
      return null;
    },
  };
}
