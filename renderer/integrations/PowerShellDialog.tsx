/**
 * File ▸ Export as PowerShell…: the script shared/exo writes for one designed tenant (New-/Set- for
 * connectors and mail flow rules, idempotent, -WhatIf), previewed read-only and saved as
 * `<tenant>.ps1` with a UTF-8 byte order mark so Windows PowerShell 5.1 reads non-ASCII names.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generatePowerShell } from '../../shared/exo';
import { isLocatedChild, locateEntity } from '../model/entities';
import { getPlatform } from '../platform';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { safeFileStem } from './files';
import { Modal } from './Modal';
import { TenantSelect } from './TenantSelect';

/** The tenant of the selection, else the first tenant. */
function initialTenant(): string {
  const doc = useDocumentStore.getState().doc;
  for (const id of useUiStore.getState().selection) {
    const found = locateEntity(doc, id);
    if (found?.kind === 'tenant') return found.id;
    if (isLocatedChild(found)) return found.tenant.id;
  }
  return doc.tenants[0]?.id ?? '';
}

export function PowerShellDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const doc = useDocumentStore((s) => s.doc);
  const [tenantId, setTenantId] = useState(initialTenant);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const result = useMemo(() => (tenantId ? generatePowerShell(doc, tenantId) : null), [doc, tenantId]);
  const tenant = doc.tenants.find((x) => x.id === tenantId);
  const fileName = `${safeFileStem(tenant?.id ?? tenantId)}.ps1`;

  const save = async () => {
    if (!result?.ok) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await getPlatform().saveExport(fileName, 'ps1', `\uFEFF${result.script}`);
      if (saved.ok) {
        useUiStore.getState().toast('success', t('integrations.powershell.saved', { name: saved.name }));
        onClose();
      } else if (saved.reason === 'error') {
        setError(saved.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('integrations.powershell.title')} onClose={onClose} busy={busy} className="integration-wide">
      {doc.tenants.length === 0 ? (
        <p>{t('integrations.powershell.noTenant')}</p>
      ) : (
        <>
          <TenantSelect id={`${ids}-tenant`} label={t('integrations.powershell.tenant')} tenants={doc.tenants} value={tenantId} onChange={setTenantId} />
          <p className="muted small">{t('integrations.powershell.hint')}</p>
          {result && !result.ok && (
            <p role="alert" className="dialog-error">
              {result.message}
            </p>
          )}
          {result?.ok && (
            <textarea
              className="powershell-preview"
              readOnly
              spellCheck={false}
              wrap="off"
              aria-label={t('integrations.powershell.script')}
              value={result.script}
            />
          )}
        </>
      )}
      {error && (
        <p role="alert" className="dialog-error">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={onClose} disabled={busy}>
          {t('integrations.common.close')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy || !result?.ok}>
          {t('integrations.powershell.save', { name: fileName })}
        </button>
      </div>
    </Modal>
  );
}
