/**
 * Inspector fields. Text edits are committed on blur or Enter (one edit = one undo step, not one per
 * keystroke). A value that fails its field's validation shows the error beside the field
 * (aria-invalid + aria-describedby) and is never committed; a value that passes but makes the whole
 * document invalid (e.g. a domain another tenant accepts) is refused with the loader's located error.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, Validator } from './validation';
import { splitLines, validateList } from './validation';

/** What a commit returns: null when it went in, or the located error that refused it. */
export type CommitOutcome = string | null;

function useErrorText(error: FieldError): string | null {
  const { t } = useTranslation();
  if (!error) return null;
  if (error.key === 'validation.line') {
    const v = error.values as { line: number; value: string; inner: string; innerValues?: Record<string, unknown> };
    return t('validation.line', { line: v.line, message: t(v.inner, v.innerValues ?? {}) });
  }
  return t(error.key, error.values ?? {});
}

function FieldShell({
  id,
  label,
  hint,
  errorText,
  children,
  wide,
}: {
  id: string;
  label: string;
  hint?: string;
  errorText: string | null;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={`field${errorText ? ' has-error' : ''}${wide ? ' field-wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !errorText && (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {errorText && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {errorText}
        </div>
      )}
    </div>
  );
}

export function TextField({
  label,
  value,
  onCommit,
  validate,
  hint,
  mono,
  placeholder,
  allowEmpty,
  readOnly,
  testId,
}: {
  label: string;
  value: string;
  onCommit(value: string): CommitOutcome;
  validate?: Validator;
  hint?: string;
  mono?: boolean;
  placeholder?: string;
  /** Empty is valid (an optional field); validate is skipped for it. */
  allowEmpty?: boolean;
  readOnly?: boolean;
  testId?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<FieldError>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
    setRefused(null);
  }, [value]);
  const check = (v: string): FieldError => (v === '' && allowEmpty ? null : validate ? validate(v) : null);
  const errorText = useErrorText(error) ?? refused;
  const commit = () => {
    const trimmed = draft.trim();
    const e = check(trimmed);
    setError(e);
    if (e || trimmed === value) return;
    setRefused(onCommit(trimmed));
  };
  return (
    <FieldShell id={id} label={label} hint={hint} errorText={errorText}>
      <input
        id={id}
        type="text"
        className={mono ? 'mono' : undefined}
        value={draft}
        placeholder={placeholder}
        readOnly={readOnly}
        spellCheck={false}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={errorText ? `${id}-error` : hint ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          setRefused(null);
          setError(check(e.target.value.trim()));
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(value);
            setError(null);
            setRefused(null);
          }
        }}
      />
    </FieldShell>
  );
}

export function ListField({
  label,
  values,
  onCommit,
  validate,
  hint,
  placeholder,
  testId,
  minItems = 0,
}: {
  label: string;
  values: string[];
  onCommit(values: string[]): CommitOutcome;
  validate?: Validator;
  hint?: string;
  placeholder?: string;
  testId?: string;
  minItems?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const joined = values.join('\n');
  const [draft, setDraft] = useState(joined);
  const [error, setError] = useState<FieldError>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    setDraft(joined);
    setError(null);
    setRefused(null);
  }, [joined]);
  const check = (text: string): FieldError => {
    const items = splitLines(text);
    if (items.length < minItems) return { key: 'validation.minItems', values: { count: minItems } };
    return validate ? validateList(items, validate) : null;
  };
  const errorText = useErrorText(error) ?? refused;
  const commit = () => {
    const e = check(draft);
    setError(e);
    if (e) return;
    const items = splitLines(draft);
    if (items.join('\n') === joined) return;
    setRefused(onCommit(items));
  };
  return (
    <FieldShell id={id} label={label} hint={hint ?? t('inspector.oneForLine')} errorText={errorText}>
      <textarea
        id={id}
        className="mono"
        rows={Math.min(8, Math.max(2, values.length + 1))}
        value={draft}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={errorText ? `${id}-error` : `${id}-hint`}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          setRefused(null);
          setError(check(e.target.value));
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setDraft(joined);
            setError(null);
          }
        }}
      />
    </FieldShell>
  );
}

export function CheckboxField({
  label,
  checked,
  onCommit,
  hint,
  disabled,
}: {
  label: string;
  checked: boolean;
  onCommit(value: boolean): CommitOutcome;
  hint?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <div className={`field field-check${refused ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={refused ? true : undefined}
          aria-describedby={refused ? `${id}-error` : hint ? `${id}-hint` : undefined}
          onChange={(e) => setRefused(onCommit(e.target.checked))}
        />
        <span>{label}</span>
      </label>
      {hint && !refused && (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {refused && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {refused}
        </div>
      )}
    </div>
  );
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onCommit,
  hint,
}: {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onCommit(value: V): CommitOutcome;
  hint?: string;
}) {
  const id = useId();
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <FieldShell id={id} label={label} hint={hint} errorText={refused}>
      <select
        id={id}
        value={value}
        aria-invalid={refused ? true : undefined}
        aria-describedby={refused ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(e) => setRefused(onCommit(e.target.value as V))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Section({ title, children, defaultOpen = true }: { title: string; children: ReactNode; defaultOpen?: boolean }) {
  return (
    <details className="inspector-section" open={defaultOpen}>
      <summary>{title}</summary>
      <div className="inspector-section-body">{children}</div>
    </details>
  );
}
