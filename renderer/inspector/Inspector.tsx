/**
 * The inspector: every field of the selected entity as document-format.md defines it, or the
 * document's title and service settings when nothing is selected. The fields of each kind are
 * declared in kinds.tsx (one descriptor per kind) and drawn by spec.tsx.
 *
 * Ids are editable: renaming one rewrites every reference to it (scenario servers, expectations,
 * canvas positions) in the same undo step, and a taken or malformed id is refused beside the field.
 */
import { useTranslation } from 'react-i18next';
import {
  AMBIGUOUS_TENANT_POLICIES,
  CERT_DOMAIN_MATCH_MODES,
  MULTI_RECIPIENT_DOMAIN_POLICIES,
  PRESETS,
  UNATTRIBUTED_RELAY_REPLIES,
  type TopologyDocument,
} from '../../shared/model/schema';
import { SERVICE_PRESETS, type ThrottlingSettings } from '../../shared/model/service';
import { deleteSelection, duplicateSelection } from '../actions/editing';
import { isIncompleteRule, locateEntity, replaceEntity, type EntityKind } from '../model/entities';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { EditScope, TextField, type CommitOutcome } from './fields';
import { KINDS, type EntityOf } from './kinds';
import { commitDoc, Counts, SpecSections, withOptional, type FieldSpec, type SectionSpec, type Translate } from './spec';
import { nonNegativeInteger, positiveNumber } from './validation';
import { serviceOf, SERVICE_V2_FIELDS, withService, type Service } from './formatTwoFields';


/** A service setting that is either the preset's or overridden: "Preset (value)" first. */
function overrideField(key: 'multiRecipientDomainPolicy' | 'certDomainMatch' | 'ambiguousTenantPolicy' | 'unattributedRelayReply', values: readonly string[]): FieldSpec<TopologyDocument> {
  const word = (t: Translate, v: string) => t(`enums.${key}.${v}`, { defaultValue: v });
  return {
    type: 'select',
    key,
    get: (doc) => serviceOf(doc)[key] ?? '',
    set: (doc, v) => withService(doc, withOptional(serviceOf(doc), key, (v || undefined) as Service[typeof key])),
    options: (t, doc) => [
      { value: '', label: t('inspector.fromPreset', { value: word(t, String(SERVICE_PRESETS[serviceOf(doc).preset][key])) }) },
      ...values.map((v) => ({ value: v, label: word(t, v) })),
    ],
  };
}

const THROTTLING_FIELDS = [
  { key: 'surgeFactor', validate: positiveNumber(1e6) },
  { key: 'surgeFloorPerHour', validate: nonNegativeInteger(1e9) },
  { key: 'newSourcePerHour', validate: nonNegativeInteger(1e9) },
  { key: 'historyDays', validate: nonNegativeInteger(365) },
  { key: 'messageExpirationHours', validate: nonNegativeInteger(720) },
] as const;

function throttlingField(key: keyof ThrottlingSettings, validate: (v: string) => ReturnType<ReturnType<typeof nonNegativeInteger>>): FieldSpec<TopologyDocument> {
  const current = (doc: TopologyDocument) => serviceOf(doc).throttling ?? {};
  return {
    type: 'custom',
    key,
    // The placeholder and hint show the preset's value, which depends on the document.
    render: (doc, save) => (
      <ThrottlingField doc={doc} name={key} validate={validate} onCommit={(v) => {
        const next = withOptional(current(doc), key, v === '' ? undefined : Number(v));
        return save(withService(doc, withOptional(serviceOf(doc), 'throttling', Object.keys(next).length ? next : undefined)));
      }} />
    ),
  };
}

function ThrottlingField({ doc, name, validate, onCommit }: { doc: TopologyDocument; name: keyof ThrottlingSettings; validate: (v: string) => ReturnType<ReturnType<typeof nonNegativeInteger>>; onCommit(v: string): CommitOutcome }) {
  const { t } = useTranslation();
  const preset = SERVICE_PRESETS[serviceOf(doc).preset].throttling[name];
  const value = serviceOf(doc).throttling?.[name];
  return (
    <TextField
      label={t(`fields.${name}`)}
      fieldKey={name}
      value={value === undefined ? '' : String(value)}
      placeholder={String(preset)}
      mono
      allowEmpty
      validate={validate}
      hint={t('inspector.emptyUsesPreset', { value: preset })}
      onCommit={onCommit}
    />
  );
}

const DOCUMENT_SECTIONS: ReadonlyArray<SectionSpec<TopologyDocument>> = [
  {
    title: 'inspector.document',
    fields: [
      { type: 'text', key: 'title', get: (doc) => doc.title, set: (doc, title) => ({ ...doc, title }) },
      { type: 'custom', key: 'counts', render: (doc) => <Counts items={[['tenant', doc.tenants.length], ['server', doc.servers.length], ['scenario', doc.scenarios.length]]} /> },
    ],
  },
  {
    title: 'inspector.service',
    note: 'hints.service',
    fields: [
      {
        type: 'select',
        key: 'preset',
        get: (doc) => serviceOf(doc).preset,
        set: (doc, preset) => withService(doc, { ...serviceOf(doc), preset: preset as Service['preset'] }),
        options: (t) => PRESETS.map((p) => ({ value: p, label: t(`enums.preset.${p}`) })),
      },
      {
        type: 'select',
        key: 'headerFromCountsForRelay',
        get: (doc) => (serviceOf(doc).headerFromCountsForRelay === undefined ? '' : String(serviceOf(doc).headerFromCountsForRelay)),
        set: (doc, v) => withService(doc, withOptional(serviceOf(doc), 'headerFromCountsForRelay', v === '' ? undefined : v === 'true')),
        options: (t, doc) => [
          { value: '', label: t('inspector.fromPreset', { value: t(SERVICE_PRESETS[serviceOf(doc).preset].headerFromCountsForRelay ? 'common.yes' : 'common.no') }) },
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ],
      },
      overrideField('multiRecipientDomainPolicy', MULTI_RECIPIENT_DOMAIN_POLICIES),
      overrideField('certDomainMatch', CERT_DOMAIN_MATCH_MODES),
      overrideField('ambiguousTenantPolicy', AMBIGUOUS_TENANT_POLICIES),
      overrideField('unattributedRelayReply', UNATTRIBUTED_RELAY_REPLIES),
      ...SERVICE_V2_FIELDS,
    ],
  },
  { title: 'inspector.throttling', closed: true, fields: THROTTLING_FIELDS.map((f) => throttlingField(f.key, f.validate)) },
];

function SelectionButtons() {
  const { t } = useTranslation();
  return (
    <div className="button-row inspector-footer">
      <button type="button" className="btn" onClick={() => duplicateSelection()}>
        {t('actions.edit.duplicate')}
      </button>
      <button type="button" className="btn btn-danger" onClick={() => void deleteSelection()}>
        {t('actions.edit.delete')}
      </button>
    </div>
  );
}

/** The sections of one kind for one entity (the kind picks its descriptor; the types follow). */
function EntityFields<K extends EntityKind>({ kind, entity }: { kind: K; entity: EntityOf[K] & { id: string } }) {
  const { t } = useTranslation();
  const save = (next: EntityOf[K]) => commitDoc(replaceEntity(useDocumentStore.getState().doc, entity.id, next), (k, v) => t(k, v ?? {}));
  return <SpecSections sections={KINDS[kind].sections} entity={entity} save={save} />;
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
        <SelectionButtons />
      </div>
    );
  }
  const one = entities[0];
  if (!one) {
    return (
      <div className="inspector" aria-label={t('inspector.title')}>
        <h2 className="inspector-title">{t('inspector.documentTitle')}</h2>
        <EditScope.Provider value={{ id: '', name: t('inspector.documentTitle') }}>
          <SpecSections sections={DOCUMENT_SECTIONS} entity={doc} save={(next) => commitDoc(next, (k, v) => t(k, v ?? {}))} />
        </EditScope.Provider>
      </div>
    );
  }
  const incomplete = one.kind === 'rule' && isIncompleteRule(one.entity);
  return (
    <div className="inspector" aria-label={t('inspector.title')} key={one.id}>
      <h2 className="inspector-title">
        <span className="kind-dot" style={{ background: `var(${KINDS[one.kind].color})` }} aria-hidden="true" />
        <span>
          <small>{t(KINDS[one.kind].labelKey)}</small>
          {one.entity.name}
        </span>
        {incomplete && <span className="inspector-badge">{t('inspector.ruleIncompleteBadge')}</span>}
      </h2>
      <EditScope.Provider value={{ id: one.id, name: one.entity.name }}>
        <EntityFields kind={one.kind} entity={one.entity} />
      </EditScope.Provider>
      <SelectionButtons />
    </div>
  );
}
