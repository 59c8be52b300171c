/**
 * Inspector fields. Text edits are committed on blur or Enter (one edit = one undo step, not one per
 * keystroke). A value that fails its field's validation shows the error beside the field
 * (aria-invalid + aria-describedby) and is never committed; a value that passes but makes the whole
 * document invalid (e.g. a domain another tenant accepts) is refused with a message in the field's
 * words (refusal.ts), never a JSON path.
 *
 * An invalid edit is never silently lost: leaving the field keeps the typed text, its error and a
 * Revert button; selecting another entity keeps it too (in `pendingDrafts`, keyed by entity and
 * field) with a notice, and it is back with its error when the entity is selected again.
 */
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RevertIcon } from '../ui/uiIcons';
import { useUiStore } from '../store/uiStore';
import type { FieldError, Validator } from './validation';
import { splitLines, validateList } from './validation';

/** The entity whose fields are shown (pending drafts are kept per entity and field). */
export const EditScope = createContext<{ id: string; name: string } | null>(null);

/** Uncommitted invalid drafts of fields no longer on screen: `${entity}\u0000${field}` → text. */
export const pendingDrafts = new Map<string, string>();

/**
 * The draft of a text or list field: restored from `pendingDrafts` on mount, reset when the
 * committed value changes, kept (with a notice) when the field goes away while invalid.
 */
function useDraft(value: string, fieldKey: string, label: string, check: (draft: string) => FieldError) {
  const { t } = useTranslation();
  const scope = useContext(EditScope);
  const key = scope ? `${scope.id}\u0000${fieldKey}` : null;
  const [draft, setDraft] = useState(() => (key ? (pendingDrafts.get(key) ?? value) : value));
  const [error, setError] = useState<FieldError>(() => (draft !== value ? check(draft) : null));
  const [refused, setRefused] = useState<string | null>(null);
  const previous = useRef(value);
  useEffect(() => {
    if (previous.current === value) return;
    previous.current = value;
    setDraft(value);
    setError(null);
    setRefused(null);
  }, [value]);
  const latest = useRef({ draft, value, refused });
  latest.current = { draft, value, refused };
  useEffect(
    () => () => {
      if (!key || !scope) return;
      const now = latest.current;
      if (now.draft !== now.value && (now.refused !== null || check(now.draft) !== null)) {
        const first = !pendingDrafts.has(key);
        pendingDrafts.set(key, now.draft);
        if (first) useUiStore.getState().toast('info', t('inspector.pendingKept', { field: label, entity: scope.name }));
      } else pendingDrafts.delete(key);
    },
    // The cleanup reads the latest draft through the ref; it runs on unmount only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const revert = () => {
    setDraft(value);
    setError(null);
    setRefused(null);
    if (key) pendingDrafts.delete(key);
  };
  return { draft, setDraft, error, setError, refused, setRefused, revert, dirty: draft !== value };
}

function RevertButton({ onRevert, label }: { onRevert(): void; label: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn-small field-revert" onClick={onRevert} aria-label={t('inspector.revertField', { field: label })}>
      <RevertIcon /> {t('inspector.revert')}
    </button>
  );
}

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
  onRevert,
}: {
  id: string;
  label: string;
  hint?: string;
  errorText: string | null;
  children: ReactNode;
  wide?: boolean;
  /** Shown with the error: puts back the value the document has. */
  onRevert?: () => void;
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
        <div className="field-error-row">
          <div className="field-error" id={`${id}-error`} role="alert">
            {errorText}
          </div>
          {onRevert && <RevertButton onRevert={onRevert} label={label} />}
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
  fieldKey,
  inputType,
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
  /** Distinguishes fields with the same label in one inspector (pending drafts). */
  fieldKey?: string;
  /** `date`: the browser's date picker (the value stays `YYYY-MM-DD`). */
  inputType?: 'text' | 'date';
}) {
  const id = useId();
  const check = (v: string): FieldError => (v === '' && allowEmpty ? null : validate ? validate(v) : null);
  const { draft, setDraft, error, setError, refused, setRefused, revert, dirty } = useDraft(value, fieldKey ?? label, label, (d) => check(d.trim()));
  const errorText = useErrorText(error) ?? refused;
  const commit = () => {
    const trimmed = draft.trim();
    const e = check(trimmed);
    setError(e);
    if (e || trimmed === value) return;
    setRefused(onCommit(trimmed));
  };
  const undoEdit = revert;
  return (
    <FieldShell id={id} label={label} hint={hint} errorText={errorText} onRevert={dirty ? undoEdit : undefined}>
      <input
        id={id}
        type={inputType ?? 'text'}
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
          if (e.key === 'Escape') undoEdit();
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
  fieldKey,
}: {
  label: string;
  values: string[];
  onCommit(values: string[]): CommitOutcome;
  validate?: Validator;
  hint?: string;
  placeholder?: string;
  testId?: string;
  minItems?: number;
  fieldKey?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const joined = values.join('\n');
  const check = (text: string): FieldError => {
    const items = splitLines(text);
    if (items.length < minItems) return { key: 'validation.minItems', values: { count: minItems } };
    return validate ? validateList(items, validate) : null;
  };
  const { draft, setDraft, error, setError, refused, setRefused, revert, dirty } = useDraft(joined, fieldKey ?? label, label, check);
  const errorText = useErrorText(error) ?? refused;
  const commit = () => {
    const e = check(draft);
    setError(e);
    if (e) return;
    const items = splitLines(draft);
    if (items.join('\n') === joined) return;
    setRefused(onCommit(items));
  };
  const undoEdit = revert;
  return (
    <FieldShell id={id} label={label} hint={hint ?? t('inspector.oneForLine')} errorText={errorText} onRevert={dirty ? undoEdit : undefined}>
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
          if (e.key === 'Escape') undoEdit();
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
