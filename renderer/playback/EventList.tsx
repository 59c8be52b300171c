/**
 * The event list ("Events"): one row per engine event, filterable by kind and tenant. Choosing a
 * row moves playback to that step and selects its entity on the canvas.
 */
import { useContextMenu } from '../actions/contextActions';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS } from '../../shared/engine/types';
import { namesOf } from '../../shared/engine';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { filterSteps, type PlanStep } from './plan';
import { usePlaybackStore } from './playbackStore';

/** Entities the canvas can select (landmarks are not selectable). */
function selectableEntity(step: PlanStep): string | null {
  const id = step.focus;
  return id.startsWith('__') ? null : id;
}

export function chooseStep(step: PlanStep): void {
  usePlaybackStore.getState().pause();
  usePlaybackStore.getState().goTo(step.index);
  const entity = selectableEntity(step);
  if (entity) useUiStore.getState().select([entity]);
}

export function EventList() {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const plan = usePlaybackStore((s) => s.plan);
  const index = usePlaybackStore((s) => s.index);
  const kindFilter = usePlaybackStore((s) => s.kindFilter);
  const tenantFilter = usePlaybackStore((s) => s.tenantFilter);
  const names = useMemo(() => namesOf(doc), [doc]);
  const whereName = (id: string) => (id === 'eop' ? t('canvas.frontDoor') : id === 'internet' ? t('canvas.internet') : names(id));
  const steps = useMemo(
    () => filterSteps(plan?.steps ?? [], { kinds: kindFilter ? new Set([kindFilter]) : null, tenant: tenantFilter }),
    [plan, kindFilter, tenantFilter],
  );
  // Kinds in the engine's order, then any kind it added that this list does not know yet.
  const kindsPresent = useMemo(() => {
    const present = [...new Set((plan?.steps ?? []).map((s) => s.event.kind as string))];
    return [...EVENT_KINDS.filter((k) => present.includes(k)), ...present.filter((k) => !(EVENT_KINDS as readonly string[]).includes(k))];
  }, [plan]);
  const kindLabel = (kind: string) => t(`playback.kinds.${kind}`, { defaultValue: kind });
  const tenantsPresent = useMemo(
    () => doc.tenants.filter((tn) => plan?.steps.some((s) => s.event.tenant === tn.id || s.event.entities.includes(tn.id))),
    [doc, plan],
  );
  const currentRow = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    currentRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [index]);

  return (
    <div className="pb-events">
      <div className="pb-filters">
        <label>
          <span className="visually-hidden">{t('playback.events.filterKind')}</span>
          <select aria-label={t('playback.events.filterKind')} value={kindFilter ?? ''} onChange={(e) => usePlaybackStore.getState().setKindFilter(e.target.value || null)}>
            <option value="">{t('playback.events.allKinds')}</option>
            {kindsPresent.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('playback.events.filterTenant')}</span>
          <select aria-label={t('playback.events.filterTenant')} value={tenantFilter ?? ''} onChange={(e) => usePlaybackStore.getState().setTenantFilter(e.target.value || null)}>
            <option value="">{t('playback.events.allTenants')}</option>
            {tenantsPresent.map((tn) => (
              <option key={tn.id} value={tn.id}>
                {tn.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="pb-events-scroll">
        <table className="pb-events-table" aria-label={t('playback.events.label')}>
          <thead>
            <tr>
              <th scope="col">{t('playback.events.order')}</th>
              <th scope="col">{t('playback.events.where')}</th>
              <th scope="col">{t('playback.events.what')}</th>
              <th scope="col">{t('playback.events.code')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => {
              const current = s.index === index;
              const future = s.index > index;
              return (
                <tr
                  key={s.index}
                  ref={current ? currentRow : undefined}
                  className={`pb-event kind-${s.event.kind}${current ? ' is-current' : ''}${future ? ' is-future' : ''}`}
                  aria-current={current ? 'step' : undefined}
                  tabIndex={0}
                  onClick={() => chooseStep(s)}
                  onContextMenu={(e) => {
                    // A playback step's menu (renderer/actions/contextActions.ts) acts on the step's entity.
                    e.preventDefault();
                    chooseStep(s);
                    useContextMenu.getState().show({ target: 'step', x: e.clientX, y: e.clientY, at: null });
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      chooseStep(s);
                    }
                  }}
                  data-kind={s.event.kind}
                >
                  <td className="pb-order">{s.event.seq}</td>
                  <td className="pb-where" title={`${whereName(s.event.at)} · ${kindLabel(s.event.kind)}`}>
                    <span className={`pb-kind-dot kind-${s.event.kind}`} aria-hidden="true" />
                    {whereName(s.event.at)}
                    <span className="pb-kind-name">{kindLabel(s.event.kind)}</span>
                  </td>
                  <td className="pb-what" title={s.event.text}>
                    {s.event.text}
                  </td>
                  <td className="pb-code">{s.event.smtp ? `${s.event.smtp.code} ${s.event.smtp.enhanced}` : (s.event.code ?? '')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {steps.length === 0 && plan && <p className="muted pb-empty">{t('playback.events.none')}</p>}
      </div>
    </div>
  );
}
