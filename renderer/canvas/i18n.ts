/** The canvas's own strings, merged into i18next's "translation" namespace at import (as playback does). */
import i18next from 'i18next';
import en from './i18n.en.json';
import ja from './i18n.ja.json';

function register(): void {
  i18next.addResourceBundle('en', 'translation', en, true, true);
  i18next.addResourceBundle('ja', 'translation', ja, true, true);
}

if (i18next.isInitialized) register();
else i18next.on('initialized', register);
