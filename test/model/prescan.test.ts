/**
 * The loader refuses hostile text before JSON.parse and zod spend time and memory on it (issue 11,
 * items 6 and 14): nesting, repeated keys, numbers out of range, and millions of invalid values.
 * The sizes keep the suite fast; bench/hostile-inputs.mjs runs the audit's sizes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../shared/model/load';
import { prescanJson, rootListLength } from '../../shared/model/prescan';
import { deeplyNested, manyInvalidValues } from '../hostile/documents';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const v1 = readFileSync(join(__dirname, '../fixtures/versions/v1.mailflow.json'), 'utf8');

function errorsOf(text: string) {
  const r = parseDocumentText(text);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.errors;
}

describe('pre-scan of the JSON text', () => {
  it('nesting deeper than 64 levels is refused with its line, column and path, before parsing', () => {
    const [e] = errorsOf(deeplyNested(2_000_000));
    expect(e.line).toBe(1);
    expect(e.column).toBe(66);
    expect(e.message).toMatch(/^\[0\](\[0\]){64} \(line 1, column 66\): found values nested deeper than 64 levels/);
  });

  it('a key given twice in one object is a located error, not "last wins"', () => {
    const text = v1.replace('"title":', '"version": 1,\n  "title":');
    const [e] = errorsOf(text);
    expect(e.path).toBe('version');
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/found the key "version" a second time in the same object/);
    // Inside a nested object, and with escapes that spell the same key.
    const nested = errorsOf('{"tenants":[{"id":"a","i\\u0064":"b"}]}')[0];
    expect(nested.path).toBe('tenants[0].id');
  });

  it('a number a double cannot hold is "a number out of range", not null', () => {
    const text = v1.replace('"tls": true', '"tls": -1e400');
    const [e] = errorsOf(text);
    expect(e.path).toBe('servers[0].tls');
    expect(e.message).toMatch(/found a number out of range \(-1e400\)/);
  });

  it('a repeated key is found in an object of many keys too (past the short list the scan keeps first)', () => {
    for (const keys of [15, 16, 17, 40, 300]) {
      const fields = Array.from({ length: keys }, (_, i) => `"k${i}":1`);
      expect(prescanJson(`{"p":{${fields.join(',')},"k0":2}}`, 64)).toMatchObject({ path: ['p', 'k0'], found: 'the key "k0" a second time in the same object' });
      expect(prescanJson(`{"p":{${fields.join(',')},"k${keys - 1}":2}}`, 64)).toMatchObject({ path: ['p', `k${keys - 1}`] });
      expect(prescanJson(`{"p":{${fields.join(',')}}}`, 64)).toBeNull();
    }
  });

  it('a number out of range without an exponent (400 digits) is found too; long finite numbers are not', () => {
    const huge = `-${'9'.repeat(400)}`;
    expect(prescanJson(`{"x":${huge}}`, 64)).toMatchObject({ path: ['x'], found: `a number out of range (${huge.slice(0, 37)}…)` });
    expect(prescanJson(`{"x":${'9'.repeat(300)}.5,"y":0.${'1'.repeat(400)},"z":1e308}`, 64)).toBeNull();
    expect(prescanJson('{"x":1E+400}', 64)).toMatchObject({ found: 'a number out of range (1E+400)' });
  });

  it('agrees with JSON.parse on every valid JSON text: no finding unless a key repeats', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (text) => {
        const finding = prescanJson(text, 64);
        if (finding) expect(finding.found).toMatch(/a second time|out of range|nested deeper/);
        else expect(() => JSON.parse(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a list longer than the format allows, and more values than any document has, before parsing', () => {
    expect(prescanJson('{"a":[1,2,3,4]}', 64, { maxItems: 3 })).toMatchObject({ path: ['a'], found: 'a list of more than 3 items' });
    expect(prescanJson('{"a":[1,2,3]}', 64, { maxItems: 3 })).toBeNull();
    expect(prescanJson('[[1,2],[3,4]]', 64, { maxValues: 5 })).toMatchObject({ found: 'more than 5 values' });
    const [e] = errorsOf(manyInvalidValues(1_000_001));
    expect(e.message).toMatch(/^tenants\[0\]\.recipients \(line 1, column \d+\): found a list of more than 1000000 items/);
  });

  it('counts the items of a root list without parsing it', () => {
    expect(rootListLength('[{"a":[1,2]},{"b":"x,y"}, 3]')).toBe(3);
    expect(rootListLength(' []')).toBe(0);
    expect(rootListLength('{"value":[1,2],"Count":2}')).toBe(2);
    expect(rootListLength('{"Name":"x"}')).toBeNull();
    expect(rootListLength('[1,2,3,4,5]', 2)).toBe(2);
  });

  it('leaves text that is not JSON to JSON.parse, which names the position', () => {
    const [e] = errorsOf('{"format": "mailflow-topology",, }');
    expect(e.message).toMatch(/^line 1, column \d+: found invalid JSON/);
  });
});

describe('schema issues are counted only up to what is shown', () => {
  it('a million invalid recipients give the first 50 errors, without a million issues', { timeout: 10_000 }, () => {
    const errors = errorsOf(manyInvalidValues(1_000_000));
    expect(errors).toHaveLength(50);
    expect(errors[0].message).toBe('tenants[0].recipients[0]: found 1; expected a string.');
    expect(errors[49].path).toBe('tenants[0].recipients[49]');
  });

  it('a valid document validates to the same result as before', () => {
    const r = parseDocumentText(v1);
    expect(r.ok).toBe(true);
  });
});

describe('texts that SMTP carries stay on one line (item 14)', () => {
  const withActions = (actions: Record<string, unknown>) => {
    const doc = JSON.parse(v1);
    doc.tenants[0].transportRules[0].actions = actions;
    return JSON.stringify(doc);
  };

  it('a header value, header name or reject text with CR/LF is a located error', () => {
    const value = errorsOf(withActions({ setHeaderName: 'X-Tag', setHeaderValue: 'a\r\nBcc: boss@contoso.com' }))[0];
    expect(value.path).toBe('tenants[0].transportRules[0].actions.setHeaderValue');
    expect(value.message).toMatch(/expected one line of text \(no line breaks: SMTP cannot carry them\)/);
    const name = errorsOf(withActions({ setHeaderName: 'X-Tag\nBcc', setHeaderValue: 'a' }))[0];
    expect(name.path).toBe('tenants[0].transportRules[0].actions.setHeaderName');
    expect(errorsOf(withActions({ setHeaderName: 'X Tag: 1', setHeaderValue: 'a' }))[0].path).toBe('tenants[0].transportRules[0].actions.setHeaderName');
    const reject = errorsOf(withActions({ rejectMessageReasonText: 'No\r\n250 OK' }))[0];
    expect(reject.path).toBe('tenants[0].transportRules[0].actions.rejectMessageReasonText');
  });

  it('ordinary one-line values still load', () => {
    expect(parseDocumentText(withActions({ setHeaderName: 'X-Contoso-Tag', setHeaderValue: '日本語 ok', rejectMessageReasonText: 'Blocked by policy' })).ok).toBe(true);
  });
});
