/**
 * A refused edit explained in the field's words. The loader's messages name a JSON path
 * ("tenants[0].transportRules[0].actions.setHeaderName: found nothing; expected …") for files; in
 * the inspector the field is right there, so the path is dropped and the known rules of the format
 * are said in the user's language. Anything else keeps only the loader's "expected" part.
 */
import type { LoadError } from '../../shared/model/load';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The loader's `expected` texts this inspector explains in its own words (shared/model/schema.ts, integrity.ts). */
const KNOWN: Array<{ test: (e: LoadError) => boolean; key: string }> = [
  { test: (e) => e.expected.includes('at least one action'), key: 'refusal.ruleNeedsAction' },
  { test: (e) => e.expected.includes('header name with setHeaderValue'), key: 'refusal.headerNeedsName' },
  { test: (e) => e.expected.includes('accepted by at most one tenant'), key: 'refusal.domainTaken' },
  { test: (e) => e.expected.includes('id unique across'), key: 'refusal.idTaken' },
  { test: (e) => e.expected.includes('matchSubDomains only on an InternalRelay'), key: 'refusal.matchSubDomains' },
];

export function explainRefusal(errors: readonly LoadError[], t: Translate): string {
  const lines = errors.map((e) => {
    const known = KNOWN.find((k) => k.test(e));
    if (known) return t(known.key, { found: e.found });
    return t('refusal.generic', { expected: e.expected });
  });
  return [...new Set(lines)].join('\n');
}
