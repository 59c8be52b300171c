/**
 * The simulation engine's public face. Pure and deterministic; used by the app, the CLI and tests.
 */
export { simulateMessage, simulateScenario, resultOf, unattributedRelayReply, REPLIES, type SimulateOptions } from './simulate';
export { simulateLoadScenario, throttleTable, throttleReply } from './throttling';
export { SimulationInputError } from './errors';
export { describeEvent, type NameOf } from './texts';
export { namesOf } from './trace';
export { indexTopology, ownerOfDomain, tenantAccepts } from './topologyIndex';
export { usableCertificateNames, presentedNames, coveringConnector, checkCertificateDomain, findCandidates } from './attribution';
export { ruleMatches, ruleVerdict, ruleEffect, rulesInOrder, type RuleVerdict } from './transportRules';
export { SOURCES } from './sources';
export * from './types';
