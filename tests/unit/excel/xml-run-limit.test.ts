// The longest stretch between two `<` in a part the reader parses is capped (zip-check.ts,
// MAX_XML_RUN_BYTES): a file with a longer value is refused before any XML parser sees it, wherever
// in the part that value sits, and a value right at the cap is still read.
import { describe, expect, it } from 'vitest';
import { MAX_XML_RUN_BYTES, storedZip, unpackForReading } from '../../../src/main/excel/zip-check';

const M = MAX_XML_RUN_BYTES;
const WORKBOOK = '<workbook><sheets/></workbook>';

function unpack(sharedStrings: string) {
  const zip = storedZip([
    ['xl/workbook.xml', Buffer.from(WORKBOOK)],
    ['xl/sharedStrings.xml', Buffer.from(sharedStrings, 'latin1')],
  ]);
  return () => unpackForReading(zip, 'returned.xlsx');
}

/** `<t>` + text so that the stretch from its `<` to the next `<` is `run` bytes. */
const value = (run: number) => `<t>${'x'.repeat(run - 3)}</t>`;
/** Many short tags, so a long value does not sit in the first window of the part. */
const padding = '<si><t>a</t></si>'.repeat(Math.ceil((3 * M) / 17));
const refused = /値が長すぎます\(returned\.xlsx|値が長すぎます\(xl\/sharedStrings\.xml に [\d.]+ MB の値、上限 256 KB/;

describe('cap on the longest value of a part', () => {
  it('reads a value exactly at the cap, at the start, after many tags and at the end of the part', () => {
    expect(unpack(`<sst>${value(M)}</sst>`)).not.toThrow();
    expect(unpack(`<sst>${padding}${value(M)}${padding}</sst>`)).not.toThrow();
    expect(unpack(`${'x'.repeat(M)}<sst/>`)).not.toThrow();
    expect(unpack(`<sst/>${'x'.repeat(M - 6)}`)).not.toThrow();
    expect(unpack(`<sst>${padding}</sst>`)().parts.get('xl/sharedStrings.xml')!.length).toBeGreaterThan(3 * M);
  });

  it('refuses a value one byte over the cap wherever it is, naming the part and its size', () => {
    for (const part of [
      `<sst>${value(M + 1)}</sst>`,
      `<sst>${padding}${value(M + 1)}${padding}</sst>`,
      `${'x'.repeat(M + 1)}<sst/>`,
      `<sst/>${'x'.repeat(M - 5)}`,
      `<sst>${padding}${value(5 * M)}</sst>`,
    ]) {
      expect(unpack(part)).toThrow(refused);
    }
    expect(unpack(`<sst>${padding}${value(5 * M)}</sst>`)).toThrow(/xl\/sharedStrings\.xml に 1\.3 MB の値/);
  });
});
