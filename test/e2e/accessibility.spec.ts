/** Automated accessibility checks (axe) of the main screen, with an entity selected. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

for (const theme of ['light', 'dark'] as const) {
  test(`the main screen has no serious accessibility violations (${theme})`, async ({ page }) => {
    await openApp(page, `?example=point-2-certificate&theme=${theme}`);
    await page.getByLabel('Inbound connector From Contoso on-premises', { exact: true }).click();
    // Polled: the reveal animation and the debounced diagnostics settle first; a real violation stays.
    await expect
      .poll(async () => {
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        return serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      })
      .toEqual([]);
  });
}
