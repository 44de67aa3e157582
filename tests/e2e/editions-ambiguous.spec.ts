// An item the matcher cannot place by itself, through the UI on a fresh database: in the 令和8 table
// 3-2-5's title is rewritten and one of its actions replaced, so the review lists it as 要確認 with
// 3-2-5 as its candidate. The file arrives by drag and drop on the editions screen; a decision can be
// undone; the apply button waits for the decision; after applying, the item keeps key 3-2-5 with the
// new title (and no key is dropped for it).
import type { Page } from '@playwright/test';
import type { Item } from '../../src/shared/domain';
import { buildR8Edition } from '../fixtures/editions/build';
import { api, expect, freshHost, openApp, screenshot, test } from './fixtures';

const host = freshHost();

const NEW_TITLE = 'バイオスタティスティシャンの養成と臨床研究での活用を推進する。';

/** The 令和8 table with 3-2-5 retitled and one of its actions rewritten (checked with the CLI: 要確認, candidate 3-2-5). */
function ambiguousEdition(): string {
  const text = buildR8Edition();
  const out = text
    .replace('⑤実務生物統計家の必要性に鑑み、育成や確保に資する研究開発活動を奨励する。', `⑤${NEW_TITLE}`)
    .replace(
      '各事業の特性に応じて、生物統計学の専門家に協力を仰ぎ、その指導のもと研究を推進する。',
      '大学院と連携した実務研修を新たに開始し、受講者の実地研修先を確保した。',
    );
  if (out.split(NEW_TITLE).length !== 2 || out.includes('各事業の特性に応じて、生物統計学の専門家'))
    throw new Error('fixture: 3-2-5 not rewritten');
  return out;
}

async function dropText(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/plain' }));
      return dt;
    },
    { name, text },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText('ここにドロップすると新しい版の資料を取り込みます')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

test('an ambiguous item is paired by a person (and can be undone) before the edition is applied', async ({ page }) => {
  test.setTimeout(120_000);
  const h = host.get();
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, h.url);
  await page.getByRole('button', { name: 'ファイル', exact: true }).click();
  await page.getByRole('menuitem', { name: '版と新旧対照…' }).click();
  // a text that is not a follow-up table: a Japanese message, nothing staged, the edition unchanged
  await dropText(page, 'メモ.txt', 'これは計画の本文ではありません。');
  await expect(page.getByRole('alert').filter({ hasText: 'メモ.txt' })).toContainText('小項目が見つかりません');
  expect(await api<unknown[]>(h, 'editions.batches', {})).toEqual([]);
  expect(await api<{ status: string }[]>(h, 'editions.list', {})).toMatchObject([{ fiscalYear: 7, status: 'current' }]);

  await dropText(page, '令和8年度_改訂.txt', ambiguousEdition());
  await expect(page.getByRole('heading', { name: '版の取り込みの確認: 令和8年度_改訂.txt' })).toBeVisible({ timeout: 30_000 });

  const ambiguous = page.getByRole('region', { name: /^要確認 1 件/ });
  const row = ambiguous.locator('.edition-row-ambiguous');
  await expect(row).toContainText(NEW_TITLE.replace(/。$/, ''));
  const candidate = row.locator('.edition-candidate').filter({ hasText: '3-2-5' });
  await expect(candidate).toContainText('実務生物統計家の必要性に鑑み');
  await expect(candidate).toContainText(/一致度 \d+%/);
  // undecided: apply waits
  const apply = page.getByRole('button', { name: '反映…' });
  await expect(apply).toBeDisabled();
  await expect(page.locator('.review-blocked')).toContainText('要確認の項目が 1 件あります');
  await screenshot(page, '68-edition-ambiguous-1366');

  // treat as new, undo, then pair with the candidate
  await row.getByRole('button', { name: '新しい項目として扱う' }).click();
  await expect(row.locator('.edition-decision')).toContainText('決定: 新しい項目として扱う');
  await expect(apply).toBeEnabled();
  await row.getByRole('button', { name: '元に戻す' }).click();
  await expect(row.locator('.edition-decision')).not.toContainText('決定:');
  await expect(apply).toBeDisabled();
  await candidate.getByRole('button', { name: '3-2-5 と同じ項目にする' }).click();
  await expect(row.locator('.edition-decision')).toContainText('決定: 3-2-5 と同じ項目');
  await expect(candidate).toHaveClass(/edition-candidate-chosen/);
  await screenshot(page, '69-edition-ambiguous-paired-1366');

  await apply.click();
  await page.getByRole('dialog', { name: '版の取り込みを反映' }).getByRole('button', { name: 'バックアップを作成して反映' }).click();
  const who = page.getByRole('dialog', { name: '作成者名' });
  await who.getByRole('textbox').fill('事務局 山田');
  await who.getByRole('button', { name: '決定' }).click();
  await expect(page.locator('.notice')).toContainText('令和8年度版を現行の版にしました', { timeout: 30_000 });

  // the item kept its key, with the new title
  const item = await api<Item>(h, 'items.get', { key: '3-2-5' });
  expect(item.title).toBe(NEW_TITLE);
});
