/** The status bar: what the document holds, its diagnostics, its saved state. */
import { useTranslation } from 'react-i18next';
import { SeverityIcon } from '../canvas/icons';
import { formatCount } from '../i18n';
import { getPlatform } from '../platform';
import { isDirty, useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';

export function StatusBar() {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const dirty = useDocumentStore(isDirty);
  const diagnostics = useUiStore((s) => s.diagnostics);
  const selection = useUiStore((s) => s.selection);
  const count = (sev: 'error' | 'warning' | 'info') => diagnostics.filter((d) => d.severity === sev).length;
  const connectors = doc.tenants.reduce((n, x) => n + x.inboundConnectors.length + x.outboundConnectors.length, 0);
  const rules = doc.tenants.reduce((n, x) => n + x.transportRules.length, 0);
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <span className="status-counts">
        {[formatCount('tenant', doc.tenants.length), formatCount('connector', connectors), formatCount('rule', rules), formatCount('server', doc.servers.length)].join(' · ')}
      </span>
      <button
        type="button"
        className="status-diagnostics"
        onClick={() => useUiStore.getState().setRightTab('diagnostics')}
        title={t('status.diagnostics', { errors: count('error'), warnings: count('warning'), infos: count('info') })}
      >
        {(['error', 'warning', 'info'] as const).map((sev) => (
          <span key={sev} className={`severity-${sev}`}>
            <SeverityIcon severity={sev} size={13} /> {count(sev)}
            <span className="visually-hidden"> {t(`diagnostics.severity.${sev}`)}</span>
          </span>
        ))}
      </button>
      {selection.length > 0 && <span>{t('status.selected', { count: selection.length })}</span>}
      <span className="status-spacer" />
      <span className={dirty ? 'status-dirty' : 'status-saved'} data-testid="save-state">
        {dirty ? t('status.unsaved') : t('status.saved')}
      </span>
      <span className="muted">{t(getPlatform().kind === 'electron' ? 'status.desktop' : 'status.browser')}</span>
    </footer>
  );
}
