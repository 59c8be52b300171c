/**
 * Every string exists in every language, with the same placeholders: for each locale file of the
 * renderer (the designer's, playback's, the integrations', export's, the command layer's) and every
 * pair of languages. i18next's plural forms differ by language (English has _one and _other,
 * Japanese only _other), so keys are compared without their plural suffix.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/i18n/languages';
import { LOCALE_BUNDLES, type LocaleBundle } from './localeBundles';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** key (plural suffix removed) → the placeholders its texts use. */
function strings(bundle: LocaleBundle): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') {
      const key = prefix.replace(PLURAL, '');
      const names = [...value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]);
      out.set(key, new Set([...(out.get(key) ?? []), ...names]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(bundle.data, '');
  return out;
}

const byFile = (lang: (typeof LANGUAGES)[number]) =>
  new Map(LOCALE_BUNDLES[lang].map((b) => [b.file.replace(new RegExp(`\\b${lang}\\.json$`), '*.json'), strings(b)]));

describe('locale files', () => {
  it('finds every locale file of the renderer for every language', () => {
    const files = LANGUAGES.map((lang) => [...byFile(lang).keys()].sort());
    for (const list of files) expect(list).toEqual(files[0]);
    expect(files[0].length).toBeGreaterThanOrEqual(5);
  });

  for (const a of LANGUAGES) {
    for (const b of LANGUAGES) {
      if (a >= b) continue;
      it(`${a} and ${b} have the same keys, with the same placeholders, in every file`, () => {
        const left = byFile(a);
        const right = byFile(b);
        for (const [file, keysA] of left) {
          const keysB = right.get(file) ?? new Map<string, Set<string>>();
          expect([...keysA.keys()].filter((k) => !keysB.has(k)), `${file}: only in ${a}`).toEqual([]);
          expect([...keysB.keys()].filter((k) => !keysA.has(k)), `${file}: only in ${b}`).toEqual([]);
          for (const [key, names] of keysA) {
            const other = keysB.get(key);
            if (other) expect([...other].sort(), `${file} ${key}`).toEqual([...names].sort());
          }
        }
      });
    }
  }
});
