/** Theme and language: applied to the page, kept in the UI store and remembered by the platform. */
import { changeLanguage } from '../i18n';
import { getPlatform } from '../platform';
import { useUiStore, type Language, type Theme } from '../store/uiStore';

export function applyTheme(theme: Theme, remember = true): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  useUiStore.getState().setTheme(theme);
  if (remember) void getPlatform().setSettings({ theme });
}

export function applyLanguage(language: Language, remember = true): void {
  changeLanguage(language);
  useUiStore.getState().setLanguage(language);
  if (remember) void getPlatform().setSettings({ language });
}
