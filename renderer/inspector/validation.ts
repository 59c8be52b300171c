/**
 * Field validation with the schema's own regular expressions (`patterns`), so the inspector accepts
 * exactly what the loader accepts. Returns an i18n key and values, or null when valid.
 */
import { patterns } from '../../shared/model/schema';

export type FieldError = { key: string; values?: Record<string, unknown> } | null;
export type Validator = (value: string) => FieldError;

const re =
  (pattern: RegExp, key: string): Validator =>
  (value) =>
    pattern.test(value) ? null : { key, values: { value } };

export const validators = {
  ipv4: re(patterns.ipv4, 'validation.ipv4'),
  ipv4OrCidr: re(patterns.ipv4OrCidr, 'validation.ipv4OrCidr'),
  domain: re(patterns.domain, 'validation.domain'),
  domainOrWildcard: re(patterns.domainOrWildcard, 'validation.domainOrWildcard'),
  domainPattern: re(patterns.domainPattern, 'validation.domainPattern'),
  email: re(patterns.email, 'validation.email'),
  smartHost: re(patterns.smartHost, 'validation.smartHost'),
  rejectStatusCode: re(patterns.rejectStatusCode, 'validation.statusCode'),
  id: re(patterns.id, 'validation.id'),
  required: ((value) => (value.trim() === '' ? { key: 'validation.required' } : null)) as Validator,
  headerName: ((value) => (/^[\x21-\x39\x3b-\x7e]{1,200}$/.test(value) ? null : { key: 'validation.headerName' })) as Validator,
};

export function nonNegativeInteger(max: number): Validator {
  return (value) => (/^\d+$/.test(value.trim()) && Number(value) <= max ? null : { key: 'validation.integer', values: { max } });
}

export function positiveNumber(max: number): Validator {
  return (value) => {
    const n = Number(value);
    return value.trim() !== '' && Number.isFinite(n) && n > 0 && n <= max ? null : { key: 'validation.positive', values: { max } };
  };
}

/** Lines of a list field: trimmed, empty lines dropped. */
export function splitLines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Validates each line; the error names the first bad line. */
export function validateList(items: string[], validator: Validator): FieldError {
  for (let i = 0; i < items.length; i++) {
    const e = validator(items[i]);
    if (e) return { key: 'validation.line', values: { line: i + 1, value: items[i], inner: e.key, innerValues: e.values } };
  }
  return null;
}
