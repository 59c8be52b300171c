/**
 * File ▸ Import from Exchange Online…: the JSON files an administrator saved with
 * `Get-AcceptedDomain | ConvertTo-Json` (and Get-InboundConnector, Get-OutboundConnector,
 * Get-TransportRule, Get-OrganizationConfig), a tenant name, and where the tenant goes. The import
 * (shared/exo) runs first without touching the design; the report says what was not carried over
 * and which rules the simulation skips (unmodelledConditions); only "Add" / "Open" applies it, as one undo step.
 * A bad file names itself and changes nothing.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importExoFiles, reasonText, valueText, type ExoFile, type ImportError, type ImportOutcome, type ImportReport } from '../../shared/exo';
import type { TopologyDocument } from '../../shared/model/schema';
import { computeAutoLayout } from '../canvas/layout';
import { confirmDiscardChanges, openAsUntitled } from '../files/fileController';
import { locateEntity, setPositions } from '../model/entities';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { readExoFiles, suggestTenantName } from './files';
import { Modal } from './Modal';

type Target = 'this' | 'new';

interface Prepared {
  document: TopologyDocument;
  tenantId: string;
  report: ImportReport;
  target: Target;
  /** The design the tenant was added to (null for a new design). */
  base: TopologyDocument | null;
}

const SAVE_COMMANDS = [
  'Get-AcceptedDomain | ConvertTo-Json | Out-File accepted-domains.json -Encoding utf8',
  'Get-InboundConnector | ConvertTo-Json -Depth 5 | Out-File inbound.json -Encoding utf8',
  'Get-OutboundConnector | ConvertTo-Json -Depth 5 | Out-File outbound.json -Encoding utf8',
  'Get-TransportRule | ConvertTo-Json -Depth 5 | Out-File rules.json -Encoding utf8',
  'Get-OrganizationConfig | ConvertTo-Json | Out-File org.json -Encoding utf8',
].join('\n');

export function ImportExoDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [files, setFiles] = useState<ExoFile[]>([]);
  const [tenantName, setTenantName] = useState('');
  const [target, setTarget] = useState<Target>('this');
  const [errors, setErrors] = useState<string[]>([]);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (list: FileList | null) => {
    setErrors([]);
    const chosen = list ? [...list] : [];
    try {
      const read = await readExoFiles(chosen);
      setFiles(read);
      if (!tenantName.trim()) setTenantName(suggestTenantName(read) ?? '');
    } catch (e) {
      setFiles([]);
      setErrors([t('integrations.common.readFailed', { name: chosen.map((f) => f.name).join(', '), reason: e instanceof Error ? e.message : String(e) })]);
    }
  };

  const read = () => {
    const problems: string[] = [];
    if (files.length === 0) problems.push(t('integrations.import.filesRequired'));
    if (!tenantName.trim()) problems.push(t('integrations.import.tenantNameRequired'));
    if (problems.length) {
      setErrors(problems);
      return;
    }
    const into = target === 'this' ? useDocumentStore.getState().doc : null;
    const result = importExoFiles(files, { tenantName: tenantName.trim(), into });
    if (!result.ok) {
      setErrors(result.errors.map((e: ImportError) => e.message));
      return;
    }
    setErrors([]);
    setPrepared({ document: result.document, tenantId: result.tenant.id, report: result.report, target, base: into });
  };

  const apply = async () => {
    if (!prepared) return;
    setBusy(true);
    try {
      if (prepared.target === 'new') {
        // A new design: lay everything out with the designer's auto layout before showing it.
        const positions = await computeAutoLayout(prepared.document);
        const known = Object.fromEntries(Object.entries(positions).filter(([id]) => locateEntity(prepared.document, id)));
        const laidOut = setPositions(prepared.document, known);
        onClose();
        if (!(await confirmDiscardChanges())) return;
        await openAsUntitled(laidOut);
      } else {
        // Added to this design: the import placed the tenant below what the canvas shows, so the
        // user's own layout stays as it is; the whole import is one commit, hence one undo step.
        if (useDocumentStore.getState().doc !== prepared.base) {
          // The design changed after the files were read: read them again against it.
          setPrepared(null);
          return;
        }
        useDocumentStore.getState().commit(prepared.document);
        onClose();
      }
      useUiStore.getState().select([prepared.tenantId]);
      useUiStore.getState().revealIds([prepared.tenantId]);
      useUiStore.getState().toast('success', t('integrations.import.applied', { name: prepared.report.tenantName }));
    } catch (e) {
      setErrors([e instanceof Error ? e.message : String(e)]);
    } finally {
      setBusy(false);
    }
  };

  const errorBox = errors.length > 0 && (
    <div role="alert" className="integration-errors">
      {prepared === null && files.length > 0 && <p className="integration-errors-title">{t('integrations.import.errorsTitle')}</p>}
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
    </div>
  );

  if (prepared) {
    return (
      <Modal title={t('integrations.import.reportTitle')} onClose={onClose} busy={busy} className="integration-wide">
        <ImportReportView report={prepared.report} />
        {errorBox}
        <div className="dialog-buttons">
          <button type="button" className="btn" onClick={() => setPrepared(null)} disabled={busy}>
            {t('integrations.import.back')}
          </button>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('integrations.common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void apply()} disabled={busy} aria-busy={busy} data-autofocus>
            {prepared.target === 'new' ? t('integrations.import.applyNew') : t('integrations.import.applyThis')}
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={t('integrations.import.title')} onClose={onClose} className="integration-wide">
      <p>{t('integrations.import.intro')}</p>
      <details className="integration-howto">
        <summary>{t('integrations.import.howTo')}</summary>
        <pre>{SAVE_COMMANDS}</pre>
      </details>
      <div className="integration-field">
        <label htmlFor={`${ids}-files`}>{t('integrations.common.chooseFiles')}</label>
        <input id={`${ids}-files`} type="file" multiple accept=".json,.ps1,application/json,text/plain" onChange={(e) => void choose(e.target.files)} data-autofocus />
        <span className="muted small" aria-live="polite">
          {files.length === 0 ? t('integrations.common.noFiles') : t('integrations.common.filesChosen', { count: files.length, names: files.map((f) => f.name).join(', ') })}
        </span>
      </div>
      <div className="integration-field">
        <label htmlFor={`${ids}-tenant`}>{t('integrations.import.tenantName')}</label>
        <input id={`${ids}-tenant`} type="text" value={tenantName} onChange={(e) => setTenantName(e.target.value)} autoComplete="off" />
      </div>
      <fieldset className="integration-field">
        <legend>{t('integrations.import.target')}</legend>
        <label>
          <input type="radio" name={`${ids}-target`} checked={target === 'this'} onChange={() => setTarget('this')} /> {t('integrations.import.targetThis')}
        </label>
        <label>
          <input type="radio" name={`${ids}-target`} checked={target === 'new'} onChange={() => setTarget('new')} /> {t('integrations.import.targetNew')}
        </label>
      </fieldset>
      {errorBox}
      <div className="dialog-buttons">
        <button type="button" className="btn" onClick={onClose}>
          {t('integrations.common.cancel')}
        </button>
        <button type="button" className="btn btn-primary" onClick={read}>
          {t('integrations.import.preview')}
        </button>
      </div>
    </Modal>
  );
}

/** The import report as the user reads it before applying: counts, then per file what was left out or converted. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  // The reasons come from shared/exo's bilingual table, in the language the UI shows.
  const lang = i18n.language?.startsWith('ja') ? 'ja' : 'en';
  const c = report.counts;
  return (
    <section className="import-report" aria-label={t('integrations.import.reportTitle')}>
      <p>
        {t('integrations.import.summary', {
          name: report.tenantName,
          acceptedDomains: c.acceptedDomains,
          inboundConnectors: c.inboundConnectors,
          outboundConnectors: c.outboundConnectors,
          transportRules: c.transportRules,
        })}
      </p>
      <ul className="import-counts">
        {c.servers > 0 && <li>{t('integrations.import.serversCount', { count: c.servers })}</li>}
        {c.unmodelled > 0 && (
          <li className="import-warning">
            {t('integrations.import.unmodelledCount', { count: c.unmodelled })}
            <ObjectNames report={report} outcome="unmodelled" />
          </li>
        )}
        {c.skipped > 0 && (
          <li className="import-warning">
            {t('integrations.import.skippedCount', { count: c.skipped })}
            <ObjectNames report={report} outcome="skipped" />
          </li>
        )}
        {c.entries > 0 && <li>{t('integrations.import.entriesCount', { count: c.entries })}</li>}
      </ul>
      {report.files.map((file) => {
        const listed = file.objects.filter((o) => o.outcome !== 'imported' || o.entries.length > 0);
        return (
          <section key={file.file} className="import-file">
            <h3>{t('integrations.import.fileHeading', { file: file.file, cmdlet: file.cmdlet })}</h3>
            {listed.length === 0 ? (
              <p className="muted small">{t('integrations.import.nothingLeftOut')}</p>
            ) : (
              <table className="integration-table">
                <thead>
                  <tr>
                    <th scope="col">{t('integrations.import.object')}</th>
                    <th scope="col">{t('integrations.import.outcome')}</th>
                    <th scope="col">{t('integrations.import.property')}</th>
                    <th scope="col">{t('integrations.import.value')}</th>
                    <th scope="col">{t('integrations.import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {listed.flatMap((o) => {
                    const rows = o.entries.length > 0 ? o.entries : [null];
                    return rows.map((entry, i) => (
                      <tr key={`${o.name}-${i}`} className={`outcome-${o.outcome}`}>
                        {i === 0 && (
                          <>
                            <th scope="row" rowSpan={rows.length}>
                              {o.name}
                            </th>
                            <td rowSpan={rows.length}>
                              <span className={`import-outcome import-outcome-${o.outcome}`}>{t(`integrations.import.outcomes.${o.outcome}`)}</span>
                            </td>
                          </>
                        )}
                        <td>{entry && <code>{entry.property}</code>}</td>
                        <td className="import-value">{entry && valueText(entry, lang)}</td>
                        <td>{entry && reasonText(entry, lang)}</td>
                      </tr>
                    ));
                  })}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </section>
  );
}

/** The names of the objects with this outcome, so what needs attention is seen before the details. */
function ObjectNames({ report, outcome }: { report: ImportReport; outcome: ImportOutcome }) {
  const objects = report.files.flatMap((f) => f.objects.filter((o) => o.outcome === outcome).map((o) => ({ file: f.file, name: o.name })));
  return (
    <ul className="import-object-names">
      {objects.map((o) => (
        <li key={`${o.file}:${o.name}`}>
          {o.name} <span className="muted">({o.file})</span>
        </li>
      ))}
    </ul>
  );
}
