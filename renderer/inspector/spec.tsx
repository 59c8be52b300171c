/**
 * Declarative inspector fields: a kind's inspector is a list of sections, each a list of field
 * specs (what to read, how to write it back, how to validate, which words). One renderer draws
 * them all, so adding a field is one line in kinds.tsx and never another copy of a field block.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../i18n';
import { allIds, renameId } from '../model/entities';
import { commitValidated, useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import type { TopologyDocument } from '../../shared/model/schema';
import { CheckboxField, ListField, Section, SelectField, TextField, type CommitOutcome } from './fields';
import { explainRefusal } from './refusal';
import { validators, type FieldError, type Validator } from './validation';

export type Save<E> = (next: E) => CommitOutcome;
export type Translate = (key: string, values?: Record<string, unknown>) => string;
export interface Option {
  value: string;
  label: string;
}

interface Base<E> {
  /** Field name in the format; the label is `fields.<key>` unless `label` names another i18n key. */
  key: string;
  label?: string;
  /** i18n key of a hint shown under the field. */
  hint?: string;
  /** Shown only when this holds. */
  when?(e: E): boolean;
}

export type FieldSpec<E> =
  | (Base<E> & {
      type: 'text';
      get(e: E): string;
      set(e: E, v: string): E;
      validate?: (v: string, e: E) => FieldError;
      mono?: boolean;
      /** Empty is allowed (and means "not set"). */
      optional?: boolean;
      placeholder?: string;
      testId?: string;
      /** A date (`YYYY-MM-DD`) with the browser's date picker. */
      date?: boolean;
    })
  | (Base<E> & { type: 'list'; get(e: E): string[]; set(e: E, v: string[]): E; validate?: Validator; placeholder?: string; testId?: string })
  | (Base<E> & { type: 'check'; get(e: E): boolean; set(e: E, v: boolean): E; disabledHint?(e: E): string | null })
  | (Base<E> & { type: 'select'; get(e: E): string; set(e: E, v: string): E; options(t: Translate, e: E): Option[] })
  | (Base<E> & { type: 'id' })
  | (Base<E> & { type: 'custom'; render(e: E, save: Save<E>): ReactNode });

export interface SectionSpec<E> {
  title: string;
  /** i18n key of a short note under the title. */
  note?: string;
  closed?: boolean;
  fields: Array<FieldSpec<E>>;
}

export { withOptional } from './optional';

/** Commits a candidate document if it is valid; otherwise says why in the field's words. */
export function commitDoc(candidate: TopologyDocument, t: Translate): CommitOutcome {
  const result = commitValidated(candidate);
  return result.ok ? null : explainRefusal(result.errors, t);
}

// ------------------------------------------------------------------ spec builders for plain props

type KeysOf<E, V> = { [K in keyof E]: E[K] extends V ? K : never }[keyof E] & string;

export function textProp<E>(key: KeysOf<E, string>, opts: Partial<Extract<FieldSpec<E>, { type: 'text' }>> = {}): FieldSpec<E> {
  return { type: 'text', key, get: (e) => e[key] as string, set: (e, v) => ({ ...e, [key]: v }), ...opts };
}
export function checkProp<E>(key: KeysOf<E, boolean>, opts: Partial<Extract<FieldSpec<E>, { type: 'check' }>> = {}): FieldSpec<E> {
  return { type: 'check', key, get: (e) => e[key] as boolean, set: (e, v) => ({ ...e, [key]: v }), ...opts };
}
export function listProp<E>(key: KeysOf<E, string[]>, opts: Partial<Extract<FieldSpec<E>, { type: 'list' }>> = {}): FieldSpec<E> {
  return { type: 'list', key, get: (e) => e[key] as string[], set: (e, v) => ({ ...e, [key]: v }), ...opts };
}
/** A select over an enum; option words from `<prefix>.<value>`. */
export function enumProp<E>(key: KeysOf<E, string>, values: readonly string[], prefix: string, opts: Partial<Extract<FieldSpec<E>, { type: 'select' }>> = {}): FieldSpec<E> {
  return {
    type: 'select',
    key,
    get: (e) => e[key] as string,
    set: (e, v) => ({ ...e, [key]: v }),
    options: (t) => values.map((value) => ({ value, label: t(`${prefix}.${value}`, { defaultValue: value }) })),
    ...opts,
  };
}
export const NAME_FIELD = { type: 'text', key: 'name', validate: (v: string) => validators.required(v) } as const;

// ------------------------------------------------------------------ rendering

function IdField({ id }: { id: string }) {
  const { t } = useTranslation();
  const validate: Validator = (value) => {
    const e = validators.id(value);
    if (e) return e;
    if (value !== id && allIds(useDocumentStore.getState().doc).has(value)) return { key: 'validation.idTaken', values: { value } };
    return null;
  };
  return (
    <TextField
      label={t('fields.id')}
      value={id}
      mono
      validate={validate}
      hint={t('inspector.idHint')}
      onCommit={(value) => {
        const outcome = commitDoc(renameId(useDocumentStore.getState().doc, id, value), (k, v) => t(k, v ?? {}));
        if (!outcome) useUiStore.getState().select([value]);
        return outcome;
      }}
    />
  );
}

function Field<E extends object>({ f, e, save }: { f: FieldSpec<E>; e: E; save: Save<E> }) {
  const { t } = useTranslation();
  const label = t(f.label ?? `fields.${f.key}`);
  const hint = f.hint ? t(f.hint) : undefined;
  switch (f.type) {
    case 'id':
      return 'id' in e && typeof e.id === 'string' ? <IdField id={e.id} /> : null;
    case 'text': {
      const check = f.validate;
      return (
        <TextField
          label={label}
          fieldKey={f.key}
          value={f.get(e)}
          mono={f.mono}
          allowEmpty={f.optional}
          placeholder={f.placeholder}
          hint={hint}
          testId={f.testId}
          inputType={f.date ? 'date' : undefined}
          validate={check && ((v) => check(v, e))}
          onCommit={(v) => save(f.set(e, v))}
        />
      );
    }
    case 'list':
      return (
        <ListField label={label} fieldKey={f.key} values={f.get(e)} validate={f.validate} placeholder={f.placeholder} hint={hint} testId={f.testId} onCommit={(v) => save(f.set(e, v))} />
      );
    case 'check': {
      const disabled = f.disabledHint?.(e) ?? null;
      return <CheckboxField label={label} checked={f.get(e)} disabled={disabled !== null} hint={disabled ? t(disabled) : hint} onCommit={(v) => save(f.set(e, v))} />;
    }
    case 'select':
      return <SelectField label={label} value={f.get(e)} options={f.options((k, v) => t(k, v ?? {}), e)} hint={hint} onCommit={(v) => save(f.set(e, v))} />;
    case 'custom':
      return <>{f.render(e, save)}</>;
  }
}

/** Draws a kind's sections for one entity; every field commits through `save`. */
export function SpecSections<E extends object>({ sections, entity, save }: { sections: ReadonlyArray<SectionSpec<E>>; entity: E; save: Save<E> }) {
  const { t } = useTranslation();
  return (
    <>
      {sections.map((section) => (
        <Section key={section.title} title={t(section.title)} defaultOpen={!section.closed}>
          {section.note && <p className="muted small">{t(section.note)}</p>}
          {section.fields
            .filter((f) => !f.when || f.when(entity))
            .map((f, i) => (
              <Field key={`${f.key}-${i}`} f={f} e={entity} save={save} />
            ))}
        </Section>
      ))}
    </>
  );
}

/** "1 tenant, 2 servers, 0 scenarios": plural rules and Intl numbers (formatCount), in the UI's list style. */
export function Counts({ items }: { items: ReadonlyArray<readonly [noun: string, count: number]> }) {
  const { t } = useTranslation();
  return <p className="muted small">{items.map(([noun, n]) => formatCount(noun, n)).join(t('inspector.countSeparator'))}</p>;
}
