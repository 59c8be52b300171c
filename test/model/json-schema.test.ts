import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topologyJsonSchema } from '../../shared/model/jsonSchema';

describe('JSON Schema of the format', () => {
  const committed = JSON.parse(readFileSync(join(__dirname, '../../shared/model/mailflow-topology.schema.json'), 'utf8'));
  it('is the one generated from the zod schema (run `npm run schema` after changing the format)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(topologyJsonSchema())));
  });
  it('rejects unknown fields and describes the enums and patterns', () => {
    expect(committed.additionalProperties).toBe(false);
    const text = JSON.stringify(committed);
    for (const word of ['rejectIfMultipleDomains', 'wildcardNamespace', 'InternalRelay', 'OnPremises']) expect(text).toContain(word);
    const connector = committed.properties.tenants.items.properties.inboundConnectors.items;
    expect(connector.properties.senderIPAddresses.items.pattern).toBeTruthy();
  });
});
