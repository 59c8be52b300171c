/**
 * "Sends via" links drawn on the canvas: a server dragged onto an inbound connector means "this
 * server sends through that connector". The edit that makes it true — the server's IP added to the
 * connector's senderIPAddresses, or, for a certificate connector, the server's certificate name —
 * is planned here (pure), previewed by the designer, and committed as one undo step. Where it
 * cannot work the plan says why instead.
 */
import { ipv4ToInt, parseIpv4Range } from './net';
import type { InboundConnector, TopologyDocument } from './schema';
import { locateEntity, replaceEntity } from './edit';

export type SendsViaRefusal =
  | { reason: 'notServer' }
  | { reason: 'notInbound' }
  /** A Partner connector is for a partner organization's servers, not the organization's own. */
  | { reason: 'partnerForOnPremises' }
  /** Exchange Online takes only public addresses on a connector. */
  | { reason: 'privateAddress'; ip: string }
  | { reason: 'alreadyListed'; ip: string }
  | { reason: 'noCertificate' };

export type SendsViaPlan =
  | { ok: true; kind: 'ip'; ip: string; connectorId: string; doc: TopologyDocument }
  | { ok: true; kind: 'certificate'; certificateName: string; connectorId: string; doc: TopologyDocument }
  | ({ ok: false } & SendsViaRefusal);

// RFC 1918, loopback, link-local and CGNAT: not routable on the Internet, so never the address
// Exchange Online sees a connection from. New-InboundConnector's SenderIPAddresses: "You can't
// specify private IP addresses" (learn.microsoft.com/powershell/module/exchange/new-inboundconnector).
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16', '100.64.0.0/10'].flatMap((c) => parseIpv4Range(c) ?? []);

export function isPrivateIpv4(ip: string): boolean {
  const n = ipv4ToInt(ip);
  return n !== null && PRIVATE.some((r) => n >= r.start && n <= r.end);
}

const usesCertificate = (c: InboundConnector) => !!c.tlsSenderCertificateName && c.senderIPAddresses.length === 0;

export function planSendsVia(doc: TopologyDocument, serverId: string, connectorId: string): SendsViaPlan {
  const server = locateEntity(doc, serverId);
  if (!server || (server.kind !== 'server' && server.kind !== 'external')) return { ok: false, reason: 'notServer' };
  const target = locateEntity(doc, connectorId);
  if (!target || target.kind !== 'inbound') return { ok: false, reason: 'notInbound' };
  const connector = target.entity;
  if (server.entity.role === 'onPremises' && connector.connectorType === 'Partner') return { ok: false, reason: 'partnerForOnPremises' };
  if (usesCertificate(connector)) {
    const name = server.entity.certificate?.subject;
    if (!name) return { ok: false, reason: 'noCertificate' };
    return { ok: true, kind: 'certificate', certificateName: name, connectorId, doc: replaceEntity(doc, connectorId, { ...connector, tlsSenderCertificateName: name }) };
  }
  const ip = server.entity.ipAddress;
  if (isPrivateIpv4(ip)) return { ok: false, reason: 'privateAddress', ip };
  const n = ipv4ToInt(ip);
  const listed = connector.senderIPAddresses.some((entry) => {
    const r = parseIpv4Range(entry);
    return r !== null && n !== null && n >= r.start && n <= r.end;
  });
  if (listed) return { ok: false, reason: 'alreadyListed', ip };
  return { ok: true, kind: 'ip', ip, connectorId, doc: replaceEntity(doc, connectorId, { ...connector, senderIPAddresses: [...connector.senderIPAddresses, ip] }) };
}
