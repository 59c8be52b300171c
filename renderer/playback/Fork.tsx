/**
 * The result's date and, for an unstable attribution, the fork: "Exchange Online may attribute this
 * to Contoso or Fabrikam" with one button per branch (playback and present mode share these).
 */
import { useTranslation } from 'react-i18next';
import { evaluationDate } from '../../shared/model/service';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { forkTenants } from './fork';
import { usePlaybackStore } from './playbackStore';

/** "Evaluated as of 2026-12-02", with where the date came from as its tooltip. */
export function EvaluatedAsOf({ date, scenarioId }: { date: string; scenarioId: string | null }) {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const today = useUiStore((s) => s.evaluationDate);
  const scenarioAsOf = doc.scenarios.find((x) => x.id === scenarioId)?.asOf ?? null;
  const { source } = evaluationDate(doc.service, { scenarioAsOf, today });
  return (
    <span className="pb-asof" data-testid="evaluated-as-of" data-date={date} data-source={source} title={t('playback.asOfTitle', { date, source: t(`playback.asOfSource.${source}`) })}>
      {t('playback.asOf', { date })}
    </span>
  );
}

export function ForkBar({ name }: { name: (id: string) => string }) {
  const { t } = useTranslation();
  const fork = usePlaybackStore((s) => s.fork);
  if (!fork) return null;
  const tenants = forkTenants(fork.base);
  const names = tenants.map(name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')}${t('playback.fork.or')}${names[names.length - 1]}` : (names[0] ?? '');
  return (
    <div className="pb-fork" data-testid="playback-fork" title={t('playback.fork.help')}>
      <span className="pb-fork-headline">{t('playback.fork.headline', { tenants: list })}</span>
      <span className="pb-fork-branches" role="group" aria-label={t('playback.fork.branches')}>
        {tenants.map((tenant, i) => (
          <button
            key={tenant}
            type="button"
            className={`pb-fork-branch${i === fork.branch ? ' is-active' : ''}`}
            aria-pressed={i === fork.branch}
            title={t('playback.fork.branch', { tenant: names[i] })}
            data-tenant={tenant}
            onClick={() => usePlaybackStore.getState().selectBranch(i)}
          >
            {names[i]}
          </button>
        ))}
      </span>
    </div>
  );
}
