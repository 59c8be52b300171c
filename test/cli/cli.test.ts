import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { memoryIO } from './memoryIO';
import { SPEC_EXAMPLES_DIR } from '../specExamples';

const root = join(__dirname, '../..');
const examples = SPEC_EXAMPLES_DIR;
const point1 = readFileSync(join(examples, 'point-1-first-receipt.mailflow.json'), 'utf8');
const throttling = readFileSync(join(examples, 'throttling.mailflow.json'), 'utf8');

async function cli(args: string[], files: Record<string, string> = { 'p1.json': point1, 'th.json': throttling }) {
  const m = memoryIO(files);
  const code = await runCli(args, m.io);
  return { code, out: m.stdout(), err: m.stderr(), files: m.files };
}

describe('mailflow simulate', () => {
  it('prints one line per event, then the SMTP reply and each recipient', async () => {
    const r = await cli(['simulate', 'p1.json', '--scenario', 'to-other-tenant-blocked']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\s+1\s+connect/m);
    expect(r.out).toContain('SMTP 250 2.6.0 Queued mail for delivery (stage: data) → accepted');
    expect(r.out).toMatch(/bob@fabrikam\.com\s+ndr\s+contoso/);
  });

  it('--json has the shape of cli.md', async () => {
    const r = await cli(['simulate', 'p1.json', '--scenario', 'to-other-tenant-blocked', '--json']);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['scenarioId', 'asOf', 'unstable', 'result', 'smtp', 'attribution', 'recipients', 'events']);
    expect(j.smtp).toEqual({ code: 250, enhanced: '2.6.0', text: 'Queued mail for delivery', stage: 'data' });
    expect(j.attribution).toEqual({ tenant: 'contoso', direction: 'originating', connector: 'contoso-from-onprem', key: 'certificate' });
    expect(j.recipients).toEqual([{ address: 'bob@fabrikam.com', disposition: 'ndr', tenant: 'contoso', path: ['contoso'], code: '5.7.1' }]);
    for (const e of j.events) expect(e).toMatchObject({ seq: expect.any(Number), kind: expect.any(String), at: expect.any(String), from: expect.any(String), text: expect.any(String) });
  });

  it('simulates a message given by --server/--from/--to, in Japanese', async () => {
    const r = await cli(['simulate', 'p1.json', '--server', 'contoso-gw', '--from', 'alice@contoso.com', '--to', 'bob@fabrikam.com,ken@contoso.com', '--json', '--lang', 'ja']);
    const j = JSON.parse(r.out);
    expect(j.scenarioId).toBeNull();
    expect(j.attribution.direction).toBe('incoming');
    expect(j.events[0].text).toMatch(/接続/);
  });

  it('prints the hour-by-hour table of a load scenario, and hours in JSON', async () => {
    const human = await cli(['simulate', 'th.json', '--scenario', 'surge-deferred']);
    expect(human.out).toMatch(/^hour\s+offered\s+accepted\s+deferred\s+queued\s+expired/m);
    expect(human.out).toContain('451 4.7.500 Server busy. Please try again later from [192.0.2.99]. (ASxxx)');
    const j = JSON.parse((await cli(['simulate', 'th.json', '--scenario', 'surge-deferred', '--json'])).out);
    expect(j.result).toBe('deferred');
    expect(Object.keys(j.hours[0])).toEqual(['hour', 'offered', 'accepted', 'deferred', 'queued', 'expired', 'rejected']);
  });

  it('exits 2 for wrong arguments, a missing scenario or server, or a bad address', async () => {
    expect((await cli(['simulate', 'p1.json'])).code).toBe(2);
    expect((await cli(['simulate', 'p1.json', '--scenario', 'nope'])).err).toContain('no scenario "nope"');
    expect((await cli(['simulate', 'p1.json', '--server', 'zz', '--from', 'a@b.com', '--to', 'c@d.com'])).code).toBe(2);
    const bad = await cli(['simulate', 'p1.json', '--server', 'contoso-ex01', '--from', 'a@b.com', '--to', 'not-an-address']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--to: found "not-an-address"');
    expect((await cli(['simulate', 'p1.json', '--scenario', 'x', '--lang', 'fr'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });
});

describe('mailflow check and lint', () => {
  it('check prints one line per scenario and "N passed, N failed" last', async () => {
    const r = await cli(['check', 'p1.json']);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').pop()).toBe('3 passed, 0 failed');
  });

  it('check fails with exit 1 and says what differed', async () => {
    const doc = JSON.parse(point1);
    doc.scenarios[0].expect.result = 'rejected';
    const r = await cli(['check', 'x.json'], { 'x.json': JSON.stringify(doc) });
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  to-other-tenant-blocked');
    expect(r.out).toContain('result: expected rejected, got accepted');
    expect(r.out.trim().split('\n').pop()).toBe('2 passed, 1 failed');
    const j = JSON.parse((await cli(['check', 'x.json', '--json'], { 'x.json': JSON.stringify(doc) })).out);
    expect(j).toMatchObject({ passed: 2, failed: 1 });
  });

  it('a malformed file exits 2 with the place named, and is left unchanged', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test mutations of raw JSON
    const cases: Array<[string, (d: any) => void, string]> = [
      ['typo', (d) => { d.tenants[0].acceptedDomain = d.tenants[0].acceptedDomains; delete d.tenants[0].acceptedDomains; }, 'tenants[0].acceptedDomain'],
      ['bad CIDR', (d) => { d.tenants[0].inboundConnectors[0].senderIPAddresses = ['10.0.0.0/40']; }, 'tenants[0].inboundConnectors[0].senderIPAddresses[0]'],
      ['duplicate domain', (d) => { d.tenants[1].acceptedDomains.push({ domainName: 'contoso.com', domainType: 'Authoritative' }); }, 'tenants[1].acceptedDomains[1].domainName'],
      ['missing server', (d) => { d.scenarios[1].serverId = 'ghost'; }, 'scenarios[1].serverId'],
    ];
    for (const [, mutate, path] of cases) {
      const d = JSON.parse(point1);
      mutate(d);
      const text = JSON.stringify(d);
      for (const command of ['check', 'lint', 'simulate']) {
        const args = command === 'simulate' ? [command, 'x.json', '--scenario', 'internal-delivered'] : [command, 'x.json'];
        const r = await cli(args, { 'x.json': text });
        expect(r.code).toBe(2);
        expect(r.err).toContain(`x.json: ${path}`);
        expect(r.files.get('x.json')).toBe(text);
      }
    }
    const json = await cli(['check', 'x.json'], { 'x.json': '{"format": "mailflow-topology",' });
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/x\.json: line 1, column \d+/);
    expect((await cli(['check', 'missing.json'])).err).toContain('missing.json: cannot read the file (ENOENT)');
  });

  it('lint prints diagnostics with severity, rule and entity; exit 0 without errors', async () => {
    const p2 = readFileSync(join(examples, 'point-2-certificate.mailflow.json'), 'utf8');
    const r = await cli(['lint', 'p2.json'], { 'p2.json': p2 });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/warning\s+certificate-domain-not-accepted\s+litware-cert/);
    const j = JSON.parse((await cli(['lint', 'p2.json', '--json', '--lang', 'ja'], { 'p2.json': p2 })).out);
    expect(j.diagnostics[0].message).toMatch(/承認済みドメイン/);
  });

  it('lint exits 1 when it finds an error', async () => {
    const p3 = readFileSync(join(examples, 'point-3-ip-connector-2017.mailflow.json'), 'utf8');
    const r = await cli(['lint', 'p3.json'], { 'p3.json': p3 });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/error\s+multiple-recipient-domains-ip-connector/);
  });
});

describe('output files', () => {
  it('a file that cannot be written exits 2 naming it, never with an internal error', async () => {
    const hybrid = readFileSync(join(root, 'examples/hybrid-seed.mailflow.json'), 'utf8');
    const m = memoryIO({ 'h.json': hybrid });
    m.io.writeFile = (p) => {
      throw Object.assign(new Error(`EACCES: ${p}`), { code: 'EACCES' });
    };
    expect(await runCli(['powershell', 'h.json', '--tenant', 'contoso', '--out', '/locked/x.ps1'], m.io)).toBe(2);
    expect(m.stderr()).toContain('/locked/x.ps1: cannot write the file (EACCES)');
  });
});

describe('the installed command', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root });
  });

  it('ends quietly with its own exit code when the reader closes the pipe early', () => {
    const r = spawnSync('bash', ['-c', `node "${join(root, 'bin/mailflow.mjs')}" simulate "${join(examples, 'throttling.mailflow.json')}" --scenario surge-deferred --json | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('0');
    expect(r.stderr).not.toContain('EPIPE');
  });

  for (const file of readdirSync(examples).filter((f) => f.endsWith('.mailflow.json'))) {
    it(`npx mailflow check passes every scenario of ${file}`, () => {
      const r = spawnSync(process.execPath, [join(root, 'bin/mailflow.mjs'), 'check', join(examples, file)], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.trim().split('\n').pop()).toMatch(/^\d+ passed, 0 failed$/);
    });
  }
});
