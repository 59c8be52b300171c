/** Present mode walks a playlist of scenarios forward and back, with captions from the engine's events. */
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('present mode walks a playlist forward and back, and Escape leaves', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose the scenarios to present' });
  await expect(dialog).toBeVisible();
  // Present the first two scenarios only.
  await dialog.getByRole('checkbox', { name: /matches no connector/ }).uncheck();
  await dialog.getByRole('button', { name: 'Start presenting' }).click();

  const caption = page.getByTestId('present-caption');
  await expect(caption).toBeVisible();
  // Editing chrome is hidden.
  await expect(page.getByRole('menubar')).toBeHidden();
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(caption).toContainText('Scenario 1 of 2');
  await expect(caption).toContainText('EX01 sends to Fabrikam');
  // Version 2: the TLS negotiation is a step of its own (8 steps).
  await expect(caption).toContainText('Step 1 of 8');
  // Plain words for stakeholders, not the engine's admin text.
  await expect(caption).toContainText('hands the message to Exchange Online');

  // Forward with the arrow key, Space and a click on the canvas.
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('Step 2 of 8');
  await page.keyboard.press(' ');
  await expect(caption).toContainText('Step 3 of 8');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await expect(caption).toContainText('Step 4 of 8');
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('Step 5 of 8');
  await expect(caption).toContainText('Contoso receives the message first');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('Step 8 of 8');
  await expect(caption).toContainText('non-delivery report');

  // Past the last step: the next scenario of the playlist.
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('Scenario 2 of 2');
  await expect(caption).toContainText('EX01 sends inside Contoso');
  await expect(caption).toContainText('Step 1 of');

  // Back: to the previous scenario's last step.
  await page.keyboard.press('ArrowLeft');
  await expect(caption).toContainText('Scenario 1 of 2');
  await expect(caption).toContainText('Step 8 of 8');
  await page.keyboard.press('ArrowLeft');
  await expect(caption).toContainText('Step 7 of 8');
  await page.screenshot({ path: test.info().outputPath('present-mode.png') });

  await page.keyboard.press('Escape');
  await expect(caption).toBeHidden();
  await expect(page.getByRole('menubar')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
});

test('present mode in Japanese and the dark theme', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt&lang=ja&theme=dark');
  await page.getByRole('button', { name: 'プレゼンテーション', exact: true }).click();
  await page.getByRole('button', { name: '開始' }).click();
  const caption = page.getByTestId('present-caption');
  await expect(caption).toContainText('シナリオ 1 / 3');
  await expect(caption).toContainText('ステップ 1 /');
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('ステップ 2 /');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(caption).toContainText('Contoso');
  await page.screenshot({ path: test.info().outputPath('present-mode-ja-dark.png') });
  await page.keyboard.press('Escape');
  await expect(caption).toBeHidden();
});

test.describe('presenting at 1600×960', () => {
  test.use({ viewport: { width: 1600, height: 960 } });
  test('stepping quickly, no node is left cut at the canvas edge (the first frame no longer uses React Flow’s own fit)', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt&lang=ja&theme=dark');
    await page.getByRole('button', { name: 'プレゼンテーション', exact: true }).click();
    await page.getByRole('button', { name: '開始' }).click();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    const cutNodes = () =>
      page.evaluate(() => {
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        if (!pane) return ['no canvas'];
        return [...document.querySelectorAll('.react-flow__node:not(.react-flow__node-zone):not(.react-flow__node-tenant)')]
          .filter((n) => {
            const b = n.getBoundingClientRect();
            const inside = b.right > pane.left && b.left < pane.right && b.bottom > pane.top && b.top < pane.bottom;
            return inside && (b.left < pane.left - 1 || b.right > pane.right + 1 || b.top < pane.top - 1);
          })
          .map((n) => n.getAttribute('data-id') ?? '?');
      });
    // The first frame's fit comes 120 ms after the start and animates for 300 ms: wait it out.
    await page.waitForTimeout(800);
    await expect.poll(cutNodes).toEqual([]);
  });
});
