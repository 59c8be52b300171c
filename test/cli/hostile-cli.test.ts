/**
 * The `mailflow` command against hostile input and special output files (issue 11, items 7, 9
 * and 13), run as a real process: cli/bin.ts bundled the way scripts/build-cli.mjs bundles it
 * (into a temporary folder, so this file never races the other CLI tests rebuilding dist/cli).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPEC_EXAMPLES_DIR } from '../specExamples';

const root = join(__dirname, '../..');
const point1 = join(SPEC_EXAMPLES_DIR, 'point-1-first-receipt.mailflow.json');
let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mailflow-cli-hostile-'));
  bundle = join(dir, 'mailflow.mjs');
  await build({
    entryPoints: [join(root, 'cli/bin.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@resvg/resvg-js', 'pdf-lib', '@pdf-lib/fontkit'],
    banner: { js: "import { createRequire as __mfCreateRequire } from 'node:module'; const require = __mfCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mailflow(args: string[], nodeArgs: string[] = []) {
  return spawnSync(process.execPath, [...nodeArgs, bundle, ...args], { encoding: 'utf8', cwd: dir, maxBuffer: 64 * 1024 * 1024 });
}

describe('--out', () => {
  it('keeps the mode of an existing 0600 file', () => {
    const out = join(dir, 'private.svg');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    const r = mailflow(['export', point1, '--format', 'svg', '--out', out]);
    expect(r.status).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg/);
  });

  it('writes through a symbolic link and leaves the link in place', () => {
    const target = join(dir, 'real.ps1');
    const link = join(dir, 'link.ps1');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    const r = mailflow(['powershell', point1, '--tenant', 'contoso', '--out', link]);
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toContain('[CmdletBinding(SupportsShouldProcess)]');
  });

  it.skipIf(process.platform === 'win32')('writes into a FIFO instead of replacing it with a regular file', () => {
    const fifo = join(dir, 'pipe.svg');
    execFileSync('mkfifo', [fifo]);
    // A reader on the FIFO (cat) while the command writes into it.
    const r = spawnSync('bash', ['-c', `timeout 10 cat "${fifo}" > "${fifo}.read" & node "${bundle}" export "${point1}" --format svg --out "${fifo}"; s=$?; wait; exit $s`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(`${fifo}.read`, 'utf8')).toMatch(/^<svg/);
  });

  it('"-" writes to standard output and reports on standard error', () => {
    const r = mailflow(['export', point1, '--format', 'svg', '--out', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(r.stderr).toMatch(/^-: SVG, \d+ bytes/);
  });
});

describe('human output', () => {
  it('shows terminal escapes and bidi controls in names as text, never sends them', () => {
    const doc = JSON.parse(readFileSync(point1, 'utf8'));
    // Erase the line and print PASS over FAIL; set the clipboard (OSC 52); reverse the text.
    doc.scenarios[0].name = 'x\u001b[2K\rPASS \u001b]52;c;ZXZpbA==\u0007 \u202eLIAF';
    doc.scenarios[0].expect.result = 'rejected';
    const file = join(dir, 'escapes.mailflow.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = mailflow(['check', file]);
    expect(r.status).toBe(1);
    // eslint-disable-next-line no-control-regex -- the test is about control characters
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('x\\x1B[2K\\x0DPASS \\x1B]52;c;ZXZpbA==\\x07 \\u202ELIAF');
    // --json keeps the value (as JSON escapes) and is still valid JSON.
    const j = mailflow(['check', file, '--json']);
    expect(j.stdout).not.toContain('\u001b');
    expect(JSON.stringify(JSON.parse(j.stdout))).toContain(JSON.stringify(doc.scenarios[0].name).slice(1, -1));
  });
});

describe('exit codes', () => {
  it('import --into a document with 25,000 positions works on a small stack (no spread into Math.max)', () => {
    const servers = Array.from({ length: 25_000 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, role: 'onPremises', ipAddress: '203.0.113.10', tls: false }));
    const positions = Object.fromEntries(servers.map((s, i) => [s.id, { x: i, y: i }]));
    const big = { format: 'mailflow-topology', version: 1, title: 'big', tenants: [], servers, scenarios: [], view: { positions } };
    const into = join(dir, 'big.mailflow.json');
    writeFileSync(into, JSON.stringify(big));
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, JSON.stringify([{ Name: 'R', Priority: 0, State: 'Enabled', SentToScope: 'NotInOrganization', DeleteMessage: true }]));
    // 100 KB of stack: the spread overflowed it at this size, as the default stack did at ~140k.
    const r = mailflow(['import', '--tenant-name', 'New', rules, '--into', into, '--out', join(dir, 'merged.mailflow.json')], ['--stack-size=100']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('an internal error is exit 2, as cli.md promises (0, 1 or 2 only)', () => {
    // The bundle sits in a temporary folder, where the native PNG renderer (an external package)
    // cannot be found: PNG export fails with an error no command expects.
    const r = mailflow(['export', point1, '--format', 'png', '--out', join(dir, 'x.png')]);
    expect(r.stderr).toMatch(/^mailflow: internal error: .*Cannot find (module|package) '@resvg\/resvg-js'/);
    expect(r.status).toBe(2);
  });
});
