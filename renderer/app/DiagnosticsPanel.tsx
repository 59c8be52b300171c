/** The engine's diagnostics, live; clicking one selects and reveals the entity it concerns. */
import { useTranslation } from 'react-i18next';
import { SeverityIcon } from '../canvas/icons';
import { locateEntity } from '../model/entities';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import type { Diagnostic } from '../diagnostics';
import { scenarioTab } from './slots';
import { evaluationDate } from '../../shared/model/service';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function DiagnosticsPanel() {
  const { t } = useTranslation();
  const diagnostics = useUiStore((s) => s.diagnostics);
  const doc = useDocumentStore((s) => s.doc);
  const today = useUiStore((s) => s.evaluationDate);
  // The date the diagnostics speak of (certificates, TLS, enforcement depend on it).
  const asOf = (
    <p className="muted small diagnostics-asof" data-testid="diagnostics-as-of">
      {t('diagnostics.asOf', { date: evaluationDate(doc.service, { today }).date })}
    </p>
  );
  const sorted = [...diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const reveal = (d: Diagnostic) => {
    if (!d.entity) return;
    const found = locateEntity(doc, d.entity);
    const ui = useUiStore.getState();
    if (found) {
      ui.select([d.entity]);
      ui.revealIds([d.entity]);
      ui.setRightTab('inspector');
    } else {
      // A scenario (no node on the canvas): the Scenarios tab shows it, when the playback feature is there.
      ui.select([d.entity]);
      if (scenarioTab && doc.scenarios.some((s) => s.id === d.entity)) ui.setRightTab('scenarios');
    }
  };
  if (sorted.length === 0) {
    return (
      <>
        {asOf}
        <div className="diagnostics-empty" role="status">
          {t('diagnostics.none')}
        </div>
      </>
    );
  }
  return (
    <>
    {asOf}
    <ul className="diagnostics-list" aria-label={t('diagnostics.title')}>
      {sorted.map((d, i) => {
        const found = d.entity ? locateEntity(doc, d.entity) : null;
        return (
          <li key={`${d.rule}-${d.entity}-${i}`}>
            <button
              type="button"
              className={`diagnostic severity-${d.severity}`}
              onClick={() => reveal(d)}
              disabled={!d.entity}
              data-rule={d.rule}
              data-entity={d.entity ?? ''}
            >
              <SeverityIcon severity={d.severity} size={16} />
              <span className="diagnostic-text">
                <span className="diagnostic-meta">
                  {t(`diagnostics.severity.${d.severity}`)} · <code>{d.rule}</code>
                  {found && (
                    <>
                      {' '}
                      · {t(`kinds.${found.kind}`)} <strong>{found.entity.name}</strong>
                    </>
                  )}
                </span>
                <span className="diagnostic-message">{d.message}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
    </>
  );
}
