/**
 * Small builders for engine tests: a valid document from the parts a test cares about, validated
 * by the real loader so a test never runs on a document the app could not open.
 */
import { validateDocument } from '../../shared/model/load';
import type { TopologyDocument, TopologyDocumentInput } from '../../shared/model/schema';
import { simulateMessage } from '../../shared/engine';
import type { MessageSimulation } from '../../shared/engine/types';

type Input = Partial<Omit<TopologyDocumentInput, 'format' | 'version'>>;

export function doc(input: Input): TopologyDocument {
  const loaded = validateDocument({ format: 'mailflow-topology', version: 1, title: 'test', tenants: [], servers: [], ...input });
  if (!loaded.ok) throw new Error('test document is invalid:\n' + loaded.errors.map((e) => e.message).join('\n'));
  return loaded.document;
}

export const tenant = (id: string, domains: string[], extra: Record<string, unknown> = {}) => ({
  id,
  name: id[0].toUpperCase() + id.slice(1),
  acceptedDomains: domains.map((d) => {
    const [domainName, type] = d.split(':');
    return { domainName, domainType: (type ?? 'Authoritative') as 'Authoritative' | 'InternalRelay' };
  }),
  ...extra,
});

export const server = (id: string, ip: string, cert?: string | { subject: string; trusted?: boolean; chainComplete?: boolean; sans?: string[] }, tls = true) => ({
  id,
  name: id,
  role: 'onPremises' as const,
  ipAddress: ip,
  tls,
  certificate:
    cert === undefined
      ? null
      : typeof cert === 'string'
        ? { subject: cert, subjectAlternativeNames: [], trusted: true, chainComplete: true }
        : { subject: cert.subject, subjectAlternativeNames: cert.sans ?? [], trusted: cert.trusted ?? true, chainComplete: cert.chainComplete ?? true },
});

export const certConnector = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  connectorType: 'OnPremises' as const,
  tlsSenderCertificateName: name,
  ...extra,
});

export const ipConnector = (id: string, ranges: string[], extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  connectorType: 'OnPremises' as const,
  senderIPAddresses: ranges,
  ...extra,
});

export const outbound = (id: string, recipientDomains: string[], extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  connectorType: 'OnPremises' as const,
  enabled: true,
  recipientDomains,
  allAcceptedDomains: false,
  useMXRecord: false,
  smartHosts: ['mail.example.net'],
  routeAllMessagesViaOnPremises: false,
  ...extra,
});

export const rule = (id: string, priority: number, conditions: Record<string, unknown>, actions: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  priority,
  enabled: true,
  conditions,
  actions,
  ...extra,
});

export function send(d: TopologyDocument, serverId: string, mailFrom: string, rcptTo: string[], headerFrom?: string): MessageSimulation {
  return simulateMessage(d, { serverId, mailFrom, rcptTo, headerFrom: headerFrom ?? null });
}

export const outcome = (sim: MessageSimulation, address: string) => {
  const r = sim.recipients.find((x) => x.address.toLowerCase() === address.toLowerCase());
  if (!r) throw new Error(`no outcome for ${address}: ${JSON.stringify(sim.recipients)}`);
  return r;
};
