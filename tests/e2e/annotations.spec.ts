// Annotations on a fresh database: select words of an action bullet and of the title, highlight and
// comment them with tags, reply, add a note on the whole item, move between the text and the panel,
// find them in 注釈一覧 with filters, resolve, edit the bullet (text inserted before the words) and
// see the highlight follow, export to Excel, open the meeting pack (print preview), then import the
// exported file into a second, fresh database and see the annotations there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AnnotationView } from '../../src/shared/annotations';
import type { Item } from '../../src/shared/domain';
import { api, expect, freshHost, openApp, openItemByKey, screenshot, test } from './fixtures';
import { startHost } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

const KEY = '1-1-4';
const COMMENT = '予算の根拠を次回の協議会で確認したい';
const REPLY = '事務局から厚労省に照会します';
const NOTE = 'この項目は全体として進捗の説明が不足している';
const PREFIX = '(挿入)新たに加えた前置きの文。';

let exported = '';

/** The open-annotation count of 大項目1 (where the item is) in the outline. */
const majorCount = (page: Page) => page.locator('.outline-major').first().locator(':scope > .outline-row .annot-outline-count');

/** A window of the text without brackets (so the words are one mark, not split by a tag). */
function pickQuote(text: string, length = 18): string {
  for (let at = 2; at + length <= text.length; at++) {
    const q = text.slice(at, at + length);
    if (!/[【】\s]/.test(q)) return q;
  }
  throw new Error(`no quote in ${text}`);
}

/** Select `quote` inside the element matched by `selector`, as a user's drag would. */
async function selectQuote(page: Page, selector: string, quote: string): Promise<void> {
  await page.locator(selector).evaluate((root, q) => {
    const text = root.textContent ?? '';
    const at = text.indexOf(q);
    if (at < 0) throw new Error(`not found: ${q}`);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let pos = 0;
    let started = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent!.length;
      if (!started && at < pos + len) {
        range.setStart(n, at - pos);
        started = true;
      }
      if (started && at + q.length <= pos + len) {
        range.setEnd(n, at + q.length - pos);
        break;
      }
      pos += len;
    }
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, quote);
}

test('annotate an item, find it, resolve it, follow an edit, export and print', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const item = await api<Item>(host.get(), 'items.get', { key: KEY });
  const quote = pickQuote(item.actions[0]!.text);
  const titleQuote = pickQuote(item.title, 8);

  await openApp(page, host.get().url);
  await openItemByKey(page, KEY);
  const panel = page.getByRole('complementary', { name: /注釈/ });
  await expect(panel).toContainText('この項目には注釈がありません');

  // Select words of the first action bullet: the toolbar appears, and Shift+F10 moves into it.
  await selectQuote(page, '#cmp-actions-0 .annot-text', quote);
  const toolbar = page.getByRole('toolbar', { name: /選択した文/ });
  await expect(toolbar).toBeVisible();
  await page.keyboard.press('Shift+F10');
  await expect(toolbar.getByRole('button', { name: '黄色でハイライト' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: '緑色でハイライト' })).toBeFocused();

  // Comment with tags, in green. The author is asked once, before the comment is written (the same
  // dialog as for edits).
  await toolbar.getByRole('button', { name: 'コメント' }).click();
  const who = page.getByRole('dialog', { name: '作成者名' });
  await expect(who).toBeVisible();
  await who.getByRole('textbox').fill('委員 佐藤');
  await who.getByRole('button', { name: '決定' }).click();
  const form = page.getByRole('dialog', { name: /選択した文/ });
  await form.getByRole('textbox', { name: 'コメント' }).fill(COMMENT);
  await form.getByRole('textbox', { name: /タグ/ }).fill('要確認、予算');
  await form.getByRole('radio', { name: '緑色' }).check();
  await form.getByRole('button', { name: '保存' }).click();

  const mark = page.locator('#cmp-actions-0 mark.annot-mark');
  await expect(mark).toHaveText(quote);
  await expect(mark).toHaveClass(/annot-c-green/);
  const card = panel.locator('.annot-card').filter({ hasText: COMMENT });
  await expect(card).toContainText('#要確認');
  await expect(card).toContainText('#予算');
  await expect(card).toContainText('委員 佐藤');
  await expect(card).toContainText('令和7年度の取組 1番目');
  await expect(page.getByRole('button', { name: '作成者: 委員 佐藤' })).toBeVisible();

  // A plain highlight on the title.
  await selectQuote(page, '#item-title .annot-text', titleQuote);
  await toolbar.getByRole('button', { name: '桃色でハイライト' }).click();
  await expect(page.locator('#item-title mark.annot-c-pink')).toHaveText(titleQuote);
  await expect(toolbar).toBeHidden();

  // Reply to the comment.
  await card.getByRole('button', { name: '返信' }).click();
  await card.getByRole('textbox', { name: '返信' }).fill(REPLY);
  await card.getByRole('button', { name: '返信する' }).click();
  await expect(card.getByRole('list', { name: '返信' })).toContainText(REPLY);

  // A note on the whole item.
  await panel.getByRole('button', { name: 'メモを追加' }).click();
  await panel.getByRole('textbox', { name: /メモ/ }).fill(NOTE);
  await panel.getByRole('button', { name: '追加' }).click();
  await expect(panel.locator('.annot-card').filter({ hasText: NOTE })).toContainText('項目全体');
  await expect(panel.locator('.annot-card')).toHaveCount(3);

  // Text → panel: clicking the highlight selects and focuses its card; panel → text: the quote jumps back.
  await mark.click();
  await expect(card).toHaveClass(/is-active/);
  await expect(card).toBeFocused();
  await card.getByRole('button', { name: /本文の該当箇所へ移動/ }).click();
  await expect(mark).toBeFocused();

  // The outline counts open annotations.
  await expect(majorCount(page)).toHaveText('注3');
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await screenshot(page, 'annotations-item');

  // 注釈一覧: all three, then filtered by tag.
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '注釈一覧' }).click();
  const view = page.getByRole('article', { name: '注釈一覧' });
  await expect(view.locator('.annot-card')).toHaveCount(3);
  await view.getByRole('combobox', { name: 'タグ' }).selectOption('要確認');
  await expect(view.locator('.annot-card')).toHaveCount(1);
  await expect(view.locator('.annot-card')).toContainText(COMMENT);
  await view.getByRole('combobox', { name: 'タグ' }).selectOption('');
  await view.getByRole('combobox', { name: '作成者' }).selectOption('委員 佐藤');
  await expect(view.locator('.annot-card')).toHaveCount(3);
  await screenshot(page, 'annotations-list');

  // Resolve from the list; the status filter then leaves it out.
  const listed = view.locator('.annot-card').filter({ hasText: COMMENT });
  await listed.getByRole('button', { name: '対応済みにする' }).click();
  await expect(listed).toContainText('対応済み');
  await view.getByRole('combobox', { name: '状態' }).selectOption('open');
  await expect(view.locator('.annot-card')).toHaveCount(2);
  await expect(view.locator('.annot-card').filter({ hasText: COMMENT })).toHaveCount(0);
  await expect(majorCount(page)).toHaveText('注2');
  await view.getByRole('combobox', { name: '状態' }).selectOption('');

  // Each entry jumps to its item and its words.
  await view.locator('.annot-card').filter({ hasText: COMMENT }).getByRole('button', { name: '項目を開く' }).click();
  await expect(page.locator('.breadcrumb')).toContainText(KEY);
  await expect(mark).toBeFocused();
  await expect(mark).toHaveClass(/is-resolved/);

  // Edit the bullet: insert text before the words. The highlight follows them.
  await page.getByRole('button', { name: '編集', exact: true }).click();
  const box = page.getByRole('textbox', { name: /令和7年度の取組 1番目/ });
  await box.fill(PREFIX + item.actions[0]!.text);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.locator('#cmp-actions-0')).toContainText('(挿入)');
  await expect(mark).toHaveText(quote);
  const views = await api<AnnotationView[]>(host.get(), 'annotations.list', { itemKey: KEY });
  const moved = views.find((a) => a.comment === COMMENT)!;
  expect(moved.anchorState).toMatchObject({ state: 'anchored', start: item.actions[0]!.text.indexOf(quote) + PREFIX.length });
  await expect(panel.locator('.annot-card').filter({ hasText: COMMENT }).getByText('元の文が見つかりません')).toHaveCount(0);

  // Export to Excel (the page saves it as a download).
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '注釈一覧' }).click();
  const downloading = page.waitForEvent('download');
  await view.getByRole('button', { name: '注釈をExcelに出力' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  exported = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'council-desk-annot-')), download.suggestedFilename());
  await download.saveAs(exported);
  await expect(view.getByRole('status').filter({ hasText: 'を出力しました' })).toContainText('注釈 3件');

  // The meeting pack: the items with their annotations, numbered; 印刷 calls window.print().
  await view.getByRole('button', { name: /会議用資料/ }).click();
  const pack = page.getByRole('article', { name: /会議用資料/ });
  await expect(pack.locator('.pack-item')).toHaveCount(1);
  await expect(pack.locator('.pack-note')).toHaveCount(3);
  await expect(pack.locator('.pack-item mark')).toHaveCount(2);
  await expect(pack.locator('.annot-ref')).toHaveText(['1', '2']);
  await expect(pack).toContainText(REPLY);
  await screenshot(page, 'annotations-pack');
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await pack.getByRole('button', { name: '印刷' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // As printed (A4 width): the app's chrome is gone.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.pane-outline')).toBeHidden();
  await expect(pack.locator('.pack-item')).toBeVisible();
  await screenshot(page, 'annotations-pack-print');
  await page.emulateMedia({ media: 'screen' });
});

test('import the exported file into a fresh database, one outcome per file', async ({ page }) => {
  expect(exported, 'the first test exported a file').not.toBe('');
  const other = await startHost();
  try {
    await openApp(page, other.url);
    await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '注釈一覧' }).click();
    const view = page.getByRole('article', { name: '注釈一覧' });
    await expect(view).toContainText('まだ注釈がありません');

    // Two files at once: the export, and a file that is not a workbook.
    await view.getByTestId('annotation-import-input').setInputFiles([
      {
        name: path.basename(exported),
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: fs.readFileSync(exported),
      },
      {
        name: '壊れたファイル.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from('これはExcelではありません'),
      },
    ]);
    const outcomes = view.getByRole('status', { name: '取り込みの結果' });
    // Each file goes through the guarded reader (a worker thread): allow for a loaded CI machine.
    await expect(outcomes.locator('.annot-outcome')).toHaveCount(2, { timeout: 20_000 });
    const good = outcomes.locator('.annot-outcome').filter({ hasText: path.basename(exported) });
    await expect(good).toContainText('注釈: 新規 3・更新 0・変更なし 0');
    await expect(good).toContainText('返信: 新規 1');
    const bad = outcomes.locator('.annot-outcome').filter({ hasText: '壊れたファイル.xlsx' });
    await expect(bad).toHaveClass(/is-error/);
    await expect(bad).toContainText('取り込めませんでした');
    await expect(view.locator('.annot-card')).toHaveCount(3);
    await expect(view.locator('.annot-card').filter({ hasText: COMMENT })).toContainText('対応済み');

    // In this database the bullet was never edited: the words are found where they were made.
    await view.locator('.annot-card').filter({ hasText: COMMENT }).getByRole('button', { name: '項目を開く' }).click();
    await expect(page.locator('#cmp-actions-0 mark.annot-mark')).toBeFocused();
    await expect(page.getByRole('complementary', { name: /注釈/ }).locator('.annot-card')).toHaveCount(3);

    // Importing the same file again changes nothing.
    await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '注釈一覧' }).click();
    await view.getByTestId('annotation-import-input').setInputFiles(exported);
    // The first import's two outcomes stay until the new files are read: wait for the single new one.
    await expect(outcomes.locator('.annot-outcome')).toHaveCount(1, { timeout: 20_000 });
    await expect(outcomes.locator('.annot-outcome')).toContainText('注釈: 新規 0・更新 0・変更なし 3');
  } finally {
    await other.close();
    fs.rmSync(path.dirname(exported), { recursive: true, force: true });
  }
});
