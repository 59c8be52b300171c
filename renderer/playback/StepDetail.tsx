/**
 * The selected step explained: the SMTP conversation so far, the decision and why (from the
 * event's typed data, never from its text) and the source the behaviour comes from.
 */
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { namesOf } from '../../shared/engine';
import { conditionLabel } from '../../shared/i18n/settingLabels';
import type { DomainCheck, SimEvent } from '../../shared/engine/types';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { CheckIcon, CrossIcon } from '../ui/uiIcons';
import { skipReason } from './captions';
import { translator, type Translate } from './i18n';
import { replyText, transcriptUpTo } from './plan';
import { currentStep, usePlaybackStore } from './playbackStore';

type T = Translate;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="pb-why-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Checks({ checks, t, name }: { checks: DomainCheck[]; t: T; name: (id: string) => string }) {
  if (!checks.length) return null;
  return (
    <Row label={t('playback.detail.checks')}>
      <ul className="pb-checks">
        {checks.map((c, i) => (
          <li key={i} className={c.accepted ? 'is-ok' : 'is-no'}>
            {c.accepted ? <CheckIcon /> : <CrossIcon />}{' '}
            {t('playback.detail.domainIn', {
              domain: c.domain ?? '—',
              role: t(`playback.detail.roles.${c.role}`),
              tenant: name(c.tenant),
              verdict: t(c.accepted ? 'playback.detail.accepted' : 'playback.detail.notAccepted'),
            })}
          </li>
        ))}
      </ul>
    </Row>
  );
}

/**
 * "Setting label: value label", in the words the inspector uses (fields.* and enums.*), never the
 * internal `name: value` (issue 17); an unknown value (an SMTP code such as 4.4.62) is shown as is.
 */
function settingText(setting: { name: string; value: string | boolean }, t: T): string {
  const key = setting.name.replace(/\./g, '_');
  const name = t(`playback.detail.settingNames.${key}`, { defaultValue: t(`fields.${setting.name}`, { defaultValue: setting.name }) });
  const raw = String(setting.value);
  const value = /^[a-z]+$/i.test(raw)
    ? t(`enums.${setting.name}.${raw}`, { defaultValue: t(`playback.detail.settingValues.${raw}`, { defaultValue: raw }) })
    : raw;
  return `${name}: ${value}`;
}

function Setting({ setting, t }: { setting: { name: string; value: string | boolean } | null; t: T }) {
  if (!setting) return null;
  return (
    <Row label={t('playback.detail.setting')}>
      {settingText(setting, t)}
    </Row>
  );
}

/** The "why" of one event, from its typed data. */
export function Decision({ event, t, name }: { event: SimEvent; t: T; name: (id: string) => string }) {
  const lang = useUiStore((s) => s.language);
  const rows: ReactNode[] = [];
  if (event.smtp) {
    rows.push(
      <Row key="smtp" label={t('playback.detail.smtpReply')}>
        <code>{replyText(event.smtp)}</code> <span className="muted">({t(`playback.stages.${event.smtp.stage}`)})</span>
      </Row>,
    );
  }
  switch (event.kind) {
    case 'connectorMatch':
      rows.push(
        <Row key="cand" label={t('playback.detail.candidates')}>
          {event.data.candidates.length === 0 ? (
            t('playback.detail.noCandidates')
          ) : (
            <ul className="pb-checks">
              {event.data.candidates.map((c, i) => (
                <li key={i} className="is-ok">
                  <CheckIcon /> {name(c.connector)} ({name(c.tenant)}):{' '}
                  {c.by === 'certificate' ? t('playback.detail.byCertificate', { matched: c.matched }) : t('playback.detail.byIp', { matched: c.matched })}
                </li>
              ))}
            </ul>
          )}
        </Row>,
      );
      break;
    case 'certificateCheck':
      rows.push(
        <Row key="cert" label={t('playback.kinds.certificateCheck')}>
          <span className={event.data.accepted ? 'is-ok' : 'is-no'}>
            {t('playback.detail.certificate', {
              name: event.data.certificateName,
              connectorName: event.data.connectorCertificateName,
              mode: event.data.mode,
              domains: event.data.checkedDomains.join(', '),
            })}
            {' → '}
            {event.data.acceptedDomain ?? t('playback.detail.notAccepted')}
          </span>
        </Row>,
      );
      break;
    case 'attribution':
      rows.push(
        <Row key="dir" label={t('playback.detail.direction')}>
          {t(`playback.detail.${event.data.direction}`)} — {event.data.tenants.length ? event.data.tenants.map(name).join(', ') : name(event.data.tenant)}
        </Row>,
        <Row key="key" label={t('playback.detail.key')}>
          {t(`playback.detail.keys.${event.data.key}`)}
          {event.data.connector ? ` (${name(event.data.connector)})` : ''}
        </Row>,
        <Row key="relay" label={t('playback.detail.relayRights')}>
          {t(event.data.relayRights ? 'playback.detail.yes' : 'playback.detail.no')}
        </Row>,
        <Checks key="checks" checks={event.data.checks} t={t} name={name} />,
        <Setting key="setting" setting={event.data.setting} t={t} />,
      );
      break;
    case 'reject':
      rows.push(<Checks key="checks" checks={event.data.checks} t={t} name={name} />, <Setting key="setting" setting={event.data.setting} t={t} />);
      if (event.data.involved.length)
        rows.push(
          <Row key="inv" label={t('playback.detail.involved')}>
            {event.data.involved.map(name).join(', ')}
          </Row>,
        );
      break;
    case 'rule':
      rows.push(
        <Row key="cond" label={t('playback.detail.conditions')}>
          {/* In the inspector's words, never the internal "sentToScope:NotInOrganization". */}
          {event.data.matchedConditions.length ? event.data.matchedConditions.map((c) => conditionLabel(c, lang)).join(t('playback.detail.listSeparator')) : '—'}
        </Row>,
      );
      break;
    case 'throttle':
      rows.push(
        <Row key="thr" label={t('playback.detail.threshold')}>
          {event.data.threshold === null ? t('playback.chart.unlimited') : Math.round(event.data.threshold).toLocaleString()}
        </Row>,
        <Row key="def" label={t('playback.detail.deferred')}>
          {event.data.messagesDeferred.toLocaleString()} ({t('playback.detail.deferrals', { count: event.data.deferred, formatted: event.data.deferred.toLocaleString() })}) ·{' '}
          {t('playback.detail.expired')}: {event.data.expired.toLocaleString()}
        </Row>,
      );
      break;
    case 'ndr':
      rows.push(
        <Row key="ndr" label={t('playback.kinds.ndr')}>
          <code>
            {event.data.code} {event.data.text}
          </code>{' '}
          → {event.data.sent ? event.data.to : t('playback.canvas.ndrNotSent', { detail: event.data.recipient })}
        </Row>,
      );
      if (event.data.rule) rows.push(<Row key="rule" label={t('playback.kinds.rule')}>{name(event.data.rule)}</Row>);
      break;
    case 'handoff':
      rows.push(
        <Row key="ho" label={t('playback.kinds.handoff')}>
          {name(event.data.fromTenant)} → {name(event.data.toTenant)}: {event.data.recipients.join(', ')}
        </Row>,
      );
      break;
    case 'outbound':
      rows.push(
        <Row key="out" label={t('playback.kinds.outbound')}>
          {event.data.recipient} → {event.data.connector ? name(event.data.connector) : 'MX'}
          {event.data.smartHosts.length ? ` (${event.data.smartHosts.join(', ')})` : ''}
        </Row>,
      );
      break;
    case 'rcptRejected':
      rows.push(
        <Row key="rc" label={t('playback.kinds.rcptRejected')}>
          {event.data.recipient} ({event.data.domain}, {name(event.data.tenant)})
        </Row>,
      );
      break;
    default: {
      // Kinds the engine added later (ruleSkipped, …): the usual fields of their data.
      const d = event.data as Record<string, unknown>;
      if (typeof d.rule === 'string') rows.push(<Row key="rule" label={t('playback.kinds.rule')}>{name(d.rule)}</Row>);
      if (typeof d.reason === 'string')
        rows.push(
          <Row key="reason" label={t('playback.skip.label')}>
            {skipReason(d.reason, t)}
            {typeof d.condition === 'string' ? <code> ({d.condition})</code> : null}
          </Row>,
        );
      break;
    }
  }
  if (rows.length === 0) return null;
  return (
    <>
      <h4>{t('playback.detail.decision')}</h4>
      <dl className="pb-why">{rows}</dl>
    </>
  );
}

export function StepDetail() {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const simulation = usePlaybackStore((s) => s.simulation);
  const step = usePlaybackStore(currentStep);
  const names = useMemo(() => namesOf(doc), [doc]);
  const playing = usePlaybackStore((s) => s.playing);
  if (!simulation || !step) return null;
  const lines = transcriptUpTo(simulation.transcript, step.seq);
  return (
    <section className="pb-detail" aria-label={t('playback.detail.label')} tabIndex={0}>
      <h3 className="pb-detail-title">
        <span className={`pb-kind-dot kind-${step.event.kind}`} aria-hidden="true" />
        {step.event.seq}. {t(`playback.kinds.${step.event.kind}`, { defaultValue: step.event.kind })}
      </h3>
      <p className="pb-detail-text">{step.event.text}</p>
      {/* Screen readers hear each step the user moves to (not every step while playing). */}
      <p className="visually-hidden" aria-live="polite">
        {playing ? '' : step.event.text}
      </p>
      <Decision event={step.event} t={translator(t)} name={names} />
      <h4>{t('playback.detail.conversation')}</h4>
      {lines.length === 0 ? (
        <p className="muted">{t('playback.detail.noConversation')}</p>
      ) : (
        <pre className="pb-transcript" data-testid="smtp-transcript" tabIndex={0} aria-label={t('playback.detail.conversation')}>
          {lines.map((l, i) => (
            <span key={i} className={`pb-line pb-line-${l.side}${l.seq === step.seq ? ' is-now' : ''}`}>
              {l.side === 'client' ? 'C: ' : 'S: '}
              {l.line}
              {'\n'}
            </span>
          ))}
        </pre>
      )}
      <h4>{t('playback.detail.source')}</h4>
      <p className="pb-source">{step.event.source}</p>
    </section>
  );
}
