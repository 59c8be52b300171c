/**
 * Links drawn on the canvas (React Flow's connect gesture), each meaning a setting:
 * - a server's handle dropped on an inbound connector: "sends via" (shared/model/sendsVia.ts — the
 *   server's IP or certificate name added to the connector);
 * - an outbound connector's handle dropped on a server: "delivers to" (shared/model/smartHost.ts —
 *   the server's name or public IP added to the connector's smart hosts).
 * Each plan is previewed in a confirmation that says exactly what changes, then committed as one
 * undo step — or refused with the reason, in the user's language.
 */
import type { Connection, Edge } from '@xyflow/react';
import { planSendsVia } from '../../shared/model/sendsVia';
import { planSmartHost, type SmartHostPlan } from '../../shared/model/smartHost';
import type { TopologyDocument } from '../../shared/model/schema';
import { t } from '../i18n';
import { locateEntity } from '../model/entities';
import { commitValidated, useDocumentStore } from '../store/documentStore';
import { askConfirm, useUiStore } from '../store/uiStore';

const isServerKind = (kind: string | undefined) => kind === 'server' || kind === 'external';

/** Server → inbound connector and outbound connector → server links are drawable; everything else snaps back. */
export function isSendsViaConnection(c: Connection | Edge): boolean {
  const doc = useDocumentStore.getState().doc;
  const source = c.source ? locateEntity(doc, c.source) : null;
  const target = c.target ? locateEntity(doc, c.target) : null;
  return (isServerKind(source?.kind) && target?.kind === 'inbound') || (source?.kind === 'outbound' && isServerKind(target?.kind));
}

export function onSendsViaConnect(c: Connection): void {
  const source = locateEntity(useDocumentStore.getState().doc, c.source);
  if (source?.kind === 'outbound') void deliversTo(c.source, c.target);
  else void sendsVia(c.source, c.target);
}

const nameOf = (id: string) => locateEntity(useDocumentStore.getState().doc, id)?.entity.name ?? id;

/** Shows the preview, then commits what `replan` gives on the document as it is then (it may have changed meanwhile). */
async function previewAndCommit(title: string, message: string, apply: string, replan: () => { ok: true; doc: TopologyDocument } | { ok: false }, done: string): Promise<boolean> {
  if (!(await askConfirm({ title, message, confirmLabel: apply }))) return false;
  const again = replan();
  if (!again.ok) return false;
  const result = commitValidated(again.doc);
  if (result.ok) useUiStore.getState().toast('success', done);
  return result.ok;
}

export async function sendsVia(serverId: string, connectorId: string): Promise<boolean> {
  const plan = planSendsVia(useDocumentStore.getState().doc, serverId, connectorId);
  const server = nameOf(serverId);
  const connector = nameOf(connectorId);
  if (!plan.ok) {
    useUiStore.getState().toast('error', t(`sendsVia.refused.${plan.reason}`, { server, connector, ip: 'ip' in plan ? plan.ip : '' }));
    return false;
  }
  const message =
    plan.kind === 'ip' ? t('sendsVia.previewIp', { server, connector, ip: plan.ip }) : t('sendsVia.previewCertificate', { server, connector, name: plan.certificateName });
  return previewAndCommit(t('sendsVia.title'), message, t('sendsVia.apply'), () => planSendsVia(useDocumentStore.getState().doc, serverId, connectorId), t('sendsVia.done', { server, connector }));
}

/** The words of a smart host plan's preview: what is added, what stays, and a switch from MX routing. */
export function smartHostPreview(plan: Extract<SmartHostPlan, { ok: true }>, server: string, connector: string): string {
  const words = { server, connector, host: plan.host };
  const parts = [t(plan.via === 'name' ? 'smartHostLink.previewName' : 'smartHostLink.previewIp', words)];
  if (plan.switchesFromMx) parts.push(t('smartHostLink.switchesFromMx', words));
  else if (plan.kept.length) parts.push(t('smartHostLink.kept', { hosts: plan.kept.join(', ') }));
  return parts.join(' ');
}

export async function deliversTo(connectorId: string, serverId: string): Promise<boolean> {
  const plan = planSmartHost(useDocumentStore.getState().doc, connectorId, serverId);
  const server = nameOf(serverId);
  const connector = nameOf(connectorId);
  if (!plan.ok) {
    useUiStore.getState().toast('error', t(`smartHostLink.refused.${plan.reason}`, { server, connector, ip: 'ip' in plan ? plan.ip : '', host: 'host' in plan ? plan.host : '' }));
    return false;
  }
  return previewAndCommit(
    t('smartHostLink.title'),
    smartHostPreview(plan, server, connector),
    t('smartHostLink.apply'),
    () => planSmartHost(useDocumentStore.getState().doc, connectorId, serverId),
    t('smartHostLink.done', { server, connector, host: plan.host }),
  );
}
