/**
 * Simulation playback end to end (web build): run the seed's scenarios, step through them, and
 * check that what the screen shows comes from the engine: first receipt, rule, NDR, refusal at
 * end of DATA, deferral in the load chart, Check all.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getDocument, getSelection, openApp } from './helpers';

async function runScenario(page: Page, example: string, scenario: RegExp): Promise<void> {
  await openApp(page, `?example=${example}`);
  await page.getByRole('tab', { name: 'Scenarios' }).click();
  await page.getByRole('option', { name: scenario }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Events' })).toBeVisible();
  // Stop the automatic playback so the test decides every step.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
}

const currentRow = (page: Page) => page.getByRole('table', { name: 'Events' }).locator('tr[aria-current="step"]');

async function stepToEnd(page: Page, onStep?: (kind: string) => Promise<void>): Promise<string[]> {
  const kinds: string[] = [];
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  for (;;) {
    const kind = (await currentRow(page).getAttribute('data-kind')) ?? '';
    kinds.push(kind);
    if (onStep) await onStep(kind);
    if (await forward.isDisabled()) return kinds;
    await forward.click();
  }
}

test.describe('simulation playback', () => {
  test('Point 1: first receipt in Contoso, the rule rejecting, then the NDR, in that order', async ({ page }) => {
    await runScenario(page, 'point-1-first-receipt', /EX01 sends to Fabrikam/);
    const events = page.getByRole('table', { name: 'Events' });
    let sawContosoHighlighted = false;
    const kinds = await stepToEnd(page, async (kind) => {
      if (kind === 'attribution') {
        await expect(currentRow(page)).toContainText('Contoso');
        await expect(currentRow(page)).toContainText(/First received in Contoso/);
        // The canvas highlights Contoso and labels it as where the message was first received.
        await expect(page.getByTestId('first-receipt-contoso')).toBeVisible();
        await expect(page.getByTestId('first-receipt-contoso')).toHaveText(/First received here/);
        await expect(page.locator('.pb-highlight[data-entity="contoso"]')).toHaveCount(1);
        sawContosoHighlighted = true;
      }
      if (kind === 'rule') {
        await expect(currentRow(page)).toContainText(/rejects it with an NDR 5\.7\.1/);
        await expect(page.getByTestId('rule-acted-contoso-block-outside')).toBeVisible();
        await page.screenshot({ path: test.info().outputPath('playback-point1-rule.png') });
      }
      if (kind === 'ndr') await expect(currentRow(page)).toContainText('5.7.1');
    });
    expect(sawContosoHighlighted).toBe(true);
    const order = ['attribution', 'rule', 'ndr'].map((k) => kinds.indexOf(k));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await expect(events.locator('tbody tr')).toHaveCount(kinds.length);
    await page.screenshot({ path: test.info().outputPath('playback-point1-ndr.png') });

    // Step back returns to the previous step (the rule).
    const before = Number(await currentRow(page).locator('td').first().innerText());
    await page.getByRole('button', { name: 'Step back', exact: true }).click();
    await expect(currentRow(page).locator('td').first()).toHaveText(String(before - 1));
    await expect(currentRow(page)).toHaveAttribute('data-kind', 'rule');
  });

  test('choosing an event moves playback there, selects the entity and explains the step', async ({ page }) => {
    await runScenario(page, 'point-1-first-receipt', /EX01 sends to Fabrikam/);
    const ruleRow = page.getByRole('table', { name: 'Events' }).locator('tr[data-kind="rule"]');
    await ruleRow.click();
    await expect(ruleRow).toHaveAttribute('aria-current', 'step');
    expect(await getSelection(page)).toEqual(['contoso-block-outside']);
    const detail = page.getByRole('region', { name: 'Step details' });
    // The matched condition in the inspector's words, not the engine's "sentToScope:NotInOrganization".
    await expect(detail).toContainText('the recipient is outside the organization');
    await expect(detail).not.toContainText('sentToScope');
    await expect(page.getByTestId('smtp-transcript')).toContainText('RCPT TO:<bob@fabrikam.com>');
    await expect(detail).toContainText('mailflow-model.md');
    // Keyboard: Home resets, the arrow keys step (focus outside text fields).
    await page.getByRole('table', { name: 'Events' }).click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('Home');
    await expect(currentRow(page)).toHaveAttribute('data-kind', 'connect');
    await page.keyboard.press('ArrowRight');
    // Version 2: the TLS negotiation is a step of its own, right after the connection.
    await expect(currentRow(page)).toHaveAttribute('data-kind', 'tls');
    // The Simulation menu dispatches the same actions.
    await page.getByRole('menuitem', { name: 'Simulation' }).click();
    await page.getByRole('menuitem', { name: 'Step back' }).click();
    await expect(currentRow(page)).toHaveAttribute('data-kind', 'connect');
    // The timeline scrubs to any step.
    await page.getByRole('slider', { name: 'Timeline' }).fill('5');
    await expect(currentRow(page)).toHaveAttribute('data-kind', 'attribution');
    // Filters: by kind.
    await page.getByRole('combobox', { name: 'Filter by kind' }).selectOption('rule');
    await expect(page.getByRole('table', { name: 'Events' }).locator('tbody tr')).toHaveCount(1);
  });

  test('Point 3: the two-domain scenario ends rejected with 550 5.7.64 at the end of DATA', async ({ page }) => {
    await runScenario(page, 'point-3-ip-connector-2017', /two recipient domains/);
    const kinds = await stepToEnd(page);
    expect(kinds.at(-1)).toBe('reject');
    await expect(currentRow(page)).toContainText('550 5.7.64');
    const stop = page.getByTestId('stop-mark');
    await expect(stop).toBeVisible();
    await expect(stop).toContainText('Refused at end of DATA');
    await expect(stop).toContainText('550 5.7.64');
    await expect(page.getByTestId('playback-result')).toContainText('Refused by Exchange Online at end of DATA (550 5.7.64)');
    await expect(page.getByTestId('smtp-transcript')).toContainText('550 5.7.64 TenantAttribution; Relay Access Denied');
    await page.screenshot({ path: test.info().outputPath('playback-point3-refused.png') });
  });

  test('throttling: the surge shows deferred messages in the hour-by-hour chart', async ({ page }) => {
    await runScenario(page, 'throttling', /bursts/);
    const chart = page.getByRole('img', { name: /Load chart/ });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAttribute('aria-label', /deferred/);
    await page.getByRole('button', { name: 'Show data table' }).click();
    const rows = page.locator('.pb-chart-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(1);
    const deferred = await rows.evaluateAll((trs) => trs.map((tr) => Number((tr.children[3] as HTMLElement).innerText.replace(/[^0-9]/g, ''))));
    expect(deferred.some((n) => n > 0)).toBe(true);
    await page.getByRole('button', { name: 'Hide data table' }).click();
    await stepToEnd(page);
    await expect(page.getByTestId('waiting-mark')).toContainText('451 4.7.500');
    await page.screenshot({ path: test.info().outputPath('playback-throttling.png') });
  });

  test('hand-off: the hybrid example crosses from Contoso to Fabrikam, labelled on the canvas', async ({ page }) => {
    await openApp(page);
    const text = readFileSync(resolve(import.meta.dirname, '../../examples/hybrid-seed.mailflow.json'), 'utf8');
    await page.locator('#mailflow-open-input').setInputFiles({ name: 'hybrid-seed.mailflow.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('option', { name: /hands it off to Fabrikam/ }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    const kinds = await stepToEnd(page, async (kind) => {
      if (kind === 'handoff') {
        await expect(page.getByTestId('handoff-label')).toHaveText(/Hand-off/);
        await expect(page.getByTestId('first-receipt-contoso')).toBeVisible();
      }
    });
    expect(kinds).toContain('handoff');
    expect(kinds.indexOf('attribution')).toBeLessThan(kinds.indexOf('handoff'));
    await page.screenshot({ path: test.info().outputPath('playback-handoff.png') });
  });

  test('with reduced motion the token jumps to the end of its hop at once', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await runScenario(page, 'point-1-first-receipt', /EX01 sends to Fabrikam/);
    // Past the TLS step (it moves nothing) to the hop into the connector.
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    const token = page.getByTestId('moving-token').first();
    const first = await token.getAttribute('style');
    // Twenty painted frames later (about a third of a second) the token has not moved.
    await page.evaluate(() => new Promise<void>((resolve) => {
      let frames = 0;
      const next = () => (++frames >= 20 ? resolve() : requestAnimationFrame(next));
      requestAnimationFrame(next);
    }));
    expect(await token.getAttribute('style')).toBe(first);
  });

  test('the playback panel has no serious accessibility violations, in Japanese too', async ({ page }) => {
    await runScenario(page, 'point-1-first-receipt', /EX01 sends to Fabrikam/);
    for (const lang of ['en', 'ja']) {
      if (lang === 'ja') {
        await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
      }
      const results = await new AxeBuilder({ page }).include('[data-testid="playback-panel"]').include('#tabpanel-scenarios').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await expect(page.getByRole('table', { name: 'イベント' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('playback-ja.png') });
  });

  for (const example of ['point-1-first-receipt', 'point-2-certificate', 'point-3-ip-connector-2017', 'throttling']) {
    test(`Check all marks every scenario of ${example} as passing`, async ({ page }) => {
      await openApp(page, `?example=${example}`);
      await page.getByRole('tab', { name: 'Scenarios' }).click();
      await page.getByRole('button', { name: 'Check all', exact: true }).click();
      const withExpect = (await getDocument(page)).scenarios.filter((s) => (s as { expect?: unknown }).expect).length;
      expect(withExpect).toBeGreaterThan(0);
      await expect(page.getByTestId('check-badge')).toHaveCount(withExpect);
      await expect(page.getByTestId('check-badge').filter({ hasText: 'Pass' })).toHaveCount(withExpect);
      await expect(page.getByRole('status').filter({ hasText: `${withExpect} of ${withExpect} scenarios pass` })).toBeVisible();
    });
  }

  test('a scenario created in the form is validated, added as one undo step and runs', async ({ page }) => {
    await openApp(page, '?example=point-1-first-receipt');
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    const before = (await getDocument(page)).scenarios.length;
    await page.getByRole('button', { name: '+ Message' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Null sender to two tenants');
    await page.getByLabel(/^MAIL FROM/).fill('<>');
    await page.getByLabel(/^RCPT TO/).fill('ken@contoso.com\nnot an address');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect(page.getByText(/Line 2 \(not an address\)/)).toBeVisible();
    expect((await getDocument(page)).scenarios.length).toBe(before);
    await page.getByLabel(/^RCPT TO/).fill('ken@contoso.com\nbob@fabrikam.com');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect(page.getByRole('option', { name: /Null sender to two tenants/ })).toBeVisible();
    const doc = await getDocument(page);
    expect(doc.scenarios.length).toBe(before + 1);
    expect(doc.scenarios.at(-1)).toMatchObject({ mailFrom: '<>', rcptTo: ['ken@contoso.com', 'bob@fabrikam.com'] });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Events' }).locator('tbody tr').first()).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await getDocument(page)).scenarios.length).toBe(before);
  });
});
