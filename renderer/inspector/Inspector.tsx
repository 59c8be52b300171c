/**
 * The inspector: every field of the selected entity as document-format.md defines it, or the
 * document's title and service settings when nothing is selected.
 *
 * Ids are editable: renaming one rewrites every reference to it (scenario servers, expectations,
 * canvas positions) in the same undo step, and a taken or malformed id is refused beside the field.
 */
import { useTranslation } from 'react-i18next';
import {
  AMBIGUOUS_TENANT_POLICIES,
  CERT_DOMAIN_MATCH_MODES,
  CONNECTOR_TYPES,
  DOMAIN_TYPES,
  MULTI_RECIPIENT_DOMAIN_POLICIES,
  PRESETS,
  SCOPES,
  SERVER_ROLES,
  UNATTRIBUTED_RELAY_REPLIES,
  type AcceptedDomain,
  type InboundConnector,
  type OutboundConnector,
  type Server,
  type Tenant,
  type TopologyDocument,
  type TransportRule,
} from '../../shared/model/schema';
import { SERVICE_PRESETS } from '../../shared/model/service';
import { addEntity, deleteSelection, duplicateSelection } from '../actions/editing';
import { allIds, locateEntity, renameId, replaceEntity, type ChildEntity, type EntityKind } from '../model/entities';
import { commitValidated, useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { CheckboxField, ListField, Section, SelectField, TextField, type CommitOutcome } from './fields';
import { nonNegativeInteger, positiveNumber, validators, type Validator } from './validation';

type Entity = Tenant | Server | ChildEntity;

/** Commits a candidate document if it is valid; otherwise returns the loader's located error. */
function commitDoc(candidate: TopologyDocument): CommitOutcome {
  const result = commitValidated(candidate);
  return result.ok ? null : result.errors.map((e) => e.message).join('\n');
}

function commitEntity(id: string, next: Entity): CommitOutcome {
  return commitDoc(replaceEntity(useDocumentStore.getState().doc, id, next));
}

/** Sets or removes an optional key (an absent key and the default are the same to the format). */
function withOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const copy = { ...obj };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

function IdField({ id }: { id: string }) {
  const { t } = useTranslation();
  const validate: Validator = (value) => {
    const e = validators.id(value);
    if (e) return e;
    if (value !== id && allIds(useDocumentStore.getState().doc).has(value)) return { key: 'validation.idTaken', values: { value } };
    return null;
  };
  return (
    <TextField
      label={t('fields.id')}
      value={id}
      mono
      validate={validate}
      hint={t('inspector.idHint')}
      onCommit={(value) => {
        const outcome = commitDoc(renameId(useDocumentStore.getState().doc, id, value));
        if (!outcome) useUiStore.getState().select([value]);
        return outcome;
      }}
    />
  );
}

function useOptions<V extends string>(values: readonly V[], prefix: string) {
  const { t } = useTranslation();
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`, { defaultValue: value }) }));
}

function TenantInspector({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation();
  const domainTypes = useOptions(DOMAIN_TYPES, 'enums.domainType');
  const save = (next: Tenant) => commitEntity(tenant.id, next);
  const setDomain = (index: number, next: AcceptedDomain | null) =>
    save({
      ...tenant,
      acceptedDomains: next === null ? tenant.acceptedDomains.filter((_, i) => i !== index) : tenant.acceptedDomains.map((d, i) => (i === index ? next : d)),
    });
  return (
    <>
      <Section title={t('inspector.general')}>
        <IdField id={tenant.id} />
        <TextField label={t('fields.name')} value={tenant.name} validate={validators.required} onCommit={(name) => save({ ...tenant, name })} />
        <CheckboxField
          label={t('fields.rejectDirectSend')}
          hint={t('hints.rejectDirectSend')}
          checked={tenant.rejectDirectSend}
          onCommit={(rejectDirectSend) => save({ ...tenant, rejectDirectSend })}
        />
      </Section>
      <Section title={t('fields.acceptedDomains')}>
        {tenant.acceptedDomains.map((d, i) => (
          <div className="domain-row" key={`${i}-${d.domainName}`}>
            <TextField
              label={t('fields.domainName')}
              value={d.domainName}
              mono
              validate={validators.domain}
              onCommit={(domainName) => setDomain(i, { ...d, domainName })}
            />
            <SelectField label={t('fields.domainType')} value={d.domainType} options={domainTypes} onCommit={(domainType) => setDomain(i, { ...d, domainType, matchSubDomains: domainType === 'InternalRelay' ? d.matchSubDomains : false })} />
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
      </Section>
      <Section title={t('fields.recipients')}>
        <ListField
          label={t('fields.recipients')}
          values={tenant.recipients}
          validate={validators.email}
          hint={t('hints.recipients')}
          onCommit={(recipients) => save({ ...tenant, recipients })}
        />
      </Section>
      <Section title={t('inspector.contents')}>
        <p className="muted small">
          {t('inspector.counts', {
            inbound: tenant.inboundConnectors.length,
            outbound: tenant.outboundConnectors.length,
            rules: tenant.transportRules.length,
          })}
        </p>
        <div className="button-row">
          {(['inbound', 'outbound', 'rule'] as const).map((kind) => (
            <button key={kind} type="button" className="btn btn-small" onClick={() => addEntity(kind, { tenantId: tenant.id })}>
              + {t(`kinds.${kind}`)}
            </button>
          ))}
        </div>
      </Section>
    </>
  );
}

/** Id, name, type and enabled: the same four fields head both kinds of connector. */
function ConnectorGeneralSection<C extends InboundConnector | OutboundConnector>({ c, hintKey, save }: { c: C; hintKey: string; save: (next: C) => CommitOutcome }) {
  const { t } = useTranslation();
  const types = useOptions(CONNECTOR_TYPES, 'enums.connectorType');
  return (
    <Section title={t('inspector.general')}>
      <IdField id={c.id} />
      <TextField label={t('fields.name')} value={c.name} validate={validators.required} onCommit={(name) => save({ ...c, name })} />
      <SelectField label={t('fields.connectorType')} value={c.connectorType} options={types} hint={t(hintKey)} onCommit={(connectorType) => save({ ...c, connectorType })} />
      <CheckboxField label={t('fields.enabled')} checked={c.enabled} onCommit={(enabled) => save({ ...c, enabled })} />
    </Section>
  );
}

function InboundInspector({ c }: { c: InboundConnector }) {
  const { t } = useTranslation();
  const save = (next: InboundConnector) => commitEntity(c.id, next);
  return (
    <>
      <ConnectorGeneralSection c={c} hintKey="hints.inboundType" save={save} />
      <Section title={t('inspector.identifySender')}>
        <ListField
          label={t('fields.senderIPAddresses')}
          values={c.senderIPAddresses}
          validate={validators.ipv4OrCidr}
          placeholder="203.0.113.10&#10;198.51.100.0/24"
          onCommit={(senderIPAddresses) => save({ ...c, senderIPAddresses })}
          testId="field-senderIPAddresses"
        />
        <TextField
          label={t('fields.tlsSenderCertificateName')}
          value={c.tlsSenderCertificateName ?? ''}
          mono
          allowEmpty
          placeholder="*.contoso.com"
          validate={validators.domainOrWildcard}
          hint={t('hints.tlsSenderCertificateName')}
          onCommit={(v) => save({ ...c, tlsSenderCertificateName: v === '' ? null : v })}
        />
        <CheckboxField label={t('fields.requireTls')} checked={c.requireTls} onCommit={(requireTls) => save({ ...c, requireTls })} />
      </Section>
      <Section title={t('inspector.partnerRestrictions')}>
        <CheckboxField
          label={t('fields.restrictDomainsToIPAddresses')}
          checked={c.restrictDomainsToIPAddresses}
          onCommit={(restrictDomainsToIPAddresses) => save({ ...c, restrictDomainsToIPAddresses })}
        />
        <CheckboxField
          label={t('fields.restrictDomainsToCertificate')}
          checked={c.restrictDomainsToCertificate}
          onCommit={(restrictDomainsToCertificate) => save({ ...c, restrictDomainsToCertificate })}
        />
        <ListField
          label={t('fields.senderDomains')}
          values={c.senderDomains}
          validate={validators.domainPattern}
          hint={t('hints.senderDomains')}
          onCommit={(senderDomains) => save({ ...c, senderDomains })}
        />
      </Section>
    </>
  );
}

function OutboundInspector({ c }: { c: OutboundConnector }) {
  const { t } = useTranslation();
  const save = (next: OutboundConnector) => commitEntity(c.id, next);
  return (
    <>
      <ConnectorGeneralSection c={c} hintKey="hints.outboundType" save={save} />
      <Section title={t('inspector.routing')}>
        <ListField
          label={t('fields.recipientDomains')}
          values={c.recipientDomains}
          validate={validators.domainPattern}
          hint={t('hints.recipientDomains')}
          onCommit={(recipientDomains) => save({ ...c, recipientDomains })}
        />
        <CheckboxField label={t('fields.allAcceptedDomains')} checked={c.allAcceptedDomains} onCommit={(allAcceptedDomains) => save({ ...c, allAcceptedDomains })} />
        <CheckboxField label={t('fields.useMXRecord')} checked={c.useMXRecord} onCommit={(useMXRecord) => save({ ...c, useMXRecord })} />
        <ListField label={t('fields.smartHosts')} values={c.smartHosts} validate={validators.smartHost} onCommit={(smartHosts) => save({ ...c, smartHosts })} />
        <CheckboxField
          label={t('fields.routeAllMessagesViaOnPremises')}
          hint={t('hints.routeAllMessagesViaOnPremises')}
          checked={c.routeAllMessagesViaOnPremises}
          onCommit={(routeAllMessagesViaOnPremises) => save({ ...c, routeAllMessagesViaOnPremises })}
        />
      </Section>
    </>
  );
}

function RuleInspector({ r }: { r: TransportRule }) {
  const { t } = useTranslation();
  const scopes = [{ value: '' as const, label: t('enums.any') }, ...SCOPES.map((s) => ({ value: s, label: t(`enums.scope.${s}`) }))];
  const save = (next: TransportRule) => commitEntity(r.id, next);
  const cond = r.conditions;
  const exc = r.exceptions ?? {};
  const act = r.actions;
  const list = (values: string[]) => (values.length ? values : undefined);
  return (
    <>
      <Section title={t('inspector.general')}>
        <IdField id={r.id} />
        <TextField label={t('fields.name')} value={r.name} validate={validators.required} onCommit={(name) => save({ ...r, name })} />
        <TextField
          label={t('fields.priority')}
          value={String(r.priority)}
          mono
          validate={nonNegativeInteger(100_000)}
          hint={t('hints.priority')}
          onCommit={(v) => save({ ...r, priority: Number(v) })}
        />
        <CheckboxField label={t('fields.enabled')} checked={r.enabled} onCommit={(enabled) => save({ ...r, enabled })} />
      </Section>
      <Section title={t('inspector.conditions')}>
        <p className="muted small">{t('hints.conditions')}</p>
        <SelectField
          label={t('fields.sentToScope')}
          value={cond.sentToScope ?? ''}
          options={scopes}
          onCommit={(v) => save({ ...r, conditions: withOptional(cond, 'sentToScope', v || undefined) })}
        />
        <ListField
          label={t('fields.recipientDomainIs')}
          values={cond.recipientDomainIs ?? []}
          validate={validators.domain}
          onCommit={(v) => save({ ...r, conditions: withOptional(cond, 'recipientDomainIs', list(v)) })}
        />
        <ListField
          label={t('fields.senderDomainIs')}
          values={cond.senderDomainIs ?? []}
          validate={validators.domain}
          onCommit={(v) => save({ ...r, conditions: withOptional(cond, 'senderDomainIs', list(v)) })}
        />
        <SelectField
          label={t('fields.fromScope')}
          value={cond.fromScope ?? ''}
          options={scopes}
          onCommit={(v) => save({ ...r, conditions: withOptional(cond, 'fromScope', v || undefined) })}
        />
      </Section>
      <Section title={t('inspector.exceptions')}>
        <ListField
          label={t('fields.exceptIfRecipientDomainIs')}
          values={exc.exceptIfRecipientDomainIs ?? []}
          validate={validators.domain}
          onCommit={(v) => {
            const next = withOptional(exc, 'exceptIfRecipientDomainIs', list(v));
            return save(withOptional(r, 'exceptions', Object.keys(next).length ? next : undefined));
          }}
        />
        <ListField
          label={t('fields.exceptIfSenderDomainIs')}
          values={exc.exceptIfSenderDomainIs ?? []}
          validate={validators.domain}
          onCommit={(v) => {
            const next = withOptional(exc, 'exceptIfSenderDomainIs', list(v));
            return save(withOptional(r, 'exceptions', Object.keys(next).length ? next : undefined));
          }}
        />
      </Section>
      <Section title={t('inspector.actions')}>
        <p className="muted small">{t('hints.actions')}</p>
        <TextField
          label={t('fields.rejectMessageReasonText')}
          value={act.rejectMessageReasonText ?? ''}
          allowEmpty
          onCommit={(v) => save({ ...r, actions: withOptional(act, 'rejectMessageReasonText', v || undefined) })}
        />
        <TextField
          label={t('fields.rejectMessageEnhancedStatusCode')}
          value={act.rejectMessageEnhancedStatusCode ?? ''}
          mono
          allowEmpty
          placeholder="5.7.1"
          validate={validators.rejectStatusCode}
          hint={t('hints.statusCode')}
          onCommit={(v) => save({ ...r, actions: withOptional(act, 'rejectMessageEnhancedStatusCode', v || undefined) })}
        />
        <CheckboxField label={t('fields.deleteMessage')} checked={act.deleteMessage ?? false} onCommit={(v) => save({ ...r, actions: withOptional(act, 'deleteMessage', v || undefined) })} />
        <ListField
          label={t('fields.redirectMessageTo')}
          values={act.redirectMessageTo ?? []}
          validate={validators.email}
          onCommit={(v) => save({ ...r, actions: withOptional(act, 'redirectMessageTo', list(v)) })}
        />
        <TextField
          label={t('fields.setHeaderName')}
          value={act.setHeaderName ?? ''}
          mono
          allowEmpty
          validate={validators.headerName}
          onCommit={(v) => save({ ...r, actions: withOptional(act, 'setHeaderName', v || undefined) })}
        />
        <TextField
          label={t('fields.setHeaderValue')}
          value={act.setHeaderValue ?? ''}
          allowEmpty
          onCommit={(v) => save({ ...r, actions: withOptional(act, 'setHeaderValue', v || undefined) })}
        />
        <CheckboxField
          label={t('fields.stopRuleProcessing')}
          checked={act.stopRuleProcessing ?? false}
          onCommit={(v) => save({ ...r, actions: withOptional(act, 'stopRuleProcessing', v || undefined) })}
        />
      </Section>
    </>
  );
}

function ServerInspector({ s }: { s: Server }) {
  const { t } = useTranslation();
  const roles = useOptions(SERVER_ROLES, 'enums.role');
  const save = (next: Server) => commitEntity(s.id, next);
  const cert = s.certificate;
  return (
    <>
      <Section title={t('inspector.general')}>
        <IdField id={s.id} />
        <TextField label={t('fields.name')} value={s.name} validate={validators.required} onCommit={(name) => save({ ...s, name })} />
        <SelectField label={t('fields.role')} value={s.role} options={roles} onCommit={(role) => save({ ...s, role })} />
        <TextField label={t('fields.ipAddress')} value={s.ipAddress} mono validate={validators.ipv4} onCommit={(ipAddress) => save({ ...s, ipAddress })} testId="field-ipAddress" />
        <CheckboxField label={t('fields.tls')} checked={s.tls} onCommit={(tls) => save({ ...s, tls })} />
      </Section>
      <Section title={t('fields.certificate')}>
        <CheckboxField
          label={t('inspector.presentsCertificate')}
          checked={cert !== null}
          onCommit={(on) =>
            save({
              ...s,
              certificate: on ? { subject: `mail.${s.id}.example`, subjectAlternativeNames: [], trusted: true, chainComplete: true } : null,
            })
          }
        />
        {cert && (
          <>
            <TextField label={t('fields.subject')} value={cert.subject} mono validate={validators.domainOrWildcard} onCommit={(subject) => save({ ...s, certificate: { ...cert, subject } })} />
            <ListField
              label={t('fields.subjectAlternativeNames')}
              values={cert.subjectAlternativeNames}
              validate={validators.domainOrWildcard}
              onCommit={(subjectAlternativeNames) => save({ ...s, certificate: { ...cert, subjectAlternativeNames } })}
            />
            <CheckboxField label={t('fields.trusted')} hint={t('hints.trusted')} checked={cert.trusted} onCommit={(trusted) => save({ ...s, certificate: { ...cert, trusted } })} />
            <CheckboxField label={t('fields.chainComplete')} hint={t('hints.chainComplete')} checked={cert.chainComplete} onCommit={(chainComplete) => save({ ...s, certificate: { ...cert, chainComplete } })} />
          </>
        )}
      </Section>
    </>
  );
}

const THROTTLING_FIELDS = [
  { key: 'surgeFactor', validate: positiveNumber(1e6) },
  { key: 'surgeFloorPerHour', validate: nonNegativeInteger(1e9) },
  { key: 'newSourcePerHour', validate: nonNegativeInteger(1e9) },
  { key: 'historyDays', validate: nonNegativeInteger(365) },
  { key: 'messageExpirationHours', validate: nonNegativeInteger(720) },
] as const;

function DocumentInspector({ doc }: { doc: TopologyDocument }) {
  const { t } = useTranslation();
  const service = doc.service ?? { preset: 'current' as const };
  const preset = SERVICE_PRESETS[service.preset];
  const saveService = (next: NonNullable<TopologyDocument['service']>) => commitDoc({ ...doc, service: next });
  const overrideOptions = <V extends string>(values: readonly V[], name: string, presetValue: string) => [
    { value: '' as const, label: t('inspector.fromPreset', { value: t(`enums.${name}.${presetValue}`, { defaultValue: presetValue }) }) },
    ...values.map((v) => ({ value: v, label: t(`enums.${name}.${v}`, { defaultValue: v }) })),
  ];
  const boolOptions = (presetValue: boolean) => [
    { value: '' as const, label: t('inspector.fromPreset', { value: t(presetValue ? 'common.yes' : 'common.no') }) },
    { value: 'true' as const, label: t('common.yes') },
    { value: 'false' as const, label: t('common.no') },
  ];
  const throttling = service.throttling ?? {};
  return (
    <>
      <Section title={t('inspector.document')}>
        <TextField label={t('fields.title')} value={doc.title} onCommit={(title) => commitDoc({ ...doc, title })} />
        <p className="muted small">
          {t('inspector.docCounts', { tenants: doc.tenants.length, servers: doc.servers.length, scenarios: doc.scenarios.length })}
        </p>
      </Section>
      <Section title={t('inspector.service')}>
        <p className="muted small">{t('hints.service')}</p>
        <SelectField
          label={t('fields.preset')}
          value={service.preset}
          options={PRESETS.map((p) => ({ value: p, label: t(`enums.preset.${p}`) }))}
          onCommit={(p) => saveService({ ...service, preset: p })}
        />
        <SelectField
          label={t('fields.headerFromCountsForRelay')}
          value={service.headerFromCountsForRelay === undefined ? '' : String(service.headerFromCountsForRelay)}
          options={boolOptions(preset.headerFromCountsForRelay)}
          onCommit={(v) => saveService(withOptional(service, 'headerFromCountsForRelay', v === '' ? undefined : v === 'true'))}
        />
        <SelectField
          label={t('fields.multiRecipientDomainPolicy')}
          value={service.multiRecipientDomainPolicy ?? ''}
          options={overrideOptions(MULTI_RECIPIENT_DOMAIN_POLICIES, 'multiRecipientDomainPolicy', preset.multiRecipientDomainPolicy)}
          onCommit={(v) => saveService(withOptional(service, 'multiRecipientDomainPolicy', v || undefined))}
        />
        <SelectField
          label={t('fields.certDomainMatch')}
          value={service.certDomainMatch ?? ''}
          options={overrideOptions(CERT_DOMAIN_MATCH_MODES, 'certDomainMatch', preset.certDomainMatch)}
          onCommit={(v) => saveService(withOptional(service, 'certDomainMatch', v || undefined))}
        />
        <SelectField
          label={t('fields.ambiguousTenantPolicy')}
          value={service.ambiguousTenantPolicy ?? ''}
          options={overrideOptions(AMBIGUOUS_TENANT_POLICIES, 'ambiguousTenantPolicy', preset.ambiguousTenantPolicy)}
          onCommit={(v) => saveService(withOptional(service, 'ambiguousTenantPolicy', v || undefined))}
        />
        <SelectField
          label={t('fields.unattributedRelayReply')}
          value={service.unattributedRelayReply ?? ''}
          options={overrideOptions(UNATTRIBUTED_RELAY_REPLIES, 'unattributedRelayReply', preset.unattributedRelayReply)}
          onCommit={(v) => saveService(withOptional(service, 'unattributedRelayReply', v || undefined))}
        />
      </Section>
      <Section title={t('inspector.throttling')} defaultOpen={false}>
        {THROTTLING_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={t(`fields.${f.key}`)}
            value={throttling[f.key] === undefined ? '' : String(throttling[f.key])}
            placeholder={String(preset.throttling[f.key])}
            mono
            allowEmpty
            validate={f.validate}
            hint={t('inspector.emptyUsesPreset', { value: preset.throttling[f.key] })}
            onCommit={(v) => {
              const next = withOptional(throttling, f.key, v === '' ? undefined : Number(v));
              return saveService(withOptional(service, 'throttling', Object.keys(next).length ? next : undefined));
            }}
          />
        ))}
      </Section>
    </>
  );
}

export function Inspector() {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const selection = useUiStore((s) => s.selection);
  const entities = selection.map((id) => locateEntity(doc, id)).filter((x) => x !== null);
  if (entities.length > 1) {
    return (
      <div className="inspector" aria-label={t('inspector.title')}>
        <h2 className="inspector-title">{t('inspector.multi', { count: entities.length })}</h2>
        <ul className="multi-list">
          {entities.map((e) => (
            <li key={e.id}>
              {t(`kinds.${e.kind}`)}: <strong>{e.entity.name}</strong>
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" className="btn" onClick={() => duplicateSelection()}>
            {t('actions.edit.duplicate')}
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void deleteSelection()}>
            {t('actions.edit.delete')}
          </button>
        </div>
      </div>
    );
  }
  const one = entities[0];
  if (!one) {
    return (
      <div className="inspector" aria-label={t('inspector.title')}>
        <h2 className="inspector-title">{t('inspector.documentTitle')}</h2>
        <DocumentInspector doc={doc} />
      </div>
    );
  }
  const kind: EntityKind = one.kind;
  return (
    <div className="inspector" aria-label={t('inspector.title')} key={one.id}>
      <h2 className="inspector-title">
        <span className={`kind-dot kind-${kind}`} aria-hidden="true" />
        <span>
          <small>{t(`kinds.${kind}`)}</small>
          {one.entity.name}
        </span>
      </h2>
      {one.kind === 'tenant' && <TenantInspector tenant={one.entity} />}
      {one.kind === 'inbound' && <InboundInspector c={one.entity} />}
      {one.kind === 'outbound' && <OutboundInspector c={one.entity} />}
      {one.kind === 'rule' && <RuleInspector r={one.entity} />}
      {(one.kind === 'server' || one.kind === 'external') && <ServerInspector s={one.entity} />}
      <div className="button-row inspector-footer">
        <button type="button" className="btn" onClick={() => duplicateSelection()}>
          {t('actions.edit.duplicate')}
        </button>
        <button type="button" className="btn btn-danger" onClick={() => void deleteSelection()}>
          {t('actions.edit.delete')}
        </button>
      </div>
    </div>
  );
}
