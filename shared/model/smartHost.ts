/**
 * "Delivers to" links drawn on the canvas: an outbound connector dragged onto a server means "this
 * connector delivers to that server", i.e. the server is one of the connector's smart hosts. The
 * sibling of sendsVia.ts (the inbound direction): the edit is planned here (pure), previewed in
 * words by the designer and committed as one undo step; where it cannot work the plan says why.
 *
 * Exchange Online's rules this follows:
 * - SmartHosts takes a host's FQDN or an IP address, and is required when UseMxRecord is $false
 *   (learn.microsoft.com/powershell/module/exchange/set-outboundconnector, SmartHosts and
 *   UseMxRecord). "The EOP outbound connector (type is on-premises) will need a smart host … you
 *   can enter either an IP or a Fully Qualified Domain Name" (learn.microsoft.com/archive/blogs/
 *   eopfieldnotes/outbound-connector-smart-host-behavior).
 * - Exchange Online connects to the smart host from its own public addresses over the Internet (TCP
 *   25), so the name or address must be one the Internet can reach: a private address cannot be.
 * - ConnectorType OnPremises is "your organization's email server"; Partner is a partner
 *   organization. Microsoft warns that applying the on-premises steps to a partner's service (and
 *   the reverse) has "unintended consequences including email delivery failure"
 *   (learn.microsoft.com/exchange/mail-flow-best-practices/use-connectors-to-configure-mail-flow/
 *   set-up-connectors-to-route-mail), and the engine treats a Partner connector's smart host as a
 *   partner on the Internet, not as the organization's own server — so such a link is refused.
 * - For a hybrid connector Exchange Online checks the certificate the smart host presents against
 *   the name it connected to (TlsSettings DomainValidation), so the server's certificate name is
 *   preferred to its IP address (shared/diagram/route.ts `receivingServer` reads it the same way).
 */
import type { OutboundConnector, Server, TopologyDocument } from './schema';
import { locateEntity, replaceEntity } from './edit';
import { isPrivateIpv4 } from './sendsVia';

export type SmartHostRefusal =
  | { reason: 'notOutbound' }
  | { reason: 'notServer' }
  /** A Partner connector for the organization's own (on-premises) server. */
  | { reason: 'partnerToOnPremises' }
  /** An OnPremises connector for a server of another organization. */
  | { reason: 'onPremisesToExternal' }
  /** No certificate name and only a private address: Exchange Online cannot reach it. */
  | { reason: 'noPublicName'; ip: string }
  | { reason: 'alreadyListed'; host: string };

export type SmartHostPlan =
  | {
      ok: true;
      /** The FQDN or IP address added. */
      host: string;
      /** `name`: the server's certificate name; `ip`: its public address. */
      via: 'name' | 'ip';
      connectorId: string;
      /** The connector used MX routing and is switched to smart-host routing (UseMxRecord $false). */
      switchesFromMx: boolean;
      /** Smart hosts the connector keeps besides the new one. */
      kept: string[];
      doc: TopologyDocument;
    }
  | ({ ok: false } & SmartHostRefusal);

/** The name a smart host entry can use for the server: its certificate's first concrete (not wildcard) name. */
export function publicName(server: Server): string | null {
  const c = server.certificate;
  if (!c) return null;
  return [c.subject, ...c.subjectAlternativeNames].find((n) => n && !n.startsWith('*')) ?? null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function planSmartHost(doc: TopologyDocument, connectorId: string, serverId: string): SmartHostPlan {
  const source = locateEntity(doc, connectorId);
  if (!source || source.kind !== 'outbound') return { ok: false, reason: 'notOutbound' };
  const target = locateEntity(doc, serverId);
  if (!target || (target.kind !== 'server' && target.kind !== 'external')) return { ok: false, reason: 'notServer' };
  const connector: OutboundConnector = source.entity;
  const server: Server = target.entity;
  if (connector.connectorType === 'Partner' && server.role === 'onPremises') return { ok: false, reason: 'partnerToOnPremises' };
  if (connector.connectorType === 'OnPremises' && server.role === 'external') return { ok: false, reason: 'onPremisesToExternal' };
  const name = publicName(server);
  const ip = server.ipAddress;
  const host = name ?? (isPrivateIpv4(ip) ? null : ip);
  if (!host) return { ok: false, reason: 'noPublicName', ip };
  const switchesFromMx = connector.useMXRecord;
  // Already a smart host, by name or by address: nothing to add (unless MX routing hid it).
  if (!switchesFromMx && connector.smartHosts.some((h) => same(h, host) || same(h, ip) || (name !== null && same(h, name)))) {
    return { ok: false, reason: 'alreadyListed', host };
  }
  // MX routing ignores the smart hosts: switching to smart-host routing starts from this one.
  const kept = switchesFromMx ? [] : connector.smartHosts;
  const next: OutboundConnector = { ...connector, useMXRecord: false, smartHosts: [...kept, host] };
  return { ok: true, host, via: name ? 'name' : 'ip', connectorId, switchesFromMx, kept, doc: replaceEntity(doc, connectorId, next) };
}
