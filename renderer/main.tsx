/**
 * Start-up: platform → settings → language and theme → actions → render → open `?example=` or offer
 * a draft left by a previous session.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { coreActions } from './actions/coreActions';
import { asOfActions } from './app/asOfActions';
import './actions/i18n';
import { buildMenuModel, startMenuSync } from './actions/menuModel';
import { arrangeActions } from './actions/arrangeActions';
import { contextActions } from './actions/contextActions';
import { playbackContextActions } from './playback/contextActions';
import { performAction, registerActions, useActionRegistry } from './actions/registry';
import { App } from './app/App';
import { CrashSwitch, crashForTest, ErrorBoundary } from './app/ErrorBoundary';
import { applyLanguage, applyTheme } from './app/preferences';
import { handleOpenResult, offerDraftRecovery, openExampleFromUrl, startDocumentStateSync, startDraftWriter } from './files/fileController';
import { isLang } from '../shared/i18n/languages';
import { initI18n, languageFromLocale, t } from './i18n';
import { installIntegrationActions } from './integrations';
import { installAnalyze } from './analyze';
import { usePlaybackStore } from './playback/playbackStore';
import { getPlatform } from './platform';
import { usePresentStore } from './playback/PresentMode';
import { emptyDocument } from '../shared/model/edit';
import { useDocumentStore } from './store/documentStore';
import { useUiStore, type Language, type Theme } from './store/uiStore';

// zod would probe `new Function` once, which the CSP (`script-src 'self'`) reports; validate without it.
z.config({ jitless: true });

async function start(): Promise<void> {
  const platform = getPlatform();
  const params = new URLSearchParams(location.search);
  const [settings, system] = await Promise.all([platform.getSettings(), platform.getSystemInfo()]);
  const urlLang = params.get('lang');
  const urlTheme = params.get('theme');
  const language: Language =
    isLang(urlLang) ? urlLang : settings.language === 'system' ? languageFromLocale(system.locale) : settings.language;
  const theme: Theme =
    urlTheme === 'light' || urlTheme === 'dark' ? urlTheme : settings.theme === 'system' ? (system.prefersDark ? 'dark' : 'light') : settings.theme;
  initI18n(language);
  applyLanguage(language, false);
  // Before the first document is loaded and before the other actions, as when it registered on
  // import: its refresh sees every document, and the `?` list keeps its order.
  installAnalyze();
  // The first, untouched empty document is titled in the UI's language (無題のトポロジ).
  const first = useDocumentStore.getState();
  if (first.doc === first.savedDoc && first.doc.tenants.length + first.doc.servers.length === 0) first.load(emptyDocument(t('file.untitled')), {});
  applyTheme(theme, false);
  registerActions(coreActions());
  registerActions(asOfActions());
  registerActions(contextActions());
  registerActions(playbackContextActions());
  registerActions(arrangeActions());
  installIntegrationActions();

  if (window.__MAILFLOW_TEST__) {
    // Read-only hook for end-to-end tests: a deep copy, so a test can never change the document.
    window.__mailflow = Object.freeze({
      getDocument: () => structuredClone(useDocumentStore.getState().doc),
      getSelection: () => [...useUiStore.getState().selection],
      crash: () => crashForTest(),
    });
  }

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        {window.__MAILFLOW_TEST__ && <CrashSwitch />}
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );

  platform.onMenuAction((id) => performAction(id));
  const setMenu = platform.setMenu?.bind(platform);
  if (setMenu) {
    // The native menu follows every change of labels (language) and of enabled/checked state.
    startMenuSync(setMenu, () => buildMenuModel(useActionRegistry.getState().actions, t), [
      useActionRegistry,
      useDocumentStore,
      useDocumentStore.temporal,
      useUiStore,
      usePlaybackStore,
      usePresentStore,
    ]);
  }
  platform.onOpenRequest((result) => void handleOpenResult(result, { askFirst: true }));
  platform.onSystemChanged((info) => {
    // Follow the OS only while the user has not chosen.
    void platform.getSettings().then((s) => {
      if (s.theme === 'system') applyTheme(info.prefersDark ? 'dark' : 'light', false);
      if (s.language === 'system') applyLanguage(languageFromLocale(info.locale), false);
    });
  });
  startDocumentStateSync();
  const opened = await openExampleFromUrl();
  startDraftWriter();
  if (!opened && params.get('recover') !== 'no') await offerDraftRecovery();
}

void start();
