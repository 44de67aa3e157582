// The consolidated table workbook as an edition source, through the UI on a fresh database: the table
// the app exports (協議会資料) is edited for next year with exceljs (the title in the page header and
// the year's column header say 令和8年度, ① and ② of 3-2 swap numbers, one bullet of 1-1-3 edited)
// and chosen on the editions screen: the review lists exactly those changes. An inquiry workbook
// dropped on the screen is refused with a message naming the right screen, and nothing is staged.
// Screenshots at 1366×768 and 1920×1080.
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { actionsColumnHeader, followUpTitleTail } from '../../src/shared/editions/fiscal-year';
import { api, expect, freshHost, openApp, screenshot, test } from './fixtures';

const host = freshHost();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The exported table edited for 令和8 the way a secretariat would in Excel. */
async function nextYearTable(): Promise<Buffer> {
  const exported = await api<{ dataBase64: string }>(host.get(), 'excel.exportTable', {});
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('協議会資料')!;
  ws.headerFooter.oddHeader = ws.headerFooter.oddHeader!.replace(followUpTitleTail(7), followUpTitleTail(8));
  ws.getCell('B1').value = actionsColumnHeader(8);
  const rowOf = async (key: string) => {
    const it = await api<{ label: string; title: string }>(host.get(), 'items.get', { key });
    const found: ExcelJS.Row[] = [];
    ws.eachRow((row) => {
      if (String(row.getCell(1).value ?? '').startsWith(`${it.label}${it.title}【`)) found.push(row);
    });
    if (found.length !== 1) throw new Error(`fixture: ${found.length} rows for ${key}`);
    return found[0]!;
  };
  const text = (cell: ExcelJS.Cell) => String(cell.value ?? '');
  const first = (await rowOf('3-2-1')).getCell(1);
  const second = (await rowOf('3-2-2')).getCell(1);
  first.value = text(first).replace(/^①/, '②');
  second.value = text(second).replace(/^②/, '①');
  const actions = (await rowOf('1-1-3')).getCell(2);
  actions.value = text(actions).replace(/^・/, '・新たに');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, data, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }));
      return dt;
    },
    { name, data: bytes.toString('base64'), type: XLSX },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText('ここにドロップすると新しい版の資料を取り込みます')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

test('next year prepared in Excel from the exported table: staged and reviewed like a text source', async ({ page }) => {
  test.setTimeout(150_000);
  const h = host.get();
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page, h.url);
  await page.getByRole('navigation', { name: '画面' }).getByRole('button', { name: '版', exact: true }).click();

  // ---- an inquiry workbook dropped here: refused, pointing to the 取り込み screen; nothing staged
  const inquiry = await api<{ dataBase64: string }[]>(h, 'excel.exportMinistry', { ministries: ['厚'] });
  await dropFile(page, '照会_厚.xlsx', Buffer.from(inquiry[0]!.dataBase64, 'base64'));
  await expect(page.getByRole('alert').filter({ hasText: '照会_厚.xlsx' })).toContainText('これは府省の回答様式(照会様式)です');
  await expect(page.getByRole('alert').filter({ hasText: '照会_厚.xlsx' })).toContainText('「取り込み」画面');
  await expect(page.getByRole('alert').filter({ hasText: '照会_厚.xlsx' })).not.toContainText('照会_厚.xlsx: 照会_厚.xlsx');
  await screenshot(page, '70-edition-table-refused-1366');
  expect(await api<unknown[]>(h, 'editions.batches', {})).toEqual([]);

  // ---- the edited table through the file chooser
  await page.getByRole('button', { name: '版の一覧' }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '新しい版の資料を取り込む…' }).click();
  await (await choosing).setFiles({ name: '協議会資料_令和8年度.xlsx', mimeType: XLSX, buffer: await nextYearTable() });
  await expect(page.getByRole('heading', { name: '版の取り込みの確認: 協議会資料_令和8年度.xlsx' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.review-batch-meta')).toContainText('新しい版(令和8年度版、令和7年度版と照合)');
  const filters = page.getByRole('group', { name: '表示する分類' });
  for (const [label, n] of [
    ['番号変更', 2],
    ['修正', 1],
    ['追加', 0],
    ['削除', 0],
    ['要確認', 0],
    ['変更なし', 53],
  ] as const) {
    await expect(filters.locator('label').filter({ hasText: new RegExp(`^${label}\\s*${n}$`) })).toBeVisible();
  }
  const classRegion = (label: string) => page.getByRole('region', { name: new RegExp(`^${label}`) });
  await expect(classRegion('番号変更').locator('[data-key="3-2-1"]')).toContainText('① → ②');
  await expect(classRegion('番号変更').locator('[data-key="3-2-2"]')).toContainText('② → ①');
  await expect(classRegion('修正').locator('[data-key="1-1-3"] ins.diff-ins')).toContainText('新たに');
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await screenshot(page, `71-edition-table-review-${size.width}`);
  }
});
