// Writes a generated topology: node dist/cli/gen-topology.mjs --tenants 1000 --out big.mailflow.json
// or --nodes 1000 for a canvas of about that many nodes.
import { writeFileSync } from 'node:fs';
import { generateTopology, NODES_PER_TENANT } from './generateTopology';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const tenants = arg('nodes') ? Math.ceil(Number(arg('nodes')) / NODES_PER_TENANT) : Number(arg('tenants') ?? 10);
const out = arg('out') ?? `generated-${tenants}.mailflow.json`;
writeFileSync(out, JSON.stringify(generateTopology({ tenants, withPositions: process.argv.includes('--positions') })) + '\n');
console.log(`wrote ${out} (${tenants} tenants)`);
