/**
 * Strings of the command layer (native-menu items that only the OS menu shows, keys without a menu
 * item), merged into i18next's "translation" namespace like the integrations' bundles.
 */
import i18next from 'i18next';
import en from './i18n.en.json';
import ja from './i18n.ja.json';

export const COMMAND_BUNDLES = { en, ja } as const;

function register(): void {
  for (const [lang, bundle] of Object.entries(COMMAND_BUNDLES)) i18next.addResourceBundle(lang, 'translation', bundle, true, true);
}

if (i18next.isInitialized) register();
else i18next.on('initialized', register);
