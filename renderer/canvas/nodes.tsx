/**
 * Canvas node components, one per kind. Memoised: a node re-renders only when its entity object,
 * its diagnostic summary or its selection changes (the document store keeps untouched entities'
 * identity), which keeps 1,000-node documents responsive.
 *
 * No native title tooltips on names and rows: resting the pointer (or keyboard focus) on a node
 * shows its hover card (renderer/inspector/HoverCard.tsx) with the full name, key settings and
 * diagnostics; the node's accessible name (`ariaLabel`) keeps the full name.
 *
 * Level of detail: below `LOW_DETAIL_ZOOM` a node is a plain box with its name (no icons, badges,
 * chips or monospace rows) — at that zoom the details are unreadable, and the browser's paint and
 * layerize work per frame grows with every element and clip of every node. Each node subscribes to
 * the boolean "zoom < threshold" only, so zooming re-renders nodes only when it crosses it.
 */
import { memo, type ReactNode } from 'react';
import { Handle, Position, useStore, type NodeProps, type NodeTypes, type ReactFlowState } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { SERVER_BACK_HANDLE } from './documentToFlow';
import type {
  DiagnosticSummary,
  InboundData,
  LandmarkData,
  OutboundData,
  RuleData,
  ServerData,
  TenantData,
  ZoneData,
} from './documentToFlow';
import {
  BuildingIcon,
  CertificateIcon,
  FrontDoorIcon,
  GlobeIcon,
  InboundIcon,
  LockIcon,
  OutboundIcon,
  RuleIcon,
  SenderIcon,
  ServerIcon,
  SeverityIcon,
  TenantIcon,
} from './icons';
import { useUiStore } from '../store/uiStore';
import { READABLE_ZOOM } from './viewport';

/** Below this zoom nodes are drawn as plain named boxes (see the file comment). */
export const LOW_DETAIL_ZOOM = 0.45;
const lowDetailSelector = (s: ReactFlowState) => s.transform[2] < LOW_DETAIL_ZOOM;
const unreadableSelector = (s: ReactFlowState) => s.transform[2] < READABLE_ZOOM;
/**
 * True while the canvas shows the low-detail view: zoomed out past the level-of-detail threshold,
 * or — when the user chose to see large designs whole in low detail — below the zoom at which full
 * cards' names are readable (the low-detail names are larger).
 */
export function useLowDetail(): boolean {
  const overview = useUiStore((s) => s.bigDesign === 'lowDetail');
  return useStore(overview ? unreadableSelector : lowDetailSelector);
}

/** The low-detail node: a box in its kind's colour with the name; severity as a class only. */
function LowDetail({ kindClass, title, diagnostic, selected, disabled }: { kindClass: string; title: string; diagnostic: DiagnosticSummary | null; selected: boolean; disabled?: boolean }) {
  return (
    <div className={`mf-lod ${kindClass}${selected ? ' is-selected' : ''}${disabled ? ' is-disabled' : ''}${diagnostic ? ` lod-${diagnostic.severity}` : ''}`}>
      <Handles back={kindClass === 'kind-server' || kindClass === 'kind-external'} link={kindClass === 'kind-outbound' || kindClass === 'kind-server' || kindClass === 'kind-external'} />
      <span className="mf-lod-name">{title}</span>
    </div>
  );
}

function Badge({ summary }: { summary: DiagnosticSummary | null }) {
  const { t } = useTranslation();
  if (!summary) return null;
  return (
    <span
      className={`node-badge severity-${summary.severity}`}
      aria-label={t('canvas.badge', { count: summary.count })}
      data-testid="diagnostic-badge"
    >
      <SeverityIcon severity={summary.severity} size={13} />
      {summary.count}
    </span>
  );
}

function Handles({ back = false, link = back }: { back?: boolean; link?: boolean }) {
  return (
    <>
      {/* A server's right handle starts a "sends via" link, an outbound connector's a "delivers to" link (renderer/canvas/sendsVia.ts); any left handle takes it, the check decides. */}
      <Handle type="target" position={Position.Left} isConnectable={true} className="node-handle" />
      <Handle type="source" position={Position.Right} isConnectable={link} className={`node-handle${link ? ' node-handle-link' : ''}`} />
      {back && <Handle type="target" id={SERVER_BACK_HANDLE} position={Position.Right} isConnectable={false} className="node-handle" />}
    </>
  );
}

function Chips({ items, max, empty }: { items: string[]; max: number; empty?: string }) {
  if (items.length === 0) return empty ? <span className="chip chip-muted">{empty}</span> : null;
  return (
    <>
      {items.slice(0, max).map((item, i) => (
        <span className="chip" key={`${item}-${i}`}>
          {item}
        </span>
      ))}
      {items.length > max && <span className="chip chip-muted">+{items.length - max}</span>}
    </>
  );
}

function Card({
  kindClass,
  icon,
  kindLabel,
  title,
  diagnostic,
  selected,
  disabled,
  back,
  link,
  children,
}: {
  kindClass: string;
  icon: ReactNode;
  kindLabel: string;
  title: string;
  diagnostic: DiagnosticSummary | null;
  selected: boolean;
  disabled?: boolean;
  back?: boolean;
  /** The right handle starts a drawn link (servers and outbound connectors). */
  link?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className={`mf-card ${kindClass}${selected ? ' is-selected' : ''}${disabled ? ' is-disabled' : ''}`}>
      <Handles back={back} link={link ?? back} />
      <div className="mf-card-head">
        <span className="mf-card-icon">{icon}</span>
        <span className="mf-card-titles">
          <span className="mf-card-kind">{kindLabel}</span>
          <span className="mf-card-title">
            {title}
          </span>
        </span>
        <Badge summary={diagnostic} />
      </div>
      {children && <div className="mf-card-body">{children}</div>}
    </div>
  );
}

export const ServerNode = memo(function ServerNode({ data, selected }: NodeProps & { data: ServerData }) {
  const { t } = useTranslation();
  const low = useLowDetail();
  const s = data.entity;
  const external = data.kind === 'external';
  const outOfDate = data.state.outOfDate && (
    <span className="chip chip-danger" data-testid="server-out-of-date" title={t(`canvas.outOfDate.${data.state.outOfDate}`, { version: s.exchange?.version ?? '', date: data.state.asOf })}>
      {t('canvas.outOfDateBadge')}
    </span>
  );
  if (low) return <LowDetail kindClass={external ? 'kind-external' : 'kind-server'} title={s.name} diagnostic={data.diagnostic} selected={selected} />;
  return (
    <Card
      kindClass={external ? 'kind-external' : 'kind-server'}
      icon={external ? <SenderIcon /> : <ServerIcon />}
      kindLabel={t(external ? 'kinds.external' : 'kinds.server')}
      title={s.name}
      diagnostic={data.diagnostic}
      selected={selected}
      back
    >
      <div className="mf-row">
        <span className="mono">{s.ipAddress}</span>
        {s.tls && (
          <span className="chip chip-ok">
            <LockIcon size={11} /> TLS
          </span>
        )}
        {!s.certificate && outOfDate}
      </div>
      {s.certificate && (
        <div className="mf-row" data-testid="server-certificate" data-state={data.state.certificate ?? undefined}>
          <CertificateIcon size={12} />
          <span className="mono ellipsis">{s.certificate.subject}</span>
          {(!s.certificate.trusted || !s.certificate.chainComplete) && <span className="chip chip-warn">{t('canvas.untrusted')}</span>}
          {data.state.certificate && data.state.certificate !== 'valid' && (
            <span
              className={`chip ${data.state.certificate === 'expiring' ? 'chip-warn' : 'chip-danger'}`}
              title={t(`canvas.certState.${data.state.certificate}Hint`, { date: data.state.asOf, notAfter: s.certificate.notAfter ?? '', notBefore: s.certificate.notBefore ?? '', days: data.state.daysLeft ?? 0 })}
            >
              {t(`canvas.certState.${data.state.certificate}`, { count: data.state.daysLeft ?? 0 })}
            </span>
          )}
          {/* On this row the certificate's name gives way, so the badge keeps its words. */}
          {outOfDate}
        </div>
      )}
    </Card>
  );
});

export const TenantNode = memo(function TenantNode({ data, selected }: NodeProps & { data: TenantData }) {
  const { t } = useTranslation();
  const low = useLowDetail();
  const tenant = data.entity;
  const empty = tenant.inboundConnectors.length + tenant.outboundConnectors.length + tenant.transportRules.length === 0;
  if (low) {
    return (
      <div className={`mf-tenant mf-tenant-lod${selected ? ' is-selected' : ''}${data.diagnostic ? ` lod-${data.diagnostic.severity}` : ''}`}>
        <span className="mf-tenant-lod-name">{tenant.name}</span>
      </div>
    );
  }
  return (
    <div className={`mf-tenant${selected ? ' is-selected' : ''}`}>
      <div className="mf-tenant-head">
        <span className="mf-card-icon">
          <TenantIcon />
        </span>
        <span className="mf-card-titles">
          <span className="mf-card-kind">{t('kinds.tenant')}</span>
          <span className="mf-card-title">
            {tenant.name}
          </span>
        </span>
        {tenant.rejectDirectSend && <span className="chip chip-ok">{t('canvas.rejectDirectSend')}</span>}
        {tenant.outboundConnectors.some((c) => c.enabled && c.routeAllMessagesViaOnPremises) && (
          <span className="chip chip-info" data-testid="tenant-centralized" title={t('canvas.centralizedHint')}>
            {t('canvas.centralized')}
          </span>
        )}
        <Badge summary={data.diagnostic} />
      </div>
      <div className="mf-tenant-domains">
        <Chips items={tenant.acceptedDomains.map((d) => (d.domainType === 'InternalRelay' ? `${d.domainName} ↪` : d.domainName))} max={4} empty={t('canvas.noDomains')} />
      </div>
      {empty && <div className="mf-tenant-empty">{t('canvas.dropHere')}</div>}
    </div>
  );
});

export const InboundNode = memo(function InboundNode({ data, selected }: NodeProps & { data: InboundData }) {
  const { t } = useTranslation();
  const low = useLowDetail();
  const c = data.entity;
  if (low) return <LowDetail kindClass="kind-inbound" title={c.name} diagnostic={data.diagnostic} selected={selected} disabled={!c.enabled} />;
  return (
    <Card
      kindClass="kind-inbound"
      icon={<InboundIcon />}
      kindLabel={`${t('kinds.inbound')} · ${t(`enums.connectorTypeShort.${c.connectorType}`)}`}
      title={c.name}
      diagnostic={data.diagnostic}
      selected={selected}
      disabled={!c.enabled}
    >
      <div className="mf-row">
        {c.tlsSenderCertificateName ? (
          <>
            <CertificateIcon size={12} />
            <span className="mono ellipsis">
              {c.tlsSenderCertificateName}
            </span>
          </>
        ) : null}
        {c.senderIPAddresses.length > 0 && (
          <span className="mono ellipsis">
            {c.senderIPAddresses.slice(0, 2).join(', ')}
            {c.senderIPAddresses.length > 2 ? ` +${c.senderIPAddresses.length - 2}` : ''}
          </span>
        )}
        {!c.tlsSenderCertificateName && c.senderIPAddresses.length === 0 && <span className="muted">{t('canvas.noMatch')}</span>}
      </div>
    </Card>
  );
});

export const OutboundNode = memo(function OutboundNode({ data, selected }: NodeProps & { data: OutboundData }) {
  const { t } = useTranslation();
  const low = useLowDetail();
  const c = data.entity;
  if (low) return <LowDetail kindClass="kind-outbound" title={c.name} diagnostic={data.diagnostic} selected={selected} disabled={!c.enabled} />;
  const route = c.useMXRecord ? 'MX' : c.smartHosts.join(', ') || t('canvas.noSmartHost');
  const scope = c.allAcceptedDomains ? t('canvas.allAcceptedDomains') : c.recipientDomains.join(', ') || t('canvas.noRecipientDomains');
  return (
    <Card
      kindClass="kind-outbound"
      link
      icon={<OutboundIcon />}
      kindLabel={`${t('kinds.outbound')} · ${t(`enums.connectorTypeShort.${c.connectorType}`)}`}
      title={c.name}
      diagnostic={data.diagnostic}
      selected={selected}
      disabled={!c.enabled}
    >
      <div className="mf-row">
        <span className="ellipsis">
          {scope}
        </span>
        <span className="muted">→</span>
        <span className="mono ellipsis">
          {route}
        </span>
      </div>
    </Card>
  );
});

export const RuleNode = memo(function RuleNode({ data, selected }: NodeProps & { data: RuleData }) {
  const { t } = useTranslation();
  const low = useLowDetail();
  const r = data.entity;
  if (low) return <LowDetail kindClass="kind-rule" title={r.name} diagnostic={data.diagnostic} selected={selected} disabled={!r.enabled} />;
  const a = r.actions;
  const action =
    a.rejectMessageEnhancedStatusCode || a.rejectMessageReasonText
      ? `${t('canvas.action.reject')} ${a.rejectMessageEnhancedStatusCode ?? '5.7.1'}`
      : a.deleteMessage
        ? t('canvas.action.delete')
        : (a.redirectMessageTo?.length ?? 0) > 0
          ? t('canvas.action.redirect')
          : a.setHeaderName
            ? `${t('canvas.action.header')} ${a.setHeaderName}`
            : t('canvas.action.stop');
  return (
    <Card
      kindClass="kind-rule"
      icon={<RuleIcon />}
      kindLabel={`${t('kinds.rule')} · ${t('canvas.priority', { priority: r.priority })}`}
      title={r.name}
      diagnostic={data.diagnostic}
      selected={selected}
      disabled={!r.enabled}
    >
      <div className="mf-row">
        <span className="ellipsis">{action}</span>
        {r.actions.stopRuleProcessing && <span className="chip chip-muted">{t('canvas.stop')}</span>}
      </div>
    </Card>
  );
});

export const FrontDoorNode = memo(function FrontDoorNode({ data }: NodeProps & { data: LandmarkData }) {
  const { t } = useTranslation();
  const low = useLowDetail();
  if (low) return <LowDetail kindClass="mf-landmark-lod kind-frontdoor" title={data.label} diagnostic={null} selected={false} />;
  return (
    <div className="mf-landmark kind-frontdoor">
      <Handles />
      <FrontDoorIcon size={22} />
      <span>
        <strong>{data.label}</strong>
        <small>{t('canvas.frontDoorHint')}</small>
      </span>
    </div>
  );
});

export const InternetNode = memo(function InternetNode({ data }: NodeProps & { data: LandmarkData }) {
  const { t } = useTranslation();
  const low = useLowDetail();
  if (low) return <LowDetail kindClass="mf-landmark-lod kind-internet" title={data.label} diagnostic={null} selected={false} />;
  return (
    <div className="mf-landmark kind-internet">
      <Handles />
      <GlobeIcon size={22} />
      <span>
        <strong>{data.label}</strong>
        <small>{t('canvas.internetHint')}</small>
      </span>
    </div>
  );
});

export const ZoneNode = memo(function ZoneNode({ data }: NodeProps & { data: ZoneData }) {
  const { t } = useTranslation();
  const low = useLowDetail();
  return (
    <div className={`mf-zone zone-${data.zone}${low || data.large ? ' mf-zone-lod' : ''}`}>
      <div className="mf-zone-label">
        {data.zone === 'exo' ? <TenantIcon size={16} /> : <BuildingIcon size={16} />}
        {data.label}
      </div>
      {data.empty && (
        <div
          className="mf-zone-empty"
          // The layout gives the hint its own place beside the front door, so the two never overlap.
          style={data.hint ? { inset: 'auto', left: data.hint.x, top: data.hint.y, width: data.hint.w, height: data.hint.h } : undefined}
        >
          {t(data.zone === 'exo' ? 'canvas.emptyExo' : 'canvas.emptyOnPrem')}
        </div>
      )}
      {data.zone === 'onprem' && <Handle type="target" id="outbound-target" position={Position.Right} isConnectable={false} className="node-handle" />}
    </div>
  );
});

export const nodeTypes: NodeTypes = {
  server: ServerNode,
  external: ServerNode,
  tenant: TenantNode,
  inbound: InboundNode,
  outbound: OutboundNode,
  rule: RuleNode,
  frontDoor: FrontDoorNode,
  internet: InternetNode,
  zone: ZoneNode,
} as unknown as NodeTypes;
