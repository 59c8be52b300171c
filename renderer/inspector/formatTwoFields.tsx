/**
 * Inspector fields of document format 2 (issue 14): TLS and certificate dates, the Exchange version
 * of a server, a tenant's enforcement pause, outbound connector TLS and rule scoping, a rule's
 * sender address location and connector routing, what the import kept but the model does not
 * simulate, comments, and the service settings that version 2 added. kinds.tsx and Inspector.tsx
 * put these lists in their sections.
 */
import { useTranslation } from 'react-i18next';
import {
  ENFORCEMENT_STAGES,
  isRealDate,
  patterns,
  EXCHANGE_VERSIONS,
  MINIMUM_TLS_VERSIONS,
  SENDER_ADDRESS_LOCATIONS,
  TLS_SETTINGS,
  TLS_VERSIONS,
  type OutboundConnector,
  type Server,
  type Tenant,
  type TopologyDocument,
  type TransportRule,
} from '../../shared/model/schema';
import { SERVICE_PRESETS } from '../../shared/model/service';
import { useDocumentStore } from '../store/documentStore';
import { ruleActions, setRuleAction } from './ruleActions';
import { withOptional, type FieldSpec, type Translate } from './spec';
import type { FieldError, Validator } from './validation';

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not), as the schema checks it. */
export const dateValidator: Validator = (v) => (patterns.date.test(v) && isRealDate(v) ? null : { key: 'validation.date' });

const notSet = (t: Translate) => ({ value: '', label: t('enums.notSet') });

/**
 * An optional enumerated field: "not set" (or `empty`) first, then the values; a value outside the
 * list is stored as absent, so the select can never write something the schema refuses.
 */
function optionalEnum<E extends object, K extends keyof E & string>(
  key: K,
  values: readonly string[],
  label: (t: Translate, v: string) => string,
  empty: (t: Translate) => { value: string; label: string } = notSet,
): FieldSpec<E> {
  const isValue = (v: string): v is E[K] & string => values.includes(v);
  return {
    type: 'select',
    key,
    hint: `hints.${key}`,
    get: (e) => String(e[key] ?? ''),
    set: (e, v) => withOptional(e, key, isValue(v) ? v : undefined),
    options: (t) => [empty(t), ...values.map((v) => ({ value: v, label: label(t, v) }))],
  };
}

/** `comment` (every entity that has one): free text kept from Exchange Online's `Comment`. */
export function commentField<E extends { comment?: string }>(): FieldSpec<E> {
  return { type: 'text', key: 'comment', optional: true, hint: 'hints.comment', get: (e) => e.comment ?? '', set: (e, v) => withOptional(e, 'comment', v || undefined) };
}

// ------------------------------------------------------------------ servers

const certificateDate = (key: 'notBefore' | 'notAfter'): FieldSpec<Server> => ({
  type: 'text',
  key,
  date: true,
  optional: true,
  mono: true,
  hint: `hints.${key}`,
  validate: (v) => dateValidator(v),
  when: (s) => s.certificate !== null,
  get: (s) => s.certificate?.[key] ?? '',
  set: (s, v) => (s.certificate ? { ...s, certificate: withOptional(s.certificate, key, v || undefined) } : s),
});

export const SERVER_CERTIFICATE_DATES: Array<FieldSpec<Server>> = [certificateDate('notBefore'), certificateDate('notAfter')];

export const SERVER_V2_FIELDS: Array<FieldSpec<Server>> = [
  optionalEnum<Server, 'tlsVersion'>('tlsVersion', TLS_VERSIONS, (_t, v) => `TLS ${v}`),
  {
    type: 'select',
    key: 'exchangeVersion',
    hint: 'hints.exchangeVersion',
    get: (s) => s.exchange?.version ?? '',
    set: (s, v) => withOptional(s, 'exchange', v ? { ...(s.exchange ?? {}), version: v as NonNullable<Server['exchange']>['version'] } : undefined),
    options: (t) => [{ value: '', label: t('enums.notExchange') }, ...EXCHANGE_VERSIONS.map((v) => ({ value: v, label: v === 'SE' ? 'Exchange Server SE' : `Exchange Server ${v}` }))],
  },
  {
    type: 'check',
    key: 'upToDate',
    hint: 'hints.upToDate',
    when: (s) => !!s.exchange,
    get: (s) => s.exchange?.upToDate !== false,
    set: (s, v) => (s.exchange ? { ...s, exchange: { ...s.exchange, upToDate: v } } : s),
  },
  commentField<Server>(),
];

// ------------------------------------------------------------------ tenants

export const TENANT_V2_FIELDS: Array<FieldSpec<Tenant>> = [
  {
    type: 'text',
    key: 'enforcementPausedUntil',
    date: true,
    optional: true,
    mono: true,
    hint: 'hints.enforcementPausedUntil',
    validate: (v) => dateValidator(v),
    get: (t) => t.enforcementPausedUntil ?? '',
    set: (t, v) => withOptional(t, 'enforcementPausedUntil', v || undefined),
  },
  commentField<Tenant>(),
];

// ------------------------------------------------------------------ outbound connectors

export const OUTBOUND_V2_FIELDS: Array<FieldSpec<OutboundConnector>> = [
  {
    type: 'check',
    key: 'isTransportRuleScoped',
    hint: 'hints.isTransportRuleScoped',
    get: (c) => c.isTransportRuleScoped === true,
    set: (c, v) => withOptional(c, 'isTransportRuleScoped', v || undefined),
  },
  optionalEnum<OutboundConnector, 'tlsSettings'>('tlsSettings', TLS_SETTINGS, (t, v) => t(`enums.tlsSettings.${v}`, { defaultValue: v })),
  {
    type: 'text',
    key: 'tlsDomain',
    mono: true,
    optional: true,
    placeholder: 'mail.contoso.com',
    hint: 'hints.tlsDomain',
    when: (c) => c.tlsSettings === 'DomainValidation',
    validate: (v) => (/^(\*\.)?([A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,63}$/.test(v) ? null : { key: 'validation.domainOrWildcard' }),
    get: (c) => c.tlsDomain ?? '',
    set: (c, v) => withOptional(c, 'tlsDomain', v || undefined),
  },
  commentField<OutboundConnector>(),
];

// ------------------------------------------------------------------ rules

/** The outbound connectors of the rule's own tenant (a rule can route only through those). */
function RouteConnectorField({ rule, save }: { rule: TransportRule; save(next: TransportRule): FieldError | string | null }) {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const tenant = doc.tenants.find((x) => x.transportRules.some((r) => r.id === rule.id));
  const current = ruleActions(rule).routeMessageOutboundConnector ?? '';
  const connectors = tenant?.outboundConnectors ?? [];
  const id = `route-${rule.id}`;
  const chosen = connectors.find((c) => c.id === current);
  return (
    <div className="field">
      <label htmlFor={id}>{t('fields.routeMessageOutboundConnector')}</label>
      <select id={id} value={current} onChange={(e) => save(setRuleAction(rule, 'routeMessageOutboundConnector', e.target.value || undefined))}>
        <option value="">{t('enums.notSet')}</option>
        {current && !chosen && <option value={current}>{current}</option>}
        {connectors.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.isTransportRuleScoped ? '' : ` — ${t('inspector.notRuleScoped')}`}
          </option>
        ))}
      </select>
      <p className="field-hint" id={`${id}-hint`}>
        {chosen && !chosen.isTransportRuleScoped ? t('hints.routeNeedsScoped', { connector: chosen.name }) : t('hints.routeMessageOutboundConnector')}
      </p>
    </div>
  );
}

/** `otherActions` / `unmodelledConditions`: kept from Exchange Online, shown, never simulated. */
function KeptList({ items, kind }: { items: Array<{ name: string; value?: unknown }>; kind: 'otherActions' | 'unmodelledConditions' }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className="field" data-testid={`kept-${kind}`}>
      <span className="field-label">{t(`fields.${kind}`)}</span>
      <ul className="kept-list">
        {items.map((item, i) => (
          <li key={`${item.name}-${i}`}>
            <code>{item.name}</code>
            {item.value !== undefined && <span className="muted"> = {JSON.stringify(item.value)}</span>}
          </li>
        ))}
      </ul>
      <p className="field-hint">{t(`hints.${kind}`)}</p>
    </div>
  );
}

export const RULE_CONDITION_V2_FIELDS: Array<FieldSpec<TransportRule>> = [
  optionalEnum<TransportRule, 'senderAddressLocation'>(
    'senderAddressLocation',
    SENDER_ADDRESS_LOCATIONS,
    (t, v) => t(`enums.senderAddressLocation.${v}`, { defaultValue: v }),
    (t) => ({ value: '', label: t('enums.senderAddressLocation.default') }),
  ),
  { type: 'custom', key: 'unmodelledConditions', render: (r) => <KeptList items={r.unmodelledConditions ?? []} kind="unmodelledConditions" /> },
];

export const RULE_ACTION_V2_FIELDS: Array<FieldSpec<TransportRule>> = [
  { type: 'custom', key: 'routeMessageOutboundConnector', render: (r, save) => <RouteConnectorField rule={r} save={save} /> },
  { type: 'custom', key: 'otherActions', render: (r) => <KeptList items={ruleActions(r).otherActions ?? []} kind="otherActions" /> },
];

// ------------------------------------------------------------------ service settings

export type Service = NonNullable<TopologyDocument['service']>;
export const serviceOf = (doc: TopologyDocument): Service => doc.service ?? { preset: 'current' };
export const withService = (doc: TopologyDocument, service: Service): TopologyDocument => ({ ...doc, service });
const preset = (doc: TopologyDocument) => SERVICE_PRESETS[serviceOf(doc).preset];

export const SERVICE_V2_FIELDS: Array<FieldSpec<TopologyDocument>> = [
  {
    type: 'text',
    key: 'asOf',
    label: 'fields.serviceAsOf',
    date: true,
    optional: true,
    mono: true,
    hint: 'hints.serviceAsOf',
    validate: (v) => dateValidator(v),
    get: (doc) => serviceOf(doc).asOf ?? '',
    set: (doc, v) => withService(doc, withOptional(serviceOf(doc), 'asOf', v || undefined)),
  },
  {
    type: 'select',
    key: 'nullSenderSkipsRules',
    get: (doc) => (serviceOf(doc).nullSenderSkipsRules === undefined ? '' : String(serviceOf(doc).nullSenderSkipsRules)),
    set: (doc, v) => withService(doc, withOptional(serviceOf(doc), 'nullSenderSkipsRules', v === '' ? undefined : v === 'true')),
    options: (t, doc) => [
      { value: '', label: t('inspector.fromPreset', { value: t(preset(doc).nullSenderSkipsRules ? 'common.yes' : 'common.no') }) },
      { value: 'true', label: t('common.yes') },
      { value: 'false', label: t('common.no') },
    ],
  },
  {
    type: 'select',
    key: 'minimumInboundTlsVersion',
    hint: 'hints.minimumInboundTlsVersion',
    get: (doc) => serviceOf(doc).minimumInboundTlsVersion ?? '',
    set: (doc, v) => withService(doc, withOptional(serviceOf(doc), 'minimumInboundTlsVersion', (v || undefined) as Service['minimumInboundTlsVersion'])),
    options: (t) => [{ value: '', label: t('inspector.fromTimeline') }, ...MINIMUM_TLS_VERSIONS.map((v) => ({ value: v, label: `TLS ${v}` }))],
  },
  {
    type: 'select',
    key: 'outOfDateServerEnforcement',
    hint: 'hints.outOfDateServerEnforcement',
    get: (doc) => serviceOf(doc).outOfDateServerEnforcement?.stage ?? '',
    set: (doc, v) => {
      const next = withOptional(serviceOf(doc).outOfDateServerEnforcement ?? {}, 'stage', (v || undefined) as (typeof ENFORCEMENT_STAGES)[number] | undefined);
      return withService(doc, withOptional(serviceOf(doc), 'outOfDateServerEnforcement', Object.keys(next).length ? next : undefined));
    },
    options: (t) => [{ value: '', label: t('inspector.fromTimeline') }, ...ENFORCEMENT_STAGES.map((v) => ({ value: v, label: t(`enums.enforcementStage.${v}`, { defaultValue: v }) }))],
  },
  {
    type: 'text',
    key: 'enforcementMinutesPerHour',
    mono: true,
    optional: true,
    placeholder: '60',
    hint: 'hints.enforcementMinutesPerHour',
    validate: (v) => (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 60 ? null : { key: 'validation.minutesPerHour' }),
    get: (doc) => (serviceOf(doc).outOfDateServerEnforcement?.minutesPerHour === undefined ? '' : String(serviceOf(doc).outOfDateServerEnforcement?.minutesPerHour)),
    set: (doc, v) => {
      const next = withOptional(serviceOf(doc).outOfDateServerEnforcement ?? {}, 'minutesPerHour', v ? Number(v) : undefined);
      return withService(doc, withOptional(serviceOf(doc), 'outOfDateServerEnforcement', Object.keys(next).length ? next : undefined));
    },
  },
];
