// Writes the JSON Schema of the document format next to the zod schema it comes from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { topologyJsonSchema } from '../shared/model/jsonSchema';

const out = join(process.cwd(), 'shared', 'model', 'mailflow-topology.schema.json');
writeFileSync(out, JSON.stringify(topologyJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out}`);
