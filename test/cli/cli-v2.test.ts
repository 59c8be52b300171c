/**
 * cli.md "Version 2 additions": --as-of, --from-mailbox, the evaluation date in every output, and
 * the new JSON fields (asOf, unstable, alternatives, hours[].rejected).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { memoryIO } from './memoryIO';

const ex = (f: string) => readFileSync(join(__dirname, '../../examples', f), 'utf8');
const FILES = {
  'app.json': ex('app-relay-header-from.mailflow.json'),
  'ma.json': ex('ma-shared-certificate.mailflow.json'),
  'central.json': ex('centralized-transport.mailflow.json'),
  'old.json': ex('out-of-date-exchange-2016.mailflow.json'),
  'renewed.json': ex('renewed-certificate.mailflow.json'),
};

async function cli(args: string[], today = '2026-12-02') {
  const m = memoryIO(FILES);
  m.io.today = () => today;
  const code = await runCli(args, m.io);
  return { code, out: m.stdout(), err: m.stderr() };
}

describe('mailflow, version 2', () => {
  it('--as-of sets the evaluation date a document and scenario leave open, and every output prints it', async () => {
    const args = ['simulate', 'app.json', '--server', 'billing-app', '--from', 'bounce@mailer.vendor.example', '--to', 'c@gmail.example', '--header-from', 'billing@contoso.com'];
    const before = await cli([...args, '--as-of', '2023-10-31']);
    const after = await cli([...args, '--as-of', '2023-11-01']);
    expect(before.out).toMatch(/→ accepted/);
    expect(before.out.trim().split('\n').pop()).toBe('evaluated as of 2023-10-31');
    expect(after.out).toMatch(/550 5\.7\.64/);
    const today = await cli(args, '2026-12-02');
    expect(today.out).toContain('evaluated as of 2026-12-02');
    expect((await cli(['check', 'app.json'])).out.split('\n')[0]).toBe('evaluated as of 2026-12-02');
    expect((await cli(['lint', 'app.json', '--as-of', '2024-01-01', '--lang', 'ja'])).out.split('\n')[0]).toBe('評価日: 2024-01-01');
    const json = JSON.parse((await cli(['lint', 'app.json', '--json', '--as-of', '2024-01-01'])).out);
    expect(json.asOf).toBe('2024-01-01');
  });

  it('--as-of refuses a date that does not exist (exit 2)', async () => {
    const r = await cli(['simulate', 'app.json', '--scenario', 'after-2023-11', '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--as-of: found "2026-02-30"/);
  });

  it('a scenario asOf wins over --as-of', async () => {
    const j = JSON.parse((await cli(['simulate', 'app.json', '--scenario', 'before-2023-11', '--json', '--as-of', '2026-01-01'])).out);
    expect([j.asOf, j.result]).toEqual(['2023-10-31', 'accepted']);
  });

  it('simulate --json gives unstable and every alternative, the chosen tenant first', async () => {
    const j = JSON.parse((await cli(['simulate', 'ma.json', '--scenario', 'shared-unstable', '--json'])).out);
    expect(j.unstable).toBe(true);
    expect(j.alternatives.map((a: { tenant: string }) => a.tenant)).toEqual(['contoso', 'fabrikam']);
    expect(Object.keys(j.alternatives[0])).toEqual(['tenant', 'result', 'smtp', 'attribution', 'recipients']);
    expect(j.events.some((e: { kind: string }) => e.kind === 'unstable')).toBe(true);
  });

  it('simulate --from-mailbox sends from a cloud mailbox (attribution key cloudMailbox)', async () => {
    const r = await cli(['simulate', 'central.json', '--from-mailbox', 'alice@contoso.com', '--to', 'x@gmail.example,bob@contoso.com', '--json']);
    const j = JSON.parse(r.out);
    expect(j.attribution).toMatchObject({ tenant: 'contoso', key: 'cloudMailbox', connector: null });
    expect(j.recipients.map((x: { disposition: string }) => x.disposition)).toEqual(['onPremises', 'delivered']);
    const unknown = await cli(['simulate', 'central.json', '--from-mailbox', 'zed@nowhere.example', '--to', 'x@gmail.example']);
    expect(unknown.code).toBe(2);
    expect((await cli(['simulate', 'central.json', '--from-mailbox', 'alice@contoso.com', '--server', 'ex01', '--to', 'x@gmail.example'])).code).toBe(2);
  });

  it('a load scenario prints and returns the rejected column', async () => {
    const human = await cli(['simulate', 'old.json', '--scenario', 'blocked-load']);
    expect(human.out).toMatch(/^hour\s+offered\s+accepted\s+deferred\s+queued\s+expired\s+rejected/m);
    expect(human.out).toContain('550 5.7.230');
    const j = JSON.parse((await cli(['simulate', 'old.json', '--scenario', 'blocked-load', '--json'])).out);
    expect(j.hours[0]).toMatchObject({ offered: 40, accepted: 20, rejected: 20 });
  });
});
