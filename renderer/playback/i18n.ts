/**
 * Playback strings live beside the feature and are merged into i18next's "translation" namespace
 * at import time, so the designer's en.json / ja.json stay untouched. Control names that tests
 * and users address ("Run", "Play", "Events"…) keep their English accessible names in Japanese
 * too where the brief fixes them.
 */
import i18next from 'i18next';
import en from './i18n.en.json';
import ja from './i18n.ja.json';

export function registerPlaybackStrings(): void {
  i18next.addResourceBundle('en', 'translation', en, true, true);
  i18next.addResourceBundle('ja', 'translation', ja, true, true);
}

// i18next may be initialised after this module loads (main.tsx calls initI18n later): add the
// bundles now if it is ready, and again on init.
if (i18next.isInitialized) registerPlaybackStrings();
else i18next.on('initialized', registerPlaybackStrings);

/** A plain `(key, values) => string` translator for helpers that take one as an argument. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;
export function translator(t: (key: string, options: Record<string, unknown>) => unknown): Translate {
  return (key, values) => String(t(key, values ?? {}));
}
