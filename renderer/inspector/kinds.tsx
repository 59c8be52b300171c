/**
 * One descriptor per entity kind (a light form of tldraw's ShapeUtil): its palette entry, icon,
 * words, colour, canvas node type, factory and inspector field list. The palette and the inspector
 * read these instead of switching on the kind; the canvas node components stay in canvas/nodes.tsx
 * and are named here by `nodeType`.
 */
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONNECTOR_TYPES,
  DOMAIN_TYPES,
  SCOPES,
  SERVER_ROLES,
  type AcceptedDomain,
  type InboundConnector,
  type OutboundConnector,
  type RuleConditions,
  type RuleExceptions,
  type Server,
  type Tenant,
  type TopologyDocument,
  type TransportRule,
} from '../../shared/model/schema';
import { addEntity } from '../actions/editing';
import { InboundIcon, OutboundIcon, RuleIcon, SenderIcon, ServerIcon, TenantIcon } from '../canvas/icons';
import { createChild, createServer, createTenant, isIncompleteRule, type EntityKind } from '../model/entities';
import { ruleActions, setRuleAction } from './ruleActions';
import { useDocumentStore } from '../store/documentStore';
import { TextField, CheckboxField, SelectField, type CommitOutcome } from './fields';
import { Counts, NAME_FIELD, checkProp, enumProp, listProp, textProp, withOptional, type FieldSpec, type SectionSpec } from './spec';
import { nonNegativeInteger, validators } from './validation';
import { commentField, OUTBOUND_V2_FIELDS, RULE_ACTION_V2_FIELDS, RULE_CONDITION_V2_FIELDS, SERVER_CERTIFICATE_DATES, SERVER_V2_FIELDS, TENANT_V2_FIELDS } from './formatTwoFields';

export type PaletteSection = 'onprem' | 'exo' | 'internet';

export interface KindDescriptor<E> {
  kind: EntityKind;
  palette: { section: PaletteSection };
  icon: ComponentType<{ size?: number }>;
  /** i18n keys: the kind's name and the palette hint. */
  labelKey: string;
  hintKey: string;
  /** CSS colour variable of the kind (palette icon, inspector dot, node accent). */
  color: string;
  /** The canvas node component (renderer/canvas/nodes.tsx `nodeTypes`). */
  nodeType: string;
  /** A new entity with valid defaults (a connector or rule needs its tenant). */
  create(doc: TopologyDocument, tenant: Tenant | null): E | null;
  sections: ReadonlyArray<SectionSpec<E>>;
}

const domainList = validators.domain;
const orNone = (values: string[]) => (values.length ? values : undefined);

// ------------------------------------------------------------------ tenant

function AcceptedDomains({ tenant, save }: { tenant: Tenant; save(next: Tenant): CommitOutcome }) {
  const { t } = useTranslation();
  const types = DOMAIN_TYPES.map((value) => ({ value, label: t(`enums.domainType.${value}`, { defaultValue: value }) }));
  const setDomain = (index: number, next: AcceptedDomain | null) =>
    save({
      ...tenant,
      acceptedDomains: next === null ? tenant.acceptedDomains.filter((_, i) => i !== index) : tenant.acceptedDomains.map((d, i) => (i === index ? next : d)),
    });
  return (
    <>
      {tenant.acceptedDomains.map((d, i) => (
        <div className="domain-row" key={`${i}-${d.domainName}`}>
          <TextField label={t('fields.domainName')} fieldKey={`domain-${i}`} value={d.domainName} mono validate={validators.domain} onCommit={(domainName) => setDomain(i, { ...d, domainName })} />
          <SelectField
            label={t('fields.domainType')}
            value={d.domainType}
            options={types}
            onCommit={(domainType) => setDomain(i, { ...d, domainType, matchSubDomains: domainType === 'InternalRelay' ? d.matchSubDomains : false })}
          />
          <CheckboxField
            label={t('fields.matchSubDomains')}
            checked={d.matchSubDomains}
            disabled={d.domainType !== 'InternalRelay'}
            hint={d.domainType !== 'InternalRelay' ? t('hints.matchSubDomains') : undefined}
            onCommit={(matchSubDomains) => setDomain(i, { ...d, matchSubDomains })}
          />
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setDomain(i, null)} aria-label={t('inspector.removeDomain', { domain: d.domainName })}>
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          const taken = new Set(useDocumentStore.getState().doc.tenants.flatMap((x) => x.acceptedDomains.map((d) => d.domainName.toLowerCase())));
          let n = tenant.acceptedDomains.length + 1;
          let name = `domain${n}.${tenant.id}.example`;
          while (taken.has(name)) name = `domain${++n}.${tenant.id}.example`;
          save({ ...tenant, acceptedDomains: [...tenant.acceptedDomains, { domainName: name, domainType: 'Authoritative', matchSubDomains: false }] });
        }}
      >
        {t('inspector.addDomain')}
      </button>
    </>
  );
}

function TenantContents({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation();
  return (
    <>
      <Counts
        items={[
          ['inbound', tenant.inboundConnectors.length],
          ['outbound', tenant.outboundConnectors.length],
          ['mailFlowRule', tenant.transportRules.length],
        ]}
      />
      <div className="button-row">
        {(['inbound', 'outbound', 'rule'] as const).map((kind) => (
          <button key={kind} type="button" className="btn btn-small" onClick={() => addEntity(kind, { tenantId: tenant.id })}>
            + {t(`kinds.${kind}`)}
          </button>
        ))}
      </div>
    </>
  );
}

const custom = <E,>(key: string, render: (e: E, save: (next: E) => CommitOutcome) => ReactNode): FieldSpec<E> => ({ type: 'custom', key, render });

const tenantSections: ReadonlyArray<SectionSpec<Tenant>> = [
  { title: 'inspector.general', fields: [{ type: 'id', key: 'id' }, textProp<Tenant>('name', NAME_FIELD), checkProp<Tenant>('rejectDirectSend', { hint: 'hints.rejectDirectSend' })] },
  { title: 'fields.acceptedDomains', fields: [custom<Tenant>('acceptedDomains', (tenant, save) => <AcceptedDomains tenant={tenant} save={save} />)] },
  { title: 'fields.recipients', fields: [listProp<Tenant>('recipients', { validate: validators.email, hint: 'hints.recipients' })] },
  { title: 'inspector.contents', fields: [custom<Tenant>('contents', (tenant) => <TenantContents tenant={tenant} />)] },
  { title: 'inspector.more', fields: TENANT_V2_FIELDS },
];

// ------------------------------------------------------------------ connectors

/** Id, name, type and enabled: the same four fields head both kinds of connector. */
function connectorGeneral<C extends InboundConnector | OutboundConnector>(typeHint: string): SectionSpec<C> {
  return {
    title: 'inspector.general',
    fields: [
      { type: 'id', key: 'id' },
      { ...NAME_FIELD, get: (c: C) => c.name, set: (c: C, name: string) => ({ ...c, name }) },
      {
        type: 'select',
        key: 'connectorType',
        hint: typeHint,
        get: (c) => c.connectorType,
        set: (c, v) => ({ ...c, connectorType: v as C['connectorType'] }),
        options: (t) => CONNECTOR_TYPES.map((value) => ({ value, label: t(`enums.connectorType.${value}`, { defaultValue: value }) })),
      },
      { type: 'check', key: 'enabled', get: (c) => c.enabled, set: (c, enabled) => ({ ...c, enabled }) },
    ],
  };
}

const inboundSections: ReadonlyArray<SectionSpec<InboundConnector>> = [
  connectorGeneral<InboundConnector>('hints.inboundType'),
  {
    title: 'inspector.identifySender',
    fields: [
      listProp<InboundConnector>('senderIPAddresses', { validate: validators.ipv4OrCidr, placeholder: '203.0.113.10\n198.51.100.0/24', testId: 'field-senderIPAddresses' }),
      {
        type: 'text',
        key: 'tlsSenderCertificateName',
        get: (c) => c.tlsSenderCertificateName ?? '',
        set: (c, v) => ({ ...c, tlsSenderCertificateName: v === '' ? null : v }),
        validate: (v) => validators.domainOrWildcard(v),
        mono: true,
        optional: true,
        placeholder: '*.contoso.com',
        hint: 'hints.tlsSenderCertificateName',
      },
      checkProp<InboundConnector>('requireTls'),
    ],
  },
  {
    title: 'inspector.partnerRestrictions',
    fields: [
      checkProp<InboundConnector>('restrictDomainsToIPAddresses'),
      checkProp<InboundConnector>('restrictDomainsToCertificate'),
      listProp<InboundConnector>('senderDomains', { validate: validators.domainPattern, hint: 'hints.senderDomains' }),
    ],
  },
  { title: 'inspector.more', fields: [commentField<InboundConnector>()] },
];

const outboundSections: ReadonlyArray<SectionSpec<OutboundConnector>> = [
  connectorGeneral<OutboundConnector>('hints.outboundType'),
  {
    title: 'inspector.routing',
    fields: [
      listProp<OutboundConnector>('recipientDomains', { validate: validators.domainPattern, hint: 'hints.recipientDomains' }),
      checkProp<OutboundConnector>('allAcceptedDomains'),
      checkProp<OutboundConnector>('useMXRecord'),
      listProp<OutboundConnector>('smartHosts', { validate: validators.smartHost }),
      checkProp<OutboundConnector>('routeAllMessagesViaOnPremises', { hint: 'hints.routeAllMessagesViaOnPremises' }),
    ],
  },
  { title: 'inspector.tlsAndScope', fields: OUTBOUND_V2_FIELDS },
];

// ------------------------------------------------------------------ rules

const scopeOptions = (t: (k: string) => string) => [{ value: '', label: t('enums.any') }, ...SCOPES.map((s) => ({ value: s, label: t(`enums.scope.${s}`) }))];

function conditionScope(key: 'sentToScope' | 'fromScope'): FieldSpec<TransportRule> {
  return {
    type: 'select',
    key,
    get: (r) => r.conditions[key] ?? '',
    set: (r, v) => ({ ...r, conditions: withOptional(r.conditions, key, (v || undefined) as RuleConditions[typeof key]) }),
    options: (t) => scopeOptions(t),
  };
}
function conditionList(key: 'recipientDomainIs' | 'senderDomainIs'): FieldSpec<TransportRule> {
  return { type: 'list', key, validate: domainList, get: (r) => r.conditions[key] ?? [], set: (r, v) => ({ ...r, conditions: withOptional(r.conditions, key, orNone(v)) }) };
}
function exceptionList(key: keyof RuleExceptions): FieldSpec<TransportRule> {
  return {
    type: 'list',
    key,
    validate: domainList,
    get: (r) => r.exceptions?.[key] ?? [],
    set: (r, v) => {
      const next = withOptional(r.exceptions ?? {}, key, orNone(v));
      return withOptional(r, 'exceptions', Object.keys(next).length ? next : undefined);
    },
  };
}
function actionText(key: 'rejectMessageReasonText' | 'rejectMessageEnhancedStatusCode' | 'setHeaderName' | 'setHeaderValue', opts: Partial<Extract<FieldSpec<TransportRule>, { type: 'text' }>> = {}): FieldSpec<TransportRule> {
  return { type: 'text', key, optional: true, get: (r) => ruleActions(r)[key] ?? '', set: (r, v) => setRuleAction(r, key, v || undefined), ...opts };
}
function actionCheck(key: 'deleteMessage' | 'stopRuleProcessing'): FieldSpec<TransportRule> {
  return { type: 'check', key, get: (r) => ruleActions(r)[key] ?? false, set: (r, v) => setRuleAction(r, key, v || undefined) };
}

function IncompleteNotice() {
  const { t } = useTranslation();
  return (
    <div className="inspector-notice" role="status" data-testid="rule-incomplete">
      <strong>{t('inspector.ruleIncomplete')}</strong>
      <p>{t('inspector.ruleIncompleteText')}</p>
    </div>
  );
}

const ruleSections: ReadonlyArray<SectionSpec<TransportRule>> = [
  {
    title: 'inspector.general',
    fields: [
      { type: 'id', key: 'id' },
      textProp<TransportRule>('name', NAME_FIELD),
      {
        type: 'text',
        key: 'priority',
        mono: true,
        hint: 'hints.priority',
        get: (r) => String(r.priority),
        set: (r, v) => ({ ...r, priority: Number(v) }),
        validate: (v) => nonNegativeInteger(100_000)(v),
      },
      checkProp<TransportRule>('enabled', { disabledHint: (r) => (isIncompleteRule(r) ? 'inspector.ruleEnableNeedsAction' : null) }),
    ],
  },
  { title: 'inspector.conditions', note: 'hints.conditions', fields: [conditionScope('sentToScope'), conditionList('recipientDomainIs'), conditionList('senderDomainIs'), conditionScope('fromScope'), ...RULE_CONDITION_V2_FIELDS] },
  { title: 'inspector.exceptions', fields: [exceptionList('exceptIfRecipientDomainIs'), exceptionList('exceptIfSenderDomainIs')] },
  {
    title: 'inspector.actions',
    note: 'hints.actions',
    fields: [
      custom<TransportRule>('incomplete', (r) => (isIncompleteRule(r) ? <IncompleteNotice /> : null)),
      actionText('rejectMessageReasonText'),
      actionText('rejectMessageEnhancedStatusCode', { mono: true, placeholder: '5.7.1', validate: (v) => validators.rejectStatusCode(v), hint: 'hints.statusCode' }),
      actionCheck('deleteMessage'),
      {
        type: 'list',
        key: 'redirectMessageTo',
        validate: validators.email,
        get: (r) => ruleActions(r).redirectMessageTo ?? [],
        set: (r, v) => setRuleAction(r, 'redirectMessageTo', orNone(v)),
      },
      actionText('setHeaderName', { mono: true, validate: (v) => validators.headerName(v) }),
      // A value needs a name: said beside the field, before anything is committed.
      actionText('setHeaderValue', { validate: (v, r) => (v !== '' && !ruleActions(r).setHeaderName ? { key: 'refusal.headerNeedsName' } : null) }),
      actionCheck('stopRuleProcessing'),
      ...RULE_ACTION_V2_FIELDS,
    ],
  },
  { title: 'inspector.more', fields: [commentField<TransportRule>()] },
];

// ------------------------------------------------------------------ servers

const certificateOf = (s: Server) => s.certificate ?? { subject: '', subjectAlternativeNames: [], trusted: true, chainComplete: true };
const withCertificate = (s: Server, patch: Partial<NonNullable<Server['certificate']>>): Server => ({ ...s, certificate: { ...certificateOf(s), ...patch } });
const hasCertificate = (s: Server) => s.certificate !== null;

const serverSections: ReadonlyArray<SectionSpec<Server>> = [
  {
    title: 'inspector.general',
    fields: [
      { type: 'id', key: 'id' },
      textProp<Server>('name', NAME_FIELD),
      enumProp<Server>('role', SERVER_ROLES, 'enums.role'),
      textProp<Server>('ipAddress', { mono: true, validate: (v) => validators.ipv4(v), testId: 'field-ipAddress' }),
      checkProp<Server>('tls'),
      ...SERVER_V2_FIELDS,
    ],
  },
  {
    title: 'fields.certificate',
    fields: [
      {
        type: 'check',
        key: 'presentsCertificate',
        label: 'inspector.presentsCertificate',
        get: hasCertificate,
        set: (s, on) => ({ ...s, certificate: on ? { subject: `mail.${s.id}.example`, subjectAlternativeNames: [], trusted: true, chainComplete: true } : null }),
      },
      { type: 'text', key: 'subject', mono: true, when: hasCertificate, validate: (v) => validators.domainOrWildcard(v), get: (s) => certificateOf(s).subject, set: (s, subject) => withCertificate(s, { subject }) },
      {
        type: 'list',
        key: 'subjectAlternativeNames',
        when: hasCertificate,
        validate: validators.domainOrWildcard,
        get: (s) => certificateOf(s).subjectAlternativeNames,
        set: (s, subjectAlternativeNames) => withCertificate(s, { subjectAlternativeNames }),
      },
      { type: 'check', key: 'trusted', hint: 'hints.trusted', when: hasCertificate, get: (s) => certificateOf(s).trusted, set: (s, trusted) => withCertificate(s, { trusted }) },
      { type: 'check', key: 'chainComplete', hint: 'hints.chainComplete', when: hasCertificate, get: (s) => certificateOf(s).chainComplete, set: (s, chainComplete) => withCertificate(s, { chainComplete }) },
      ...SERVER_CERTIFICATE_DATES,
    ],
  },
];

// ------------------------------------------------------------------ the descriptors

/** The entity type of each kind. */
export interface EntityOf {
  tenant: Tenant;
  server: Server;
  external: Server;
  inbound: InboundConnector;
  outbound: OutboundConnector;
  rule: TransportRule;
}

type Descriptors = { [K in EntityKind]: KindDescriptor<EntityOf[K]> };

const serverKind = <K extends 'server' | 'external'>(kind: K, role: Server['role'], section: PaletteSection, icon: KindDescriptor<Server>['icon'], color: string): KindDescriptor<Server> => ({
  kind,
  palette: { section },
  icon,
  labelKey: `kinds.${kind}`,
  hintKey: `palette.hint.${kind}`,
  color,
  nodeType: kind,
  create: (doc) => createServer(doc, role),
  sections: serverSections,
});

/** A kind that lives in a tenant: the same shape for connectors and rules. */
const childKind = <K extends 'inbound' | 'outbound' | 'rule'>(kind: K, icon: KindDescriptor<EntityOf[K]>['icon'], color: string, sections: ReadonlyArray<SectionSpec<EntityOf[K]>>): KindDescriptor<EntityOf[K]> => ({
  kind,
  palette: { section: 'exo' },
  icon,
  labelKey: `kinds.${kind}`,
  hintKey: `palette.hint.${kind}`,
  color,
  nodeType: kind,
  create: (doc, tenant) => (tenant ? (createChild(doc, kind, tenant) as EntityOf[K]) : null),
  sections,
});

export const KINDS: Descriptors = {
  server: serverKind('server', 'onPremises', 'onprem', ServerIcon, '--mf-server'),
  tenant: {
    kind: 'tenant',
    palette: { section: 'exo' },
    icon: TenantIcon,
    labelKey: 'kinds.tenant',
    hintKey: 'palette.hint.tenant',
    color: '--mf-accent',
    nodeType: 'tenant',
    create: (doc) => createTenant(doc),
    sections: tenantSections,
  },
  inbound: childKind('inbound', InboundIcon, '--mf-inbound', inboundSections),
  outbound: childKind('outbound', OutboundIcon, '--mf-outbound', outboundSections),
  rule: childKind('rule', RuleIcon, '--mf-rule', ruleSections),
  external: serverKind('external', 'external', 'internet', SenderIcon, '--mf-external'),
};

export const PALETTE_SECTIONS: readonly PaletteSection[] = ['onprem', 'exo', 'internet'];
/** What the palette needs of a kind. */
export type PaletteEntry = Pick<KindDescriptor<unknown>, 'kind' | 'palette' | 'icon' | 'labelKey' | 'hintKey' | 'color'>;
/** Palette order: the kinds in the order above. */
export const KIND_LIST: readonly PaletteEntry[] = Object.values(KINDS);
