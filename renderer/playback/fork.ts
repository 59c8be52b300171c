/**
 * Unstable attribution (MC1226222): when several tenants' connectors match the same server,
 * Exchange Online may attribute the message to any of them, and the engine reports every branch in
 * `alternatives` (the chosen tenant's first), each with its own trace. Playback plays one branch
 * at a time; these pure helpers turn a branch into the simulation playback shows.
 */
import type { MessageSimulation, Simulation } from '../../shared/engine/types';

/** The tenants a fork may go to, in the engine's order (chosen first); empty when the result is stable. */
export function forkTenants(sim: Simulation | null): string[] {
  if (!sim || sim.type !== 'message' || !sim.unstable) return [];
  return (sim.alternatives ?? []).map((a) => a.tenant);
}

/** The simulation of branch `index`: the alternative's result, reply, attribution, recipients and events. */
export function branchSimulation(sim: MessageSimulation, index: number): MessageSimulation {
  const alt = sim.alternatives?.[index];
  if (!alt || index === 0) return sim;
  return { ...sim, result: alt.result, smtp: alt.smtp, attribution: alt.attribution, recipients: alt.recipients, events: alt.events };
}
