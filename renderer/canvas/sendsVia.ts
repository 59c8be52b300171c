/**
 * A link drawn from a server's handle to an inbound connector (React Flow's connect gesture): the
 * plan of shared/model/sendsVia.ts, previewed in a confirmation that says exactly what changes,
 * then committed as one undo step — or refused with the reason, in the user's language.
 */
import type { Connection, Edge } from '@xyflow/react';
import { planSendsVia } from '../../shared/model/sendsVia';
import { t } from '../i18n';
import { locateEntity } from '../model/entities';
import { commitValidated, useDocumentStore } from '../store/documentStore';
import { askConfirm, useUiStore } from '../store/uiStore';

/** Only server → inbound connector links are drawable; everything else snaps back. */
export function isSendsViaConnection(c: Connection | Edge): boolean {
  const doc = useDocumentStore.getState().doc;
  const source = c.source ? locateEntity(doc, c.source) : null;
  const target = c.target ? locateEntity(doc, c.target) : null;
  return (source?.kind === 'server' || source?.kind === 'external') && target?.kind === 'inbound';
}

export function onSendsViaConnect(c: Connection): void {
  void sendsVia(c.source, c.target);
}

export async function sendsVia(serverId: string, connectorId: string): Promise<boolean> {
  const doc = useDocumentStore.getState().doc;
  const plan = planSendsVia(doc, serverId, connectorId);
  const server = locateEntity(doc, serverId)?.entity.name ?? serverId;
  const connector = locateEntity(doc, connectorId)?.entity.name ?? connectorId;
  if (!plan.ok) {
    useUiStore.getState().toast('error', t(`sendsVia.refused.${plan.reason}`, { server, connector, ip: 'ip' in plan ? plan.ip : '' }));
    return false;
  }
  const message =
    plan.kind === 'ip' ? t('sendsVia.previewIp', { server, connector, ip: plan.ip }) : t('sendsVia.previewCertificate', { server, connector, name: plan.certificateName });
  if (!(await askConfirm({ title: t('sendsVia.title'), message, confirmLabel: t('sendsVia.apply') }))) return false;
  // The document may have changed while the preview was open: plan again on what is there now.
  const again = planSendsVia(useDocumentStore.getState().doc, serverId, connectorId);
  if (!again.ok) return false;
  const result = commitValidated(again.doc);
  if (result.ok) useUiStore.getState().toast('success', t('sendsVia.done', { server, connector }));
  return result.ok;
}
