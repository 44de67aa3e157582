// The 新旧対照表 printed: the workbook of 令和7 → 令和8 (the 令和8 table built from the seed) converted to
// PDF by LibreOffice must be legible on A4 landscape: no text below 9 pt once the page is fitted to
// its width, the header row on every page, 新 left of 旧 on the same lines, and the changed passages
// underlined in the cells.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildR8Edition } from '../fixtures/editions/build';
import { api } from './excel-helpers';
import { seededService, tempDir } from './helpers';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
const soffice = has('soffice');
const pdftotext = has('pdftotext');

interface Word {
  page: number;
  x: number;
  y: number;
  height: number;
  text: string;
}

/** Every word of a PDF with its page, position and height (pdftotext -bbox). */
function words(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = spawnSync(pdftotext, ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const pages: { width: number; height: number }[] = [];
  const out: Word[] = [];
  for (const m of html.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else out.push({ page: pages.length, x: Number(m[3]), y: Number(m[4]), height: Number(m[5]) - Number(m[4]), text: m[6]! });
  }
  return { pages, words: out };
}

describe.skipIf(!soffice || !pdftotext)('新旧対照表 in print', () => {
  it(
    'is legible on A4 landscape: ≥ 9 pt, header on every page, 新 and 旧 side by side, changes underlined',
    { timeout: 180_000 },
    async () => {
      const svc = seededService();
      const dir = tempDir();
      const [staged] = await api(svc, 'editions.stage', {
        uploads: [{ name: 'r8.txt', dataBase64: Buffer.from(buildR8Edition()).toString('base64') }],
      });
      await api(svc, 'editions.apply', { batch: staged!.id, author: '事務局' });
      const file = path.join(dir, 'cmp.xlsx');
      await api(svc, 'editions.exportComparison', { from: 7, to: 8, outFile: file });

      // changed passages are underlined: 1-2-2-3's one word on both sides
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0]!;
      const row = ws.getColumn(1).values.findIndex((v) => v === '1-2-2-3');
      const underlinedText = (col: number) =>
        ((ws.getCell(row, col).value as ExcelJS.CellRichTextValue).richText ?? [])
          .filter((r) => r.font?.underline)
          .map((r) => r.text)
          .join('');
      expect(underlinedText(4)).toContain('適正');
      expect(underlinedText(5)).toContain('最適化');

      const res = spawnSync(
        soffice,
        [`-env:UserInstallation=file://${tempDir()}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
        { encoding: 'utf8', timeout: 150_000 },
      );
      expect(res.status, res.stderr).toBe(0);
      const { pages, words: all } = words(path.join(dir, 'cmp.pdf'));
      expect(pages.length).toBeGreaterThan(1);
      for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
      // the smallest text printed (word box height ≈ the printed font size)
      const smallest = Math.min(...all.map((w) => w.height));
      expect(smallest).toBeGreaterThanOrEqual(9);
      // the header row on every page, 新 left of 旧 on one line
      for (let page = 1; page <= pages.length; page++) {
        const newer = all.find((w) => w.page === page && w.text.startsWith('新(令和8年度版)'));
        const older = all.find((w) => w.page === page && w.text.startsWith('旧(令和7年度版)'));
        expect(newer, `header on page ${page}`).toBeDefined();
        expect(older, `header on page ${page}`).toBeDefined();
        expect(Math.abs(newer!.y - older!.y)).toBeLessThan(1);
        expect(newer!.x).toBeLessThan(older!.x);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  );
});
