/**
 * i18next set-up: every UI string comes from en.json / ja.json. The language follows
 * navigator.language (or the desktop's OS language) until the user picks one.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ja from './ja.json';
import type { Language } from '../store/uiStore';

export const LANGUAGES: ReadonlyArray<{ code: Language; label: string }> = [
  { code: 'en', label: 'English' },
  { code: 'ja', label: '日本語' },
];

export function languageFromLocale(locale: string | undefined | null): Language {
  return locale && locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

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
