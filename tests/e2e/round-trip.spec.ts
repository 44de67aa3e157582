// The Excel round trip through the UI, on a fresh database: export a ministry's workbook from the
// ファイル menu (the download is captured), let a "ministry" edit it with exceljs (an actions cell, a future
// cell, a note), edit one of those cells here meanwhile (a conflict), import the edited copy with the
// file picker and a second copy (plus a broken file) by drag-and-drop, review: accept, reject, resolve
// the conflict with an edited text, apply (a backup first), see the result in the item and its
// history, discard the second batch, and restore the backup.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Item, ItemSummary } from '../../src/shared/domain';
import { ANSWER_COLUMNS } from '../../src/main/excel/layout';
import { api, expect, freshHost, openApp, openItemByKey, screenshot, test } from './fixtures';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

/** 1-based column numbers of the answer sheet, from its layout. */
const column = (id: (typeof ANSWER_COLUMNS)[number]['id']) => ANSWER_COLUMNS.findIndex((c) => c.id === id) + 1;
const ACTIONS = column('actions');
const FUTURE = column('future');
const NOTE = column('comment');

function rowOf(ws: ExcelJS.Worksheet, key: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value ?? '') === key) return r;
  throw new Error(`${key} not in the answer sheet`);
}

/** A copy of the workbook with some answer cells changed, as a ministry would return it. */
async function editWorkbook(
  from: string,
  to: string,
  edits: { key: string; column: number; edit: (text: string) => string }[],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet('回答')!;
  for (const e of edits) {
    const cell = ws.getCell(rowOf(ws, e.key), e.column);
    cell.value = e.edit(String(cell.value ?? ''));
  }
  await wb.xlsx.writeFile(to);
}

/** Drop files on the window the way a file manager does (a DataTransfer holding File objects). */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bin = atob(f.b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], f.name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      }
      return dt;
    },
    files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })),
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText('ここにドロップすると回答を取り込みます')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByText('ここにドロップすると回答を取り込みます')).toBeHidden();
}

const firstLine = (cell: string) => cell.split('\n')[0]!;
const withFirstLine = (cell: string, line: string) => [line, ...cell.split('\n').slice(1)].join('\n');

test('export, answer, import by picker and by drop, review, resolve, apply, history, backup', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-e2e-xlsx-'));
  const h = host.get();

  // Three items of 厚 with actions and future text: A (actions answered and edited here: a conflict; a note),
  // B (future answered: accepted), C (actions answered in the second file: discarded).
  const summaries = await api<ItemSummary[]>(h, 'items.list', { ministry: '厚' });
  const full = await api<Item[]>(h, 'items.getMany', { keys: summaries.map((s) => s.key) });
  const usable = full.filter(
    (it) => it.actions.length >= 1 && it.future.length >= 1 && it.actions[0]!.level === 0 && /。$/.test(it.actions[0]!.text),
  );
  const [A, B, C] = usable as [Item, Item, Item];
  expect(C).toBeDefined();

  await openApp(page, h.url);

  // ---- export from the ファイル menu
  await page.getByRole('button', { name: 'ファイル', exact: true }).click();
  await page.getByRole('menuitem', { name: '府省別照会シートを出力…' }).click();
  const exportDialog = page.getByRole('dialog', { name: '府省別照会シートを出力' });
  await exportDialog.getByRole('checkbox', { name: /厚生労働省/ }).check();
  await exportDialog.getByLabel('回答期限').fill('2026-12-01');
  await exportDialog.getByLabel('問い合わせ先').fill('協議会事務局 山田(内線1234)');
  await expect(exportDialog).toContainText('回答期限: 令和8年12月1日(火)');
  await expect(exportDialog).toContainText(`1 ファイル(厚 ${summaries.length}項目)`);
  await screenshot(page, '40-export-dialog');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: '出力', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^照会_厚_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const exported = path.join(dir, download.suggestedFilename());
  await download.saveAs(exported);
  await expect(exportDialog).toContainText('1 件のファイルを保存しました');
  await exportDialog.getByRole('button', { name: '閉じる' }).click();
  await expect(exportDialog).toBeHidden();

  // The downloaded workbook is the real thing: the guide carries the due date and contact.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(exported);
  const guide = book.getWorksheet('記入要領')!;
  const guideText = guide.getColumn(1).values.map(String).join('\n');
  expect(guideText).toContain('回答期限: 令和8年12月1日(火)');
  expect(guideText).toContain('協議会事務局 山田(内線1234)');

  // ---- the ministry answers (a second writer, with exceljs)
  const theirsA = `${A.actions[0]!.text.replace(/。$/, '')}。あわせて府省間の連携を強化する。`;
  const theirsB = '令和8年度から新たな公募を開始する予定。';
  const answered = path.join(dir, '照会_厚_回答.xlsx');
  await editWorkbook(exported, answered, [
    { key: A.key, column: ACTIONS, edit: (t) => withFirstLine(t, `・${theirsA}`) },
    { key: B.key, column: FUTURE, edit: (t) => `${t}\n・${theirsB}` },
    { key: A.key, column: NOTE, edit: () => '予算要求の状況により変わる可能性があります。' },
  ]);
  const second = path.join(dir, '照会_厚_回答_追加.xlsx');
  await editWorkbook(exported, second, [{ key: C.key, column: ACTIONS, edit: (t) => `${t}\n・追加の取組を行う。` }]);

  // ---- meanwhile, the secretariat edits A's first action bullet here
  const oursA = `${A.actions[0]!.text.replace(/。$/, '')}(事務局で補記)。`;
  await openItemByKey(page, A.key);
  await page.getByRole('button', { name: '編集', exact: true }).click();
  // The author is asked before editing starts.
  const who = page.getByRole('dialog', { name: '作成者名' });
  await who.getByRole('textbox').fill('事務局 山田');
  await who.getByRole('button', { name: '決定' }).click();
  await page.getByRole('textbox', { name: /令和7年度の取組 1番目/ }).fill(oursA);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('#cmp-actions-0')).toContainText('(事務局で補記)');

  // ---- import by the file picker (ファイル > 回答を取り込む…)
  await page.getByRole('button', { name: 'ファイル', exact: true }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: '回答を取り込む…' }).click();
  const chooser = await choosing;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(answered);
  const uploads = page.getByRole('region', { name: '取り込み中のファイル' });
  await expect(uploads.locator('.upload').filter({ hasText: '照会_厚_回答.xlsx' })).toContainText('取り込みました(#1)');

  // ---- and by drag-and-drop: the second copy, and a file that is not a workbook
  await dropFiles(page, [
    { name: '照会_厚_回答_追加.xlsx', bytes: fs.readFileSync(second) },
    { name: '壊れたファイル.xlsx', bytes: Buffer.from('これは Excel ブックではありません') },
  ]);
  await expect(uploads.locator('.upload').filter({ hasText: '照会_厚_回答_追加.xlsx' })).toContainText('取り込みました(#2)');
  const broken = uploads.locator('.upload').filter({ hasText: '壊れたファイル.xlsx' });
  await expect(broken.getByRole('alert')).toContainText('壊れたファイル.xlsx');

  // ---- review the first file
  await page
    .getByRole('region', { name: '確認待ち' })
    .getByRole('button', { name: /照会_厚_回答\.xlsx/ })
    .click();
  const review = page.getByRole('article');
  await expect(review.getByRole('heading', { name: '照会_厚_回答.xlsx' })).toBeVisible();
  // How the values were compared, in plain words, with a one-line explanation on hover.
  const base = review.locator('.review-base');
  await expect(base).toHaveText('送付したときの値と比べて、誰が変えたかを判定');
  await expect(base).toHaveAttribute('title', /送付時の値・現在の値・府省の値の3つを比べます/);
  await expect(review.locator('.kind-filter-ours')).toContainText('事務局のみ変更');
  await expect(review.locator('.kind-filter-ours')).toHaveAttribute('title', /事務局.*だけが変更した欄/);
  await expect(review).not.toContainText('三者比較');
  const cell = (key: string, field: string) => review.getByRole('group', { name: `${key} ${field}`, exact: true });
  const conflict = cell(A.key, '令和7年度の取組');
  await expect(conflict).toContainText('競合');
  await expect(conflict).toContainText('未決定');
  await expect(conflict.locator('ins').first()).toContainText('あわせて府省間の連携を強化する');
  await expect(review.getByRole('button', { name: '反映…' })).toBeDisabled();
  const futureB = cell(B.key, '今後の方向性・課題など');
  await expect(futureB).toContainText('府省のみ変更');
  await expect(futureB.locator('ins')).toContainText(theirsB);
  const noteA = cell(A.key, '府省からの補足');
  await expect(noteA).toContainText('予算要求の状況');

  // Accept B's future, reject A's note.
  await futureB.getByRole('button', { name: '採用' }).click();
  await expect(futureB).toContainText('府省の値を採用');
  await expect(futureB).not.toContainText('(既定)');
  await noteA.getByRole('button', { name: '却下' }).click();
  await expect(noteA).toContainText('却下(現在の値のまま)');
  await screenshot(page, '41-review');

  // Resolve the conflict with an edited text.
  const resolvedA = `${A.actions[0]!.text.replace(/。$/, '')}(事務局で補記)。あわせて府省間の連携を強化する。`;
  await conflict.getByRole('button', { name: '編集して決める…' }).click();
  const editor = conflict.getByRole('textbox', { name: /内容を編集して決める/ });
  await expect(editor).toHaveValue(new RegExp(`^・${escapeRe(theirsA)}`));
  const cellText = await editor.inputValue();
  await editor.fill(withFirstLine(cellText, `・${resolvedA}`));
  await editor.evaluate((el: HTMLTextAreaElement) => {
    el.setSelectionRange(0, 0);
    el.scrollTop = 0;
    el.closest('.cell-change')?.scrollIntoView({ block: 'start' });
  });
  await screenshot(page, '42-conflict-resolution');
  await conflict.getByRole('button', { name: 'この内容で決定' }).click();
  await expect(conflict).toContainText('編集した値で決定');
  await expect(conflict.locator('.cell-edited')).toContainText('(事務局で補記)');
  expect(firstLine(cellText)).toBe(`・${theirsA}`);

  // ---- apply: the confirmation says a backup is made first
  await review.getByRole('button', { name: '反映…' }).click();
  const confirm = page.getByRole('dialog', { name: '取り込みを反映' });
  await expect(confirm).toContainText('バックアップを自動で作成します');
  await expect(confirm).toContainText('更新する欄: 2 欄');
  await confirm.getByRole('button', { name: 'バックアップを作成して反映' }).click();
  await expect(page.getByRole('status').filter({ hasText: '反映しました' })).toContainText('2 欄を更新');
  await expect(review.locator('.review-batch-meta')).toContainText('反映済み');

  const afterA = await api<Item>(h, 'items.get', { key: A.key });
  const afterB = await api<Item>(h, 'items.get', { key: B.key });
  expect(afterA.actions[0]!.text).toBe(resolvedA);
  expect(afterB.future.at(-1)!.text).toBe(theirsB);

  // The item shows the new value; its history names the file and batch.
  await review.locator('.review-item').filter({ hasText: A.key }).getByRole('button', { name: '項目を開く' }).click();
  await expect(page.locator('.breadcrumb')).toContainText(A.key);
  await expect(page.locator('#cmp-actions-0')).toContainText('あわせて府省間の連携を強化する');
  await page.getByRole('tab', { name: '変更履歴' }).click();
  const latest = page.locator('.revision').first();
  await expect(latest).toContainText('Excel取込(照会_厚_回答.xlsx#1)');
  await expect(latest).toContainText('事務局 山田');
  await expect(latest.locator('ins').first()).toContainText('あわせて府省間の連携を強化する');

  // ---- discard the second file
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '取り込み' }).click();
  await page
    .getByRole('region', { name: '確認待ち' })
    .getByRole('button', { name: /照会_厚_回答_追加\.xlsx/ })
    .click();
  await expect(review.getByRole('heading', { name: '照会_厚_回答_追加.xlsx' })).toBeVisible();
  await expect(cell(C.key, '令和7年度の取組')).toContainText('追加の取組を行う。');
  await review.getByRole('button', { name: '破棄…' }).click();
  await page.getByRole('dialog', { name: '取り込みを破棄' }).getByRole('button', { name: '破棄する' }).click();
  await expect(review.locator('.review-batch-meta')).toContainText('破棄');
  await expect(cell(C.key, '令和7年度の取組')).toContainText('破棄(反映していません)');
  const afterC = await api<Item>(h, 'items.get', { key: C.key });
  expect(afterC.actions).toEqual(C.actions);

  // ---- backups: the one taken before the apply, restored
  await page.getByRole('button', { name: 'ファイル', exact: true }).click();
  await page.getByRole('menuitem', { name: 'バックアップと復元…' }).click();
  const backups = page.getByRole('dialog', { name: 'バックアップと復元' });
  const row = backups.getByRole('row').filter({ hasText: '取り込み #1 の反映前' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/\d+(\.\d)? (KB|MB)/);
  await expect(backups).toContainText(/保存先: .*backups\(合計 \d+(\.\d)? (KB|MB)\)/);
  await screenshot(page, '43-backups');
  await row.getByRole('button', { name: /戻す/ }).click();
  await expect(backups).toContainText('それ以降の編集・取り込みの反映はすべて取り消されます');
  await backups.getByRole('button', { name: 'このバックアップに戻す' }).click();
  await expect(backups.getByRole('status')).toContainText('バックアップに戻しました');
  await expect(backups.getByRole('row').filter({ hasText: '復元の前' })).toHaveCount(1);
  // A manual backup, listed with its item count.
  await backups.getByRole('button', { name: '今すぐバックアップ' }).click();
  await expect(backups.getByRole('status')).toContainText('バックアップしました');
  await expect(backups.getByRole('row').filter({ hasText: '手動' })).toContainText(/\d{2,}/);
  await backups.getByRole('button', { name: '閉じる' }).click();
  const restored = await api<Item>(h, 'items.get', { key: A.key });
  expect(restored.actions[0]!.text).toBe(oursA);
  // The page read everything again: the first file waits for review again.
  await expect(page.getByRole('region', { name: '確認待ち' }).getByRole('button', { name: /照会_厚_回答\.xlsx/ })).toBeVisible();
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '小項目' }).click();
  await expect(page.locator('.revision')).toHaveCount(1);
  await expect(page.locator('.revision').first()).not.toContainText('Excel取込');
  await page.getByRole('tab', { name: '取組と今後の方向性' }).click();
  await expect(page.locator('#cmp-actions-0')).toContainText('(事務局で補記)');
  await expect(page.locator('#cmp-actions-0')).not.toContainText('あわせて府省間の連携を強化する');

  fs.rmSync(dir, { recursive: true, force: true });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a cell the file empties or cuts down: warned, filtered, and not taken by すべて採用', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-e2e-loss-'));
  const h = host.get();
  // Start from no staged batch (the test above leaves one after its restore), with an author set.
  await api(h, 'prefs.set', { author: '事務局 山田' });
  for (const b of await api<{ id: number; status: string }[]>(h, 'imports.list', {})) {
    if (b.status === 'staged') await api(h, 'imports.discard', { batch: b.id });
  }
  const [exported] = await api<{ file: string; dataBase64: string }[]>(h, 'excel.exportMinistry', { ministries: ['厚'] });
  const sheet = path.join(dir, '照会_厚.xlsx');
  fs.writeFileSync(sheet, Buffer.from(exported!.dataBase64, 'base64'));
  const before113 = await api<Item>(h, 'items.get', { key: '1-1-13' });
  const answered = path.join(dir, '照会_厚_削除あり.xlsx');
  await editWorkbook(sheet, answered, [
    { key: '1-1-13', column: FUTURE, edit: () => '' },
    { key: '1-1-5', column: ACTIONS, edit: () => '・データベースを構築する。' },
    { key: '1-1-3', column: FUTURE, edit: (t) => `${t}\n・府省が追記した方向性。` },
  ]);

  await openApp(page, h.url);
  await dropFiles(page, [{ name: '照会_厚_削除あり.xlsx', bytes: fs.readFileSync(answered) }]);
  await page
    .getByRole('region', { name: '確認待ち' })
    .getByRole('button', { name: /照会_厚_削除あり\.xlsx/ })
    .click();
  const review = page.getByRole('article');
  await expect(review.getByRole('heading', { name: '照会_厚_削除あり.xlsx' })).toBeVisible();
  const cell = (key: string, field: string) => review.getByRole('group', { name: `${key} ${field}`, exact: true });
  const cleared = cell('1-1-13', '今後の方向性・課題など');
  const shrunk = cell('1-1-5', '令和7年度の取組');
  const ordinary = cell('1-1-3', '今後の方向性・課題など');
  await expect(cleared.locator('.kind-badge')).toHaveText('空になる欄');
  await expect(cleared.getByRole('note')).toContainText('この欄が空になります');
  await expect(shrunk.locator('.kind-badge')).toHaveText('大きく削除');
  await expect(shrunk.getByRole('note')).toContainText('箇条書きが削除されます');
  await expect(ordinary.locator('.kind-badge')).toHaveText('府省のみ変更');

  // Their own filters: turning one off hides just those cells.
  const filters = review.getByRole('group', { name: '表示する変更の種類' });
  const clearedFilter = filters.getByRole('checkbox', { name: /空になる欄/ });
  await expect(filters.locator('label').filter({ hasText: '空になる欄' })).toContainText('1');
  await expect(filters.locator('label').filter({ hasText: '大きく削除' })).toContainText('1');
  await clearedFilter.uncheck();
  await expect(cleared).toHaveCount(0);
  await expect(shrunk).toBeVisible();
  await clearedFilter.check();
  await expect(cleared).toBeVisible();

  // すべて採用 takes the ordinary change only.
  await review.getByRole('button', { name: 'すべて採用', exact: true }).click();
  await expect(ordinary).toContainText('府省の値を採用');
  await expect(cleared).toContainText('未選択(このままでは現在の値を残します)');
  await expect(shrunk).toContainText('未選択(このままでは現在の値を残します)');
  await expect(cleared.getByRole('button', { name: '採用', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(cleared.getByRole('button', { name: '却下', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await cleared.scrollIntoViewIfNeeded();
  await screenshot(page, '44-cleared-shrunk');

  // Taken on the cell itself, the shrunk one is applied; the cleared one is kept, and apply says so.
  await shrunk.getByRole('button', { name: '採用', exact: true }).click();
  await expect(shrunk).toContainText('府省の値を採用');
  await review.getByRole('button', { name: '反映…' }).click();
  const confirm = page.getByRole('dialog', { name: '取り込みを反映' });
  await expect(confirm).toContainText('更新する欄: 2 欄');
  await expect(confirm.getByRole('note')).toContainText(
    '空になる欄・大きく削除される欄 1 件は、欄ごとに「採用」を選んでいないため反映しません',
  );
  await confirm.getByRole('button', { name: 'バックアップを作成して反映' }).click();
  await expect(page.getByRole('status').filter({ hasText: '反映しました' })).toContainText(
    '空になる・大きく削除される 1 欄は、欄ごとに採用を選んでいないため現在の値のままです',
  );
  expect((await api<Item>(h, 'items.get', { key: '1-1-13' })).future).toEqual(before113.future);
  expect((await api<Item>(h, 'items.get', { key: '1-1-5' })).actions.map((b) => b.text)).toEqual(['データベースを構築する。']);
  fs.rmSync(dir, { recursive: true, force: true });
});
