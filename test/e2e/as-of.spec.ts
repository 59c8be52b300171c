/**
 * Exchange Online as of any date in the app (issue 14): the "Evaluated as of" control decides the
 * outcome of a design without its own date and shows the timeline's changes; an unstable
 * attribution forks playback into one branch per tenant; a server's certificate shows its state at
 * the date; a cloud-mailbox scenario starts at its tenant. Screenshots go to test-results/.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

const SHOTS = 'test-results/as-of';

async function setDate(page: Page, date: string): Promise<void> {
  await page.getByTestId('asof-date').fill(date);
  await expect(page.getByTestId('asof-date')).toHaveValue(date);
}

async function openScenarios(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^(Scenarios|シナリオ)$/ }).click();
}

async function run(page: Page, scenario: RegExp): Promise<void> {
  await page.getByRole('option', { name: scenario }).click();
  await page.locator('.pb-scenario-actions .btn-primary').click();
  await expect(page.getByTestId('playback-panel')).toBeVisible();
}

test('changing the date across 2023-11-01 changes the app-relay scenario from accepted to refused (5.7.64)', async ({ page }) => {
  await openApp(page, '?example=app-relay-header-from');
  await openScenarios(page);
  // The example pins each scenario's date; without it, the date control decides.
  await page.getByRole('option', { name: /From 1 November 2023/ }).click();
  await page.locator('.pb-scenario-actions').getByRole('button', { name: 'Edit', exact: true }).click();
  await page.locator('#scn-asOf').fill('');
  await page.getByRole('button', { name: 'Save scenario' }).click();

  await setDate(page, '2023-10-31');
  await run(page, /From 1 November 2023/);
  const result = page.getByTestId('playback-result');
  await expect(result).toContainText('Accepted by Exchange Online');
  await expect(page.getByTestId('evaluated-as-of')).toHaveText('Evaluated as of 2023-10-31');

  // The open scenario re-runs with the new date; nothing else is clicked.
  await setDate(page, '2023-11-01');
  await expect(result).toContainText('5.7.64');
  await expect(result).not.toContainText('Accepted');
  await expect(page.getByTestId('evaluated-as-of')).toHaveText('Evaluated as of 2023-11-01');

  // The timeline lists the change of that day, with its source, and the mark of the date.
  await page.getByTestId('asof-timeline').click();
  const popover = page.getByTestId('timeline-popover');
  await expect(popover).toBeVisible();
  const row = popover.locator('[data-setting="headerFromCountsForRelay"]');
  await expect(row).toContainText('2023-11-01');
  await expect(row).toContainText('exact');
  await expect(row.getByRole('link', { name: 'Source' })).toHaveAttribute('href', /^https:\/\//);
  await expect(popover.locator('.asof-change').filter({ hasText: 'bounded' }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/timeline-1440.png` });
  // Picking a change's date evaluates as of it.
  await row.getByRole('button', { name: '2023-11-01' }).click();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  // "Today" returns to the local date (below 1500 px it is in the timeline popover).
  await page.getByTestId('asof-timeline').click();
  await page.getByTestId('timeline-popover').getByRole('button', { name: 'Evaluate as of today' }).click();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(page.getByTestId('asof-date')).toHaveValue(today);
  await expect(page.getByTestId('evaluated-as-of')).toHaveText(`Evaluated as of ${today}`);
});

test('the unstable M&A example shows the fork and plays each branch', async ({ page }) => {
  await openApp(page, '?example=ma-shared-certificate');
  await openScenarios(page);
  await run(page, /shared certificate: unstable/);
  const fork = page.getByTestId('playback-fork');
  await expect(fork).toContainText('Exchange Online may attribute this to Contoso or Fabrikam');
  const branches = fork.getByRole('button');
  await expect(branches).toHaveCount(2);
  await expect(branches.nth(0)).toHaveAttribute('aria-pressed', 'true');
  const first = await page.locator('.pb-events-table').innerText();

  await branches.nth(1).click();
  await expect(branches.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(branches.nth(0)).toHaveAttribute('aria-pressed', 'false');
  const second = await page.locator('.pb-events-table').innerText();
  expect(second).not.toBe(first);
  await expect(page.getByTestId('recipient-strip')).toContainText(/Fabrikam|Contoso/);
  await page.screenshot({ path: `${SHOTS}/fork-1440.png` });

  // The fixed design is stable: no fork.
  await run(page, /Fixed: Contoso/);
  await expect(page.getByTestId('playback-fork')).toHaveCount(0);
});

test('a certificate shows not yet valid, valid, expiring and expired as the date moves', async ({ page }) => {
  await openApp(page, '?example=renewed-certificate');
  const cert = page.getByTestId('server-certificate').first();
  await setDate(page, '2026-08-01');
  await expect(cert).toHaveAttribute('data-state', 'notYetValid');
  await expect(cert).toContainText('not yet valid');
  await setDate(page, '2027-01-01');
  await expect(cert).toHaveAttribute('data-state', 'valid');
  await setDate(page, '2027-08-01');
  await expect(cert).toHaveAttribute('data-state', 'expiring');
  await expect(cert).toContainText('expires in 31 days');
  await setDate(page, '2027-09-02');
  await expect(cert).toHaveAttribute('data-state', 'expired');
  await expect(cert).toContainText('expired');
  await page.screenshot({ path: `${SHOTS}/expired-1440.png` });
});

test('an out-of-date Exchange 2016 server carries its badge', async ({ page }) => {
  await openApp(page, '?example=out-of-date-exchange-2016');
  const badge = page.getByTestId('server-out-of-date');
  await expect(badge).toHaveText('Out of date');
  await expect(badge).toHaveAttribute('title', /Exchange Server 2016 is out of support/);
  // The badge fits in the node (no cut text).
  expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
});

test('a cloud-mailbox scenario is made in the form and plays from the tenant', async ({ page }) => {
  await openApp(page, '?example=centralized-transport');
  await expect(page.getByTestId('tenant-centralized').first()).toHaveText('All mail via on-premises');
  await openScenarios(page);
  await page.getByRole('button', { name: '+ Message' }).click();
  await page.locator('#scn-name').fill('Alice from her mailbox');
  await page.locator('#scn-source').selectOption('mailbox');
  await page.locator('#scn-fromMailbox').fill('nobody@nowhere.example');
  await page.locator('#scn-rcptTo').fill('bob@contoso.com');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.locator('#scn-fromMailbox-error')).toContainText('No tenant owns nobody@nowhere.example');
  await page.locator('#scn-fromMailbox').fill('alice@contoso.com');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  const saved = await page.evaluate(() => (window.__mailflow?.getDocument() as { scenarios: Array<{ name: string; fromMailbox?: string; serverId?: string }> }).scenarios.at(-1));
  expect(saved).toMatchObject({ name: 'Alice from her mailbox', fromMailbox: 'alice@contoso.com' });
  expect(saved?.serverId).toBeUndefined();
  await run(page, /Alice from her mailbox/);
  await page.locator('.pb-controls button').first().click();
  // The first step is in the tenant, not at a server.
  const firstRow = page.locator('.pb-events-table tbody tr').first();
  await expect(firstRow).toContainText('Contoso');
  await expect(page.getByTestId('playback-result')).toContainText('bob@contoso.com');
});

test('at 1024×700 in Japanese the control folds into a calendar button and the menubar keeps one line', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, '?example=app-relay-header-from&lang=ja');
  const menuHeight = await page.locator('.menu-button').first().evaluate((el) => el.getBoundingClientRect().height);
  expect(menuHeight).toBeLessThan(40);
  await page.getByTestId('asof-compact').click();
  const popover = page.getByTestId('timeline-popover');
  await expect(popover).toBeVisible();
  const box = (await popover.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  // The date is set from the popover on narrow windows.
  await popover.locator('input[type="date"]').fill('2023-10-31');
  await expect(page.getByTestId('asof-compact')).toHaveAttribute('title', '評価日 2023-10-31');
  await page.screenshot({ path: `${SHOTS}/timeline-1024-ja.png` });
});

test('present mode shows the fork of the unstable scenario and plays the other branch', async ({ page }) => {
  await openApp(page, '?example=ma-shared-certificate');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose the scenarios to present' });
  for (const name of [/before February 2026/, /Fixed: Contoso/, /Fixed: Fabrikam/]) await dialog.getByRole('checkbox', { name }).uncheck();
  await dialog.getByRole('button', { name: 'Start presenting' }).click();
  const caption = page.getByTestId('present-caption');
  await expect(caption.getByTestId('playback-fork')).toContainText('Exchange Online may attribute this to Contoso or Fabrikam');
  await expect(caption.getByTestId('evaluated-as-of')).toContainText('Evaluated as of');
  const second = caption.getByTestId('playback-fork').getByRole('button').nth(1);
  await second.click();
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  // Choosing a branch starts it over; the caption is not advanced by the click.
  await expect(caption).toContainText('Step 1 of');
  await page.screenshot({ path: `${SHOTS}/present-fork-1440.png` });
});

test("the design's own date wins over the control, and the control says so", async ({ page }) => {
  await openApp(page, '?example=hybrid-seed');
  await expect(page.getByTestId('asof-wins')).toHaveCount(0);
  const field = page.getByLabel("Evaluated as of (the design's date)", { exact: true });
  await field.fill('2023-10-31');
  await field.press('Enter');
  await expect(page.getByTestId('asof-wins')).toHaveText("The design's date 2023-10-31 applies");
  await page.getByRole('tab', { name: /^Diagnostics/ }).click();
  await expect(page.getByTestId('diagnostics-as-of')).toHaveText('Evaluated as of 2023-10-31');
  const doc = await page.evaluate(() => (window.__mailflow?.getDocument() as { service?: { asOf?: string } }).service);
  expect(doc?.asOf).toBe('2023-10-31');
});
