/**
 * Hostile and huge documents (issue 11, items 4 and 6), as JSON text of about a given size: the
 * tests use small sizes, bench/hostile-inputs.mjs the audit's sizes.
 */

const SERVER = {
  id: 'srv',
  name: 'Relay',
  role: 'onPremises',
  ipAddress: '203.0.113.10',
  tls: false,
};

/**
 * A valid document of `tenants` tenants, each with an InternalRelay domain that matches subdomains
 * and an Authoritative subdomain of it (its own, so no conflict): the matchSubDomains cross-check
 * used to compare every domain with every other (3 MB: 38 s).
 */
export function manySubdomainTenants(tenants: number): string {
  const list = [];
  for (let i = 0; i < tenants; i++) {
    list.push({
      id: `t${i}`,
      name: `Tenant ${i}`,
      acceptedDomains: [
        { domainName: `d${i}.example`, domainType: 'InternalRelay', matchSubDomains: true },
        { domainName: `mail.d${i}.example`, domainType: 'Authoritative' },
      ],
    });
  }
  return JSON.stringify({ format: 'mailflow-topology', version: 1, title: 'many tenants', tenants: list, servers: [SERVER], scenarios: [] });
}

/**
 * A document whose one scenario expects `count` recipients that are neither sent to nor redirect
 * targets, next to `rules` rules that each redirect to 100 addresses: each expected address used
 * to be compared with every redirect target (5.6 MB: 129 s).
 */
export function manyExpectedRecipients(count: number, rules: number): string {
  const transportRules = [];
  for (let r = 0; r < rules; r++) {
    transportRules.push({
      id: `r${r}`,
      name: `Redirect ${r}`,
      priority: r,
      enabled: true,
      conditions: {},
      actions: { redirectMessageTo: Array.from({ length: 100 }, (_, k) => `x${r}-${k}@contoso.com`) },
    });
  }
  const recipients: Record<string, { disposition: string }> = {};
  for (let i = 0; i < count; i++) recipients[`u${i}@fabrikam.com`] = { disposition: 'delivered' };
  return JSON.stringify({
    format: 'mailflow-topology',
    version: 1,
    title: 'many expected recipients',
    tenants: [{ id: 'contoso', name: 'Contoso', acceptedDomains: [{ domainName: 'contoso.com', domainType: 'Authoritative' }], transportRules }],
    servers: [SERVER],
    scenarios: [{ id: 's', name: 'S', serverId: 'srv', mailFrom: 'a@contoso.com', rcptTo: ['b@contoso.com'], expect: { result: 'accepted', recipients } }],
  });
}

/** `[[[[…]]]]` nested `depth` deep: JSON.parse used to build it all before the depth check. */
export function deeplyNested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** A document whose one tenant lists `count` invalid recipients: one schema issue each. */
export function manyInvalidValues(count: number): string {
  const head = '{"format":"mailflow-topology","version":1,"title":"t","servers":[],"scenarios":[],"tenants":[{"id":"t","name":"T","acceptedDomains":[],"recipients":[';
  return head + '1,'.repeat(Math.max(0, count - 1)) + '1]}]}';
}
