/** A simulation request that names something the document does not have (a server, a scenario). */
export class SimulationInputError extends Error {
  override name = 'SimulationInputError';
}
