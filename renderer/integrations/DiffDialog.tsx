/**
 * View ▸ Compare with Exchange Online…: what differs between the real tenant (the JSON files of
 * the import, or a .mailflow.json) and a designed tenant, per entity and field, as shared/exo's
 * `diffTenants(real, designed)` reports it: "only in the design", "only in Exchange Online",
 * "changed" with Exchange Online's value → the design's value.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffTenants, importExoFiles, type FieldChange, type TenantDiff } from '../../shared/exo';
import { parseDocumentText } from '../../shared/model/load';
import type { Tenant } from '../../shared/model/schema';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { readExoFiles } from './files';
import { Modal } from './Modal';
import { TenantSelect } from './TenantSelect';

type Source = { kind: 'exo'; names: string[]; files: Array<{ name: string; text: string }> } | { kind: 'document'; name: string; tenants: Tenant[] };

function isDocumentFile(name: string, text: string): boolean {
  return /\.mailflow\.json$/i.test(name) || /^\s*\{\s*"format"\s*:\s*"mailflow-topology"/.test(text);
}

export function DiffDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const doc = useDocumentStore((s) => s.doc);
  const [designedId, setDesignedId] = useState(doc.tenants[0]?.id ?? '');
  const [source, setSource] = useState<Source | null>(null);
  const [otherTenantId, setOtherTenantId] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [diff, setDiff] = useState<TenantDiff | null>(null);

  const choose = async (list: FileList | null) => {
    setErrors([]);
    setDiff(null);
    const chosen = list ? [...list] : [];
    if (chosen.length === 0) {
      setSource(null);
      return;
    }
    try {
      const files = await readExoFiles(chosen);
      const documentFile = files.find((f) => isDocumentFile(f.name, f.text));
      if (documentFile) {
        const loaded = parseDocumentText(documentFile.text);
        if (!loaded.ok) {
          setSource(null);
          setErrors(loaded.errors.map((e) => `${documentFile.name}: ${e.path}: ${e.message}`));
          return;
        }
        if (loaded.document.tenants.length === 0) {
          setSource(null);
          setErrors([t('integrations.diff.documentWithoutTenant', { name: documentFile.name })]);
          return;
        }
        setSource({ kind: 'document', name: documentFile.name, tenants: loaded.document.tenants });
        setOtherTenantId(loaded.document.tenants[0].id);
      } else {
        setSource({ kind: 'exo', names: files.map((f) => f.name), files });
      }
    } catch (e) {
      setSource(null);
      setErrors([t('integrations.common.readFailed', { name: chosen.map((f) => f.name).join(', '), reason: e instanceof Error ? e.message : String(e) })]);
    }
  };

  const compare = () => {
    const designed = doc.tenants.find((x) => x.id === designedId);
    if (!designed || !source) return;
    let real: Tenant | undefined;
    if (source.kind === 'document') {
      real = source.tenants.find((x) => x.id === otherTenantId);
    } else {
      // Imported on its own (never into the open design), named like the designed tenant.
      const result = importExoFiles(source.files, { tenantName: designed.name });
      if (!result.ok) {
        setDiff(null);
        setErrors(result.errors.map((e) => e.message));
        return;
      }
      real = result.tenant;
    }
    if (!real) return;
    setErrors([]);
    setDiff(diffTenants(real, designed));
  };

  const show = (id: string | null) => {
    if (!id) return;
    useUiStore.getState().select([id]);
    useUiStore.getState().revealIds([id]);
    onClose();
  };

  return (
    <Modal title={t('integrations.diff.title')} onClose={onClose} className="integration-wide">
      {doc.tenants.length === 0 ? (
        <p>{t('integrations.diff.noTenant')}</p>
      ) : (
        <>
          <p>{t('integrations.diff.intro')}</p>
          <div className="integration-field">
            <label htmlFor={`${ids}-files`}>{t('integrations.diff.source')}</label>
            <input id={`${ids}-files`} type="file" multiple accept=".json,application/json" onChange={(e) => void choose(e.target.files)} data-autofocus />
            <span className="muted small" aria-live="polite">
              {source === null
                ? t('integrations.common.noFiles')
                : source.kind === 'exo'
                  ? t('integrations.common.filesChosen', { count: source.names.length, names: source.names.join(', ') })
                  : source.name}
            </span>
          </div>
          {source?.kind === 'document' && source.tenants.length > 1 && (
            <div className="integration-field">
              <label htmlFor={`${ids}-other`}>{t('integrations.diff.otherTenant', { name: source.name })}</label>
              <select id={`${ids}-other`} value={otherTenantId} onChange={(e) => setOtherTenantId(e.target.value)}>
                {source.tenants.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name} ({x.id})
                  </option>
                ))}
              </select>
            </div>
          )}
          <TenantSelect id={`${ids}-designed`} label={t('integrations.diff.designed')} tenants={doc.tenants} value={designedId} onChange={setDesignedId} />
          <div className="dialog-buttons integration-inline-buttons">
            <button type="button" className="btn btn-primary" onClick={compare} disabled={!source}>
              {t('integrations.diff.compare')}
            </button>
          </div>
        </>
      )}
      {errors.length > 0 && (
        <div role="alert" className="integration-errors">
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {diff && <DiffView diff={diff} onShow={show} />}
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={onClose}>
          {t('integrations.common.close')}
        </button>
      </div>
    </Modal>
  );
}

function DiffView({ diff, onShow }: { diff: TenantDiff; onShow: (id: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <section className="diff-result" aria-label={t('integrations.diff.heading', { a: diff.a.name, b: diff.b.name })}>
      <h3>{t('integrations.diff.heading', { a: diff.a.name, b: diff.b.name })}</h3>
      <p role="status">{diff.identical ? t('integrations.diff.identical') : t('integrations.diff.count', { count: diff.changes.length })}</p>
      <ul className="diff-list">
        {diff.changes.map((change, i) => (
          <li key={`${change.kind}-${change.name}-${i}`} className={`diff-entity diff-${change.change}`}>
            <div className="diff-entity-head">
              <span className={`diff-badge diff-badge-${change.change}`}>{t(`integrations.diff.changes.${change.change}`)}</span>
              <span className="diff-kind">{t(`integrations.diff.kinds.${change.kind}`)}</span>
              <strong className="diff-name">{change.name}</strong>
              {change.idB && change.kind !== 'acceptedDomain' && (
                <button type="button" className="btn btn-small" onClick={() => onShow(change.idB)}>
                  {t('integrations.diff.showOnCanvas')}
                </button>
              )}
            </div>
            {change.fields.length > 0 && (
              <table className="integration-table diff-fields">
                <thead>
                  <tr>
                    <th scope="col">{t('integrations.diff.field')}</th>
                    <th scope="col">{t('integrations.diff.real')}</th>
                    <th scope="col" aria-hidden="true"></th>
                    <th scope="col">{t('integrations.diff.design')}</th>
                  </tr>
                </thead>
                <tbody>
                  {change.fields.map((f) => (
                    <FieldRow key={f.field} field={f} />
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function FieldRow({ field }: { field: FieldChange }) {
  const { t } = useTranslation();
  const format = (value: unknown): string => {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || value === '') return t('integrations.common.notSet');
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  };
  return (
    <tr>
      <th scope="row">
        <code>{field.field}</code>
      </th>
      <td className="diff-old">{format(field.old)}</td>
      <td aria-hidden="true">→</td>
      <td className="diff-new">
        {format(field.new)}
        {(!!field.added?.length || !!field.removed?.length) && (
          <span className="diff-list-change muted small">
            {field.added?.length ? <span>{t('integrations.diff.listAdded', { values: field.added.join(', ') })}</span> : null}
            {field.removed?.length ? <span>{t('integrations.diff.listRemoved', { values: field.removed.join(', ') })}</span> : null}
          </span>
        )}
      </td>
    </tr>
  );
}
