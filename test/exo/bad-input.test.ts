import { describe, expect, it } from 'vitest';
import { importExoFiles, readExoFile } from '../../shared/exo';
import { fixture, fixtureText } from './helpers';

function failure(names: string[]) {
  const r = importExoFiles(names.map((n) => fixture(n)), { tenantName: 'Contoso' });
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('expected the import to fail');
  return r.errors;
}

describe('bad input', () => {
  it('a Format-List dump is not JSON: the message names the file and what was expected', () => {
    const [e] = failure(['bad/format-list.txt']);
    expect(e.file).toBe('bad/format-list.txt');
    expect(e.message).toMatch(/^bad\/format-list\.txt: line 1, column 1: the file is not JSON \(it starts with "Name/);
    expect(e.message).toMatch(/expected the output of one of Get-AcceptedDomain, .* piped to ConvertTo-Json/);
  });

  it('a truncated file: the position where it ends, and the cmdlet recognised from what was read', () => {
    const text = fixtureText('bad/truncated-rules.json');
    const lines = text.split('\n');
    // The file ends with a newline, so the end is column 1 of the line after the last one.
    const [e] = failure(['bad/truncated-rules.json']);
    expect(e.message).toBe(
      `bad/truncated-rules.json: line ${lines.length}, column 1: the JSON ends early; expected the output of Get-TransportRule | ConvertTo-Json -Depth 5.`,
    );
    expect(e.line).toBe(lines.length);
  });

  it('a file cut inside a string reports the end of the text', () => {
    const text = '[\r\n  {\r\n    "DomainName": "contoso.com",\r\n    "DomainType": "Authori';
    const r = readExoFile({ name: 'domains.json', text });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('domains.json: line 4, column 27: the JSON ends early; expected the output of Get-AcceptedDomain | ConvertTo-Json.');
  });

  it('JSON of another cmdlet (Get-Mailbox) is refused', () => {
    const [e] = failure(['bad/get-mailbox.json']);
    expect(e.message).toMatch(/^bad\/get-mailbox\.json: item 1 has none of the properties that identify/);
  });

  it('an empty list and an empty file are refused', () => {
    expect(failure(['bad/empty-array.json'])[0].message).toMatch(/^bad\/empty-array\.json: the file holds an empty list/);
    const r = importExoFiles([{ name: 'empty.json', text: '\uFEFF\r\n' }], { tenantName: 'Contoso' });
    expect(!r.ok && r.errors[0].message).toMatch(/^empty\.json: the file is empty; expected/);
  });

  it('a file mixing two cmdlets is refused', () => {
    expect(failure(['bad/mixed.json'])[0].message).toMatch(/item 2 looks like output of Get-InboundConnector, but the items before it came from Get-AcceptedDomain/);
  });

  it('one bad file among good ones fails the whole import and reports only the bad one', () => {
    const errors = failure(['accepted-domains.json', 'bad/truncated-rules.json', 'inbound-connectors.json', 'bad/get-mailbox.json']);
    expect(errors.map((e) => e.file)).toEqual(['bad/truncated-rules.json', 'bad/get-mailbox.json']);
  });

  it('a list of non-objects is refused', () => {
    const r = readExoFile({ name: 'names.json', text: '["contoso.com", "fabrikam.com"]' });
    expect(!r.ok && r.error.message).toMatch(/^names\.json: item 1 is the text "contoso\.com", not an object/);
  });

  it('absurd nesting is refused without exhausting the stack', () => {
    const r = readExoFile({ name: 'deep.json', text: '['.repeat(100_000) });
    expect(!r.ok && r.error.message).toMatch(/nested deeper than/);
  });

  it('no tenant name, or no files, is an error', () => {
    expect(importExoFiles([fixture('accepted-domains.json')], { tenantName: '  ' }).ok).toBe(false);
    expect(importExoFiles([], { tenantName: 'Contoso' }).ok).toBe(false);
  });
});
