/**
 * A rendering error no longer leaves a blank window: the error boundary says what happened and
 * saves a copy of the design, which is still in its store.
 */
import { expect, test } from '@playwright/test';
import { getDocument, openApp } from './helpers';

test('after a rendering error the app offers to save a copy of the design, and the copy is the design', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt');
  const before = await getDocument(page);
  await page.evaluate(() => window.__mailflow?.crash());
  const crash = page.getByRole('alertdialog', { name: 'Mailflow Studio stopped after an error' });
  await expect(crash).toBeVisible();
  await expect(crash).toContainText('Simulated rendering error');
  const download = page.waitForEvent('download');
  await crash.getByRole('button', { name: 'Save a copy…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.mailflow\.json$/);
  const saved = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
  expect(saved.title).toBe(before.title);
  expect(saved.tenants.map((t: { id: string }) => t.id)).toEqual(before.tenants.map((t) => t.id));
  await expect(crash.getByRole('status')).toHaveText('A copy was saved.');
});

test('the error page is in Japanese in the Japanese UI', async ({ page }) => {
  await openApp(page, '?lang=ja');
  await page.evaluate(() => window.__mailflow?.crash());
  await expect(page.getByRole('alertdialog', { name: 'エラーのため Mailflow Studio が停止しました' })).toBeVisible();
});
