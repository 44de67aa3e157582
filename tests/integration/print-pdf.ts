// Printed outputs as a reader gets them: a workbook converted to PDF by LibreOffice, and the PDF's
// words with their page and box (pdftotext -bbox), for tests that check what paper shows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './helpers';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() !== '';
export const canPrint = has('soffice') && has('pdftotext');

/**
 * pdftotext's box is the font's ascent to descent: 1.3 em for Noto Sans CJK, the font LibreOffice
 * prints Japanese with here. A word printed at N pt is about 1.3 × N high.
 */
export const BOX_PER_POINT = 1.3;

export interface Word {
  page: number;
  x: number;
  y: number;
  height: number;
  text: string;
}

/** Convert workbooks to PDF with one LibreOffice run (its start is the slow part); returns the PDF paths. */
export function toPdf(files: string[]): string[] {
  const out = tempDir();
  const profile = `file://${tempDir()}`;
  const res = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (res.status !== 0) throw new Error(`soffice failed: ${res.stderr}`);
  return files.map((f) => path.join(out, `${path.basename(f, path.extname(f))}.pdf`));
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

export function pdfWords(pdf: string): Word[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
  const words: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, x: Number(m[1]), y: Number(m[2]), height: Number(m[3]) - Number(m[2]), text: unescape(m[4]!) });
  }
  return words;
}

export function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1] ?? 0);
}

/** The lines of a page region, each as its first (leftmost) word, top to bottom. */
export function lineStarts(words: Word[], page: number, fromX: number, toX: number): Word[] {
  const byLine = new Map<number, Word>();
  for (const w of words) {
    if (w.page !== page || w.x < fromX || w.x >= toX) continue;
    const key = Math.round(w.y);
    const seen = byLine.get(key);
    if (!seen || w.x < seen.x) byLine.set(key, w);
  }
  return [...byLine.values()].sort((a, b) => a.y - b.y);
}

/** Pages as PNG (for a person to look at), kept under test-results/. */
export function savePages(pdf: string, name: string): void {
  const dir = path.resolve('test-results', 'print');
  fs.mkdirSync(dir, { recursive: true });
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, path.join(dir, name)]);
}
