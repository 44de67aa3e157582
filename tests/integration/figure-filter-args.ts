// A dashboard figure's filter as the `items` command's options, so a test can list the items behind it.
import type { ItemFilter } from '../../src/shared/item-filter';

const OPTION: Record<string, string> = {
  ministry: '--ministry',
  section: '--section',
  quality: '--quality',
  futureLabel: '--future-label',
  commitmentYear: '--commitment-year',
  annotationStatus: '--annotation-status',
  annotationTag: '--annotation-tag',
  annotationAuthor: '--annotation-author',
};
const FLAG: Record<string, string> = { lead: '--lead', boilerplateOnly: '--boilerplate-only', uncheckedWarnings: '--unchecked-warnings' };

export function filterArgs(f: ItemFilter): string[] {
  return Object.entries(f).flatMap(([k, v]) => {
    if (FLAG[k]) return v === true ? [FLAG[k]] : [];
    if (!OPTION[k]) throw new Error(`no CLI option for filter ${k}`);
    return [OPTION[k], String(v)];
  });
}
