/**
 * The playback and designer chrome a presenter relies on (issue 12, UI half): the outcome first
 * (Alice → Bob names Bob's NDR, not only "250"), the per-recipient strip leading to the deciding
 * step, no sideways scrolling at 1024×700, panels that collapse, resize and stay so, a new rule
 * that cannot trap the user, and axe (colour contrast included) clean on the screens that are
 * presented. Screenshots go to test-results/, never into the repository's docs.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getDocument, openApp } from './helpers';

const SHOTS = 'test-results/playback-ui';

async function runScenario(page: Page, query: string, scenario: RegExp): Promise<void> {
  await openApp(page, query);
  await page.getByRole('tab', { name: /^(Scenarios|シナリオ)$/ }).click();
  await page.getByRole('option', { name: scenario }).click();
  await page.locator('.pb-scenario-actions .btn-primary').click();
  await expect(page.getByTestId('playback-panel')).toBeVisible();
  // Stop the automatic playback so the test decides every step.
  await page.locator('.pb-controls button').first().click();
}

const currentRow = (page: Page) => page.locator('.pb-events-table tr[aria-current="step"]');

test.describe('outcome first', () => {
  test("Alice → Bob: the header names Bob's NDR by Contoso's rule, in red, and the strip jumps to the deciding step", async ({ page }) => {
    await runScenario(page, '?example=point-1-first-receipt', /EX01 sends to Fabrikam/);
    const result = page.getByTestId('playback-result');
    await expect(result).toHaveText("Accepted by Exchange Online (250 2.6.0) · bob@fabrikam.com returned as NDR 5.7.1 by Contoso's rule");
    await expect(result).toHaveAttribute('data-tone', 'bad');
    // The colour is the danger colour (computed, not only a class).
    const color = await result.evaluate((el) => getComputedStyle(el).color);
    const danger = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--mf-danger)';
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    expect(color).toBe(danger);

    const strip = page.getByTestId('recipient-strip');
    await expect(strip).toHaveAttribute('data-not-reached', 'fabrikam');
    await expect(strip).toContainText('Not reached: Fabrikam');
    const bob = strip.getByRole('button', { name: /bob@fabrikam\.com/ });
    await expect(bob).toContainText('NDR');
    await expect(bob).toContainText('Contoso');
    await expect(bob).toContainText('5.7.1');
    await expect(currentRow(page)).toHaveAttribute('data-kind', 'connect');
    await bob.click();
    await expect(currentRow(page)).toHaveAttribute('data-kind', 'ndr');
    await page.screenshot({ path: `${SHOTS}/outcome-point1.png` });
  });

  test('the outcome speaks Japanese too', async ({ page }) => {
    await runScenario(page, '?example=point-1-first-receipt&lang=ja', /EX01 から Fabrikam への送信/);
    await expect(page.getByTestId('playback-result')).toContainText('bob@fabrikam.com は Contoso のルールにより NDR 5.7.1 で返送されました');
    await expect(page.getByTestId('recipient-strip')).toContainText('未到達: Fabrikam');
    // The rule's step says which conditions matched in the inspector's words, not "sentToScope:…".
    await page.locator('.pb-events-table tr[data-kind="rule"]').first().click();
    const detail = page.locator('.pb-detail');
    await expect(detail).toContainText('受信者の場所が組織外');
    await expect(detail).not.toContainText('sentToScope');
    await expect(detail).not.toContainText('fromScope');
  });
});

test.describe('responsive at 1024×700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  for (const lang of ['en', 'ja'] as const) {
    test(`no horizontal scrolling and the language selector is whole (${lang}), with playback open`, async ({ page }) => {
      await runScenario(page, `?example=hybrid-seed&lang=${lang}`, /Point 1: EX01 mails Fabrikam, and Contoso's rule blocks it|ポイント 1: EX01 から Fabrikam 宛てのメールが Contoso のルールでブロックされる/);
      const size = await page.evaluate(() => {
        const el = document.scrollingElement ?? document.documentElement;
        return { scroll: el.scrollWidth, client: el.clientWidth };
      });
      expect(size.scroll).toBeLessThanOrEqual(size.client);
      const select = await page.locator('.language-select select').boundingBox();
      expect(select).not.toBeNull();
      expect(select!.x + select!.width).toBeLessThanOrEqual(1024);
      // The events table shows several rows, and the panel leaves the canvas most of the height.
      const rows = await page.locator('.pb-events-table tbody tr').evaluateAll((trs) => {
        const scroll = trs[0]?.closest('.pb-events-scroll')?.getBoundingClientRect();
        return trs.filter((tr) => {
          const r = tr.getBoundingClientRect();
          return scroll && r.top >= scroll.top - 1 && r.bottom <= scroll.bottom + 1;
        }).length;
      });
      expect(rows).toBeGreaterThanOrEqual(3);
      const panel = await page.locator('[data-panel="playback"]').boundingBox();
      expect(panel!.height).toBeLessThanOrEqual(700 * 0.36);
      await page.screenshot({ path: `${SHOTS}/playback-1024-${lang}.png` });
    });
  }
});

test("the playback header shows the scenario's whole name when the row has room (1440×900)", async ({ page }) => {
  await runScenario(page, '?example=hybrid-seed', /Point 1: the rule's exception lets it through/);
  const name = page.locator('.pb-scenario-name');
  await expect(name).toHaveText("Point 1: the rule's exception lets it through, and Contoso hands it off to Fabrikam");
  const cut = await name.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(cut).toBe(false);
});

test('side panels collapse and resize, and stay so after a reload', async ({ page }) => {
  await openApp(page, '?example=point-1-first-receipt');
  const palette = page.locator('[data-panel="palette"]');
  const right = page.locator('[data-panel="right"]');
  const widthOf = async (l: typeof palette) => (await l.boundingBox())!.width;
  expect(await widthOf(palette)).toBeGreaterThan(150);

  await page.getByRole('button', { name: 'Collapse the components panel' }).click();
  expect(await widthOf(palette)).toBeLessThan(70);
  // Still usable: every kind is a button with its name.
  await expect(palette.getByRole('button', { name: 'Mail flow rule', exact: true })).toBeVisible();

  const before = await widthOf(right);
  const handle = page.getByRole('separator', { name: 'Resize the side panel' });
  await handle.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect.poll(() => widthOf(right)).toBe(before + 48);

  await page.reload();
  await expect(page.locator('.react-flow')).toBeVisible();
  expect(await widthOf(palette)).toBeLessThan(70);
  await expect.poll(() => widthOf(right)).toBe(before + 48);

  await page.getByRole('button', { name: 'Hide the side panel' }).click();
  expect(await widthOf(right)).toBeLessThan(50);
  await page.reload();
  await expect(page.locator('.react-flow')).toBeVisible();
  expect(await widthOf(right)).toBeLessThan(50);
  // A tab of the rail opens the panel on that tab.
  await right.getByRole('button', { name: 'Scenarios' }).click();
  await expect(page.getByRole('tab', { name: 'Scenarios' })).toHaveAttribute('aria-selected', 'true');
});

test.describe('inspector without traps', () => {
  test('a new rule starts incomplete and disabled; its first action enables it; clearing it never shows a JSON path', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Exchange Online tenant', exact: true }).click();
    await page.getByRole('button', { name: 'Mail flow rule', exact: true }).click();
    const inspector = page.locator('.inspector');
    await expect(inspector.getByTestId('rule-incomplete')).toContainText('Choose what the rule does');
    await expect(inspector.getByRole('checkbox', { name: 'Enabled' })).toBeDisabled();
    let rule = (await getDocument(page)).tenants[0].transportRules[0] as unknown as { enabled: boolean; actions: Record<string, unknown> };
    expect(rule.enabled).toBe(false);

    // The header name first, then its value: the rule gets an action and is enabled.
    const name = inspector.getByLabel('Set message header', { exact: true });
    await name.fill('X-Test');
    await name.press('Enter');
    await expect(inspector.getByTestId('rule-incomplete')).toHaveCount(0);
    rule = (await getDocument(page)).tenants[0].transportRules[0] as unknown as typeof rule;
    expect(rule.enabled).toBe(true);
    expect(rule.actions).toEqual({ setHeaderName: 'X-Test' });

    const value = inspector.getByLabel('Header value', { exact: true });
    await value.fill('yes');
    await value.press('Enter');
    // Clearing the name first (the trap of issue 12): the header goes, the rule is incomplete again.
    await name.fill('');
    await name.press('Enter');
    await expect(inspector.getByTestId('rule-incomplete')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(inspector).not.toContainText('tenants[');
    rule = (await getDocument(page)).tenants[0].transportRules[0] as unknown as typeof rule;
    expect(rule.enabled).toBe(false);
    await page.screenshot({ path: `${SHOTS}/rule-incomplete.png` });
  });

  test('an invalid value is kept with its error and a Revert button when another node is selected', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    await page.getByLabel('On-premises server EX01 (Exchange 2019)', { exact: true }).click();
    const ip = page.getByTestId('field-ipAddress');
    await ip.fill('999.1.1.1');
    await ip.press('Tab');
    await expect(page.locator('.field-error').first()).toContainText('999.1.1.1');
    // Another node: the edit is not silently lost.
    await page.getByLabel('Exchange Online tenant Fabrikam', { exact: true }).click({ position: { x: 40, y: 12 } });
    // (The example is a version-1 file: its migration toast may be showing too.)
    await expect(page.locator('.toast').filter({ hasText: 'is not valid and was not applied' })).toBeVisible();
    await page.getByLabel('On-premises server EX01 (Exchange 2019)', { exact: true }).click();
    await expect(page.getByTestId('field-ipAddress')).toHaveValue('999.1.1.1');
    await expect(page.locator('.field-error').first()).toContainText('999.1.1.1');
    await page.getByRole('button', { name: /Revert IP address/ }).click();
    await expect(page.getByTestId('field-ipAddress')).toHaveValue('203.0.113.10');
    expect((await getDocument(page)).servers[0].ipAddress).toBe('203.0.113.10');
  });
});

test.describe('axe with colour contrast', () => {
  const screens: Array<{ name: string; open(page: Page, q: string): Promise<void> }> = [
    { name: 'empty design', open: (page, q) => openApp(page, `?${q}`) },
    { name: 'hybrid example', open: (page, q) => openApp(page, `?example=hybrid-seed&${q}`) },
    {
      name: 'playback mid-run',
      open: async (page, q) => {
        await runScenario(page, `?example=hybrid-seed&${q}`, /Point 1: EX01 mails Fabrikam, and Contoso's rule blocks it|ポイント 1: EX01 から Fabrikam 宛てのメールが Contoso のルールでブロックされる/);
        for (let i = 0; i < 4; i++) await page.locator('.pb-controls button').nth(3).click();
      },
    },
    {
      name: 'present mode',
      open: async (page, q) => {
        await openApp(page, `?example=hybrid-seed&${q}`);
        await page.locator('.pb-present-button').click();
        await page.locator('.pb-playlist-dialog .btn-primary').click();
        await expect(page.getByTestId('present-caption')).toBeVisible();
        for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      },
    },
  ];
  for (const theme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'ja'] as const) {
      for (const screen of screens) {
        test(`${screen.name}, ${theme}, ${lang}: no violation`, async ({ page }) => {
          await screen.open(page, `theme=${theme}&lang=${lang}`);
          // Let animations and the debounced diagnostics settle.
          await page.waitForTimeout(900);
          const results = await new AxeBuilder({ page }).analyze();
          const found = results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
          if (found.length) await page.screenshot({ path: `${SHOTS}/axe-${screen.name.replace(/ /g, '-')}-${theme}-${lang}.png` });
          expect(found).toEqual([]);
        });
      }
    }
  }
});
