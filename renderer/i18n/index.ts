/**
 * i18next set-up: every UI string comes from en.json / ja.json. The language follows
 * navigator.language (or the desktop's OS language) until the user picks one.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';
import { LANGUAGES as ALL_LANGUAGES, LANGUAGE_INFO, langFromLocale } from '../../shared/i18n/languages';
import type { Language } from '../store/uiStore';

export const LANGUAGES: ReadonlyArray<{ code: Language; label: string }> = ALL_LANGUAGES.map((code) => ({ code, label: LANGUAGE_INFO[code].label }));

export const languageFromLocale: (locale: string | undefined | null) => Language = langFromLocale;

export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export function changeLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export const t = (key: string, options?: Record<string, unknown>): string => i18next.t(key, options ?? {}) as string;

/**
 * "1 tenant", "2 tenants", "29,800 messages"; Japanese has one form ("テナント 2 個"). The number
 * goes through Intl in the UI language and the noun through i18next's plural rules (`count.<noun>`).
 */
export function formatCount(noun: string, count: number): string {
  return t(`count.${noun}`, { count, formatted: new Intl.NumberFormat(i18next.language || 'en').format(count) });
}
