/** Screenshots of the main screen in both themes (docs/screenshots/, used by the README). */
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test.use({ viewport: { width: 1600, height: 960 } });

for (const theme of ['light', 'dark'] as const) {
  test(`main screen, ${theme} theme`, async ({ page }) => {
    await openApp(page, `?example=point-1-first-receipt&theme=${theme}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByLabel('Inbound connector From Contoso on-premises (certificate)', { exact: true }).click();
    await expect(page.getByLabel('TLS sender certificate name', { exact: true })).toBeVisible();
    // Let the fit-view animation and the debounced diagnostics settle.
    await page.waitForTimeout(800);
    await page.screenshot({ path: `docs/screenshots/main-${theme}.png` });
  });
}
