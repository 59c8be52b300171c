/**
 * The Scenarios tab: the document's scenarios, Run and Check all with pass/fail badges, and a form
 * to create or edit a message or load scenario. Edits are whole-document commits through the
 * designer's `commitValidated`, so each is one undo step and is validated like a loaded file.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScenarioRequest } from '../actions/contextActions';
import { performAction } from '../actions/registry';
import { commitValidated, useDocumentStore } from '../store/documentStore';
import { askConfirm, useUiStore } from '../store/uiStore';
import type { LoadError } from '../../shared/model/load';
import { RESULTS } from '../../shared/model/schema';
import { locateEntity } from '../../shared/model/edit';
import { scenarioDisplayDescription, scenarioDisplayName } from './scenarioNames';
import { translator } from './i18n';
import { usePlaybackStore } from './playbackStore';
import {
  draftFromScenario,
  duplicateScenario,
  fieldOfPath,
  newDraft,
  scenarioFromDraft,
  validateDraft,
  withoutScenario,
  withScenario,
  type DraftErrors,
  type FieldProblem,
  type ScenarioDraft,
  tenantMailboxes,
} from './scenarioForm';
import { CheckIcon, CrossIcon, PlayIcon } from '../ui/uiIcons';

type Editing = { draft: ScenarioDraft; originalId: string | null };

export function ScenarioPanel() {
  const { t, i18n } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const selected = usePlaybackStore((s) => s.selectedScenario);
  const checks = usePlaybackStore((s) => s.checks);
  const scope = usePlaybackStore((s) => s.checkScope);
  const runningId = usePlaybackStore((s) => s.scenarioId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const uiSelection = useUiStore((s) => s.selection);
  // A scenario chosen elsewhere (a diagnostic about it) becomes the selected scenario here.
  useEffect(() => {
    const id = uiSelection[0];
    if (id && uiSelection.length === 1 && useDocumentStore.getState().doc.scenarios.some((s) => s.id === id)) {
      usePlaybackStore.getState().selectScenario(id);
    }
  }, [uiSelection]);
  // "Send a test message from here" (a server's context menu): the form, prefilled with that server.
  const requested = useScenarioRequest((s) => s.serverId);
  useEffect(() => {
    if (!requested) return;
    useScenarioRequest.setState({ serverId: null });
    const current = useDocumentStore.getState().doc;
    setEditing({ draft: { ...newDraft(current, 'message', t('playback.form.titleNew')), serverId: requested }, originalId: null });
  }, [requested, t]);
  const selectedId = doc.scenarios.some((s) => s.id === selected) ? selected : (doc.scenarios[0]?.id ?? null);
  const selectedScenario = doc.scenarios.find((s) => s.id === selectedId) ?? null;
  const checkList = checks ? Object.values(checks) : [];
  const passed = checkList.filter((c) => c.pass).length;
  // "Run scenarios that touch this": the component's name, and which scenarios ran.
  const scopeName = scope ? (locateEntity(doc, scope.entity)?.entity.name ?? scope.entity) : '';
  const ranHere = (id: string) => !scope || scope.ran.includes(id);

  if (editing) {
    return <ScenarioForm editing={editing} onDone={(id) => {
      setEditing(null);
      if (id) usePlaybackStore.getState().selectScenario(id);
    }} />;
  }

  return (
    <div className="pb-scenarios">
      <div className="pb-scenario-toolbar">
        <button type="button" className="btn btn-small" onClick={() => setEditing({ draft: newDraft(doc, 'message', t('playback.form.titleNew')), originalId: null })} disabled={doc.servers.length === 0 && doc.tenants.length === 0}>
          + {t('playback.message')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setEditing({ draft: newDraft(doc, 'load', t('playback.form.titleNew')), originalId: null })} disabled={doc.servers.length === 0}>
          + {t('playback.load')}
        </button>
        <span className="status-spacer" />
        <button type="button" className="btn btn-small" onClick={() => performAction('simulation.checkAll')} disabled={!doc.scenarios.some((s) => s.expect)}>
          {t('playback.checkAll')}
        </button>
      </div>
      {checks && (
        <p className={`pb-check-summary${passed === checkList.length ? ' is-pass' : ' is-fail'}`} role="status" data-testid="check-summary">
          {scope
            ? scope.ran.length
              ? t('playback.touching.summary', { count: scope.ran.length, name: scopeName, passed, total: checkList.length })
              : t('playback.touching.none', { name: scopeName })
            : checkList.length
              ? t('playback.checkSummary', { passed, total: checkList.length })
              : t('playback.checkNone')}
        </p>
      )}
      {doc.scenarios.length === 0 ? (
        <p className="muted pb-empty">{t('playback.noScenarios')}</p>
      ) : (
        <div
          className="pb-scenario-list"
          role="listbox"
          aria-label={t('playback.scenarioList')}
          tabIndex={0}
          aria-activedescendant={selectedId ? `scenario-option-${selectedId}` : undefined}
          onKeyDown={(e) => {
            const i = doc.scenarios.findIndex((s) => s.id === selectedId);
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              e.stopPropagation();
              const next = doc.scenarios[Math.max(0, Math.min(doc.scenarios.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
              if (next) usePlaybackStore.getState().selectScenario(next.id);
            } else if (e.key === 'Enter' && selectedId) {
              e.preventDefault();
              usePlaybackStore.getState().run(selectedId);
            }
          }}
        >
          {doc.scenarios.map((s) => {
            const check = checks?.[s.id];
            const isSelected = s.id === selectedId;
            return (
              <div
                key={s.id}
                id={`scenario-option-${s.id}`}
                role="option"
                aria-selected={isSelected}
                className={`pb-scenario${isSelected ? ' is-selected' : ''}${runningId === s.id ? ' is-running' : ''}${ranHere(s.id) ? '' : ' is-outside'}`}
                onClick={() => usePlaybackStore.getState().selectScenario(s.id)}
                onDoubleClick={() => usePlaybackStore.getState().run(s.id)}
                data-scenario={s.id}
              >
                <div className="pb-scenario-line">
                  <span className={`pb-kind-tag${s.load ? ' is-load' : ''}`}>{t(s.load ? 'playback.load' : 'playback.message')}</span>
                  <span className="pb-scenario-title">
                    {scenarioDisplayName(s, i18n.language)}
                    {runningId === s.id && (
                      <span className="pb-running-mark">
                        {' '}
                        <PlayIcon />
                      </span>
                    )}
                  </span>
                  {check && (
                    <span className={`pb-badge ${check.pass ? 'is-pass' : 'is-fail'}`} data-testid="check-badge">
                      {check.pass ? <CheckIcon /> : <CrossIcon />} {t(check.pass ? 'playback.pass' : 'playback.fail')}
                    </span>
                  )}
                  {checks && !check && ranHere(s.id) && <span className="pb-badge is-none">{t('playback.noExpectation')}</span>}
                  {checks && !ranHere(s.id) && <span className="pb-badge is-none">{t('playback.touching.outside')}</span>}
                </div>
                {s.description && isSelected && <p className="pb-scenario-desc">{scenarioDisplayDescription(s, i18n.language)}</p>}
                {check && !check.pass && (
                  <ul className="pb-differences" aria-label={t('playback.differences')}>
                    {check.differences.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      )}
      {selectedScenario && (
        <div className="pb-scenario-actions">
          <button type="button" className="btn btn-primary" onClick={() => performAction('simulation.run')}>
            {t('playback.run')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setEditing({ draft: draftFromScenario(selectedScenario), originalId: selectedScenario.id })}>
            {t('playback.edit')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              const result = duplicateScenario(doc, selectedScenario.id, t('playback.duplicate'));
              if (result && commitValidated(result.doc).ok) usePlaybackStore.getState().selectScenario(result.id);
            }}
          >
            {t('playback.duplicate')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => {
              void askConfirm({
                title: t('playback.delete'),
                message: selectedScenario.name,
                confirmLabel: t('playback.delete'),
                danger: true,
              }).then((ok) => {
                if (ok) commitValidated(withoutScenario(useDocumentStore.getState().doc, selectedScenario.id));
              });
            }}
          >
            {t('playback.delete')}
          </button>
        </div>
      )}
    </div>
  );
}

function Field({ label, error, children, id }: { label: string; error?: FieldProblem; children: ReactNode; id: string }) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error.raw ?? translator(t)(error.key, error.values)}
        </div>
      )}
    </div>
  );
}

function ScenarioForm({ editing, onDone }: { editing: Editing; onDone(id: string | null): void }) {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const [draft, setDraft] = useState(editing.draft);
  const mailboxes = useMemo(() => tenantMailboxes(doc), [doc]);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [docErrors, setDocErrors] = useState<LoadError[]>([]);
  const set = <K extends keyof ScenarioDraft>(key: K, value: ScenarioDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const input = (key: keyof ScenarioDraft, label: string, props: Record<string, unknown> = {}) => (
    <Field label={label} error={errors[key]} id={`scn-${key}`}>
      <input
        id={`scn-${key}`}
        type="text"
        value={String(draft[key])}
        onChange={(e) => set(key, e.target.value as never)}
        aria-invalid={!!errors[key]}
        aria-describedby={errors[key] ? `scn-${key}-error` : undefined}
        spellCheck={false}
        {...props}
      />
    </Field>
  );

  const save = () => {
    const fieldErrors = validateDraft(doc, draft, editing.originalId);
    setErrors(fieldErrors);
    if (Object.values(fieldErrors).some(Boolean)) return;
    const previous = editing.originalId ? (doc.scenarios.find((s) => s.id === editing.originalId) ?? null) : null;
    const scenario = scenarioFromDraft(draft, previous);
    const candidate = withScenario(doc, scenario, editing.originalId);
    const result = commitValidated(candidate);
    if (!result.ok) {
      // The whole document is validated as the loader does; errors about this scenario go beside their field.
      const index = candidate.scenarios.findIndex((s) => s.id === scenario.id);
      const byField: DraftErrors = {};
      const rest: LoadError[] = [];
      for (const err of result.errors) {
        const field = fieldOfPath(err.path, index);
        if (field && !byField[field]) byField[field] = { key: '', raw: err.message };
        else rest.push(err);
      }
      setErrors(byField);
      setDocErrors(rest);
      return;
    }
    onDone(scenario.id);
  };

  return (
    <form
      className="pb-form"
      aria-label={t(editing.originalId ? 'playback.form.titleEdit' : 'playback.form.titleNew')}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 className="pb-form-title">{t(editing.originalId ? 'playback.form.titleEdit' : 'playback.form.titleNew')}</h3>
      {input('name', t('playback.form.name'))}
      {input('id', t('playback.form.id'))}
      <Field label={t('playback.form.type')} id="scn-kind">
        <select id="scn-kind" value={draft.kind} onChange={(e) => set('kind', e.target.value as ScenarioDraft['kind'])}>
          <option value="message">{t('playback.form.typeMessage')}</option>
          <option value="load">{t('playback.form.typeLoad')}</option>
        </select>
      </Field>
      {draft.kind === 'message' && (
        <Field label={t('playback.form.source')} id="scn-source">
          <select id="scn-source" value={draft.source} onChange={(e) => set('source', e.target.value as ScenarioDraft['source'])}>
            <option value="server">{t('playback.form.sourceServer')}</option>
            <option value="mailbox">{t('playback.form.sourceMailbox')}</option>
          </select>
        </Field>
      )}
      {draft.kind === 'message' && draft.source === 'mailbox' ? (
        <>
          {input('fromMailbox', t('playback.form.fromMailbox'), { list: 'scn-mailboxes', placeholder: mailboxes[0]?.address ?? 'alice@contoso.com' })}
          <datalist id="scn-mailboxes">
            {mailboxes.map((m) => (
              <option key={`${m.tenant}/${m.address}`} value={m.address}>
                {doc.tenants.find((x) => x.id === m.tenant)?.name ?? m.tenant}
              </option>
            ))}
          </datalist>
        </>
      ) : (
        <Field label={t('playback.form.server')} error={errors.serverId} id="scn-serverId">
          <select id="scn-serverId" value={draft.serverId} onChange={(e) => set('serverId', e.target.value)}>
            {doc.servers.length === 0 && <option value="">{t('playback.form.noServer')}</option>}
            {doc.servers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.ipAddress})
              </option>
            ))}
          </select>
        </Field>
      )}
      {draft.kind === 'message' ? (
        <>
          {input('mailFrom', t(draft.source === 'mailbox' ? 'playback.form.mailFromMailbox' : 'playback.form.mailFrom'))}
          <Field label={t('playback.form.rcptTo')} error={errors.rcptTo} id="scn-rcptTo">
            <textarea
              id="scn-rcptTo"
              rows={3}
              value={draft.rcptTo}
              onChange={(e) => set('rcptTo', e.target.value)}
              aria-invalid={!!errors.rcptTo}
              aria-describedby={errors.rcptTo ? 'scn-rcptTo-error' : undefined}
              spellCheck={false}
            />
          </Field>
          {input('headerFrom', t('playback.form.headerFrom'))}
        </>
      ) : (
        <>
          {input('baselinePerHour', t('playback.form.baselinePerHour'), { inputMode: 'numeric' })}
          {input('baselineDays', t('playback.form.baselineDays'), { inputMode: 'numeric' })}
          {input('burstPerHour', t('playback.form.burstPerHour'), { inputMode: 'numeric' })}
          {input('burstHours', t('playback.form.burstHours'), { inputMode: 'numeric' })}
        </>
      )}
      {input('asOf', t('playback.form.asOf'), { type: 'date' })}
      <Field label={t('playback.form.description')} error={errors.description} id="scn-description">
        <textarea id="scn-description" rows={2} value={draft.description} onChange={(e) => set('description', e.target.value)} />
      </Field>
      {input('comment', t('playback.form.comment'))}
      <fieldset className="pb-fieldset">
        <legend>{t('playback.form.expect')}</legend>
        <Field label={t('playback.controls.result')} error={errors.expectResult} id="scn-expectResult">
          <select id="scn-expectResult" value={draft.expectResult} onChange={(e) => set('expectResult', e.target.value as ScenarioDraft['expectResult'])}>
            <option value="">{t('playback.form.expectNone')}</option>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`playback.results.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        {draft.expectResult && (
          <>
            {input('expectCode', t('playback.form.expectCode'), { placeholder: '5.7.64' })}
            <Field label={t('playback.form.expectTenant')} error={errors.expectTenant} id="scn-expectTenant">
              <select id="scn-expectTenant" value={draft.expectTenant} onChange={(e) => set('expectTenant', e.target.value)}>
                <option value="">{t('playback.form.anyTenant')}</option>
                {doc.tenants.map((tn) => (
                  <option key={tn.id} value={tn.id}>
                    {tn.name}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
      </fieldset>
      {docErrors.length > 0 && (
        <div className="pb-doc-errors" role="alert">
          <p>{t('playback.form.invalidDocument')}</p>
          <ul>
            {docErrors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button type="submit" className="btn btn-primary">
          {t('playback.form.save')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          {t('playback.form.cancel')}
        </button>
      </div>
    </form>
  );
}
