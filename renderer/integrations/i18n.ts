/**
 * Strings of the integrations (export, example gallery, Exchange Online import / PowerShell / diff)
 * and of renderer/export/, merged into i18next's "translation" namespace at import time so the
 * designer's en.json / ja.json stay small and untouched by these features.
 */
import i18next from 'i18next';
import exportEn from '../export/i18n.en.json';
import exportJa from '../export/i18n.ja.json';
import en from './i18n.en.json';
import ja from './i18n.ja.json';

export const INTEGRATION_BUNDLES = { en: [exportEn, en], ja: [exportJa, ja] } as const;

export function registerIntegrationStrings(): void {
  for (const [lang, bundles] of Object.entries(INTEGRATION_BUNDLES)) {
    for (const bundle of bundles) i18next.addResourceBundle(lang, 'translation', bundle, true, true);
  }
}

// main.tsx initialises i18next after the modules load: add the bundles now if it is ready, else on init.
if (i18next.isInitialized) registerIntegrationStrings();
else i18next.on('initialized', registerIntegrationStrings);
