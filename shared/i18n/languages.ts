/**
 * The languages of the app, declared once: the UI, the engine's event texts, diagnostics, the
 * diagram, the CLI's --lang and the settings all take their list from here. Adding a language is
 * this entry plus its strings (see the recipe in shared/CONTEXT.md).
 */
export const LANGUAGES = ['en', 'ja'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const DEFAULT_LANG: Lang = 'en';

export const LANGUAGE_INFO: Readonly<Record<Lang, { /** The language's own name, for pickers. */ label: string; /** BCP 47 locale for Intl formatting. */ locale: string }>> = {
  en: { label: 'English', locale: 'en-US' },
  ja: { label: '日本語', locale: 'ja-JP' },
};

/** The settings' choice: follow the OS, or one language. */
export const LANGUAGE_SETTINGS = ['system', ...LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The app language for an OS or browser locale ("ja-JP" → ja); the default when none matches. */
export function langFromLocale(locale: string | null | undefined): Lang {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : DEFAULT_LANG;
}

/** "en or ja", for usage messages. */
export const LANGUAGE_LIST = LANGUAGES.join(' or ');
