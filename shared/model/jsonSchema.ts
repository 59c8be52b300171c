/**
 * The JSON Schema of the format, generated from the zod schema, so editors can validate and
 * complete `.mailflow.json` files. The committed copy is `shared/model/mailflow-topology.schema.json`
 * (`npm run schema` rewrites it; a test fails when it is stale). Cross-reference rules (unique ids,
 * references, one tenant per domain) are beyond JSON Schema: the loader enforces them.
 */
import { z } from 'zod';
import { documentSchema } from './schema';

export const SCHEMA_ID = 'https://mailflow.studio/schema/mailflow-topology-2.json';

export function topologyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(documentSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: SCHEMA_ID,
    title: 'Mailflow Studio topology document, format version 2',
    description: 'A hybrid Exchange Online mail topology: tenants, servers, scenarios, service settings and the canvas layout.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
