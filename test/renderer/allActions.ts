/**
 * Every action the app registers, built the way the app builds them (core, integrations, playback,
 * present mode, the canvas's keys), and a translator over all locale bundles — for tests of the
 * registry and of the menu model, without a DOM.
 */
import { playbackContextActions } from '../../renderer/playback/contextActions';
import { arrangeActions } from '../../renderer/actions/arrangeActions';
import { contextActions } from '../../renderer/actions/contextActions';
import i18next from 'i18next';
import { coreActions } from '../../renderer/actions/coreActions';
import { canvasActions } from '../../renderer/actions/canvasActions';
import type { Action, ActionId } from '../../renderer/actions/registry';
import { analyzeActions } from '../../renderer/analyze/actions';
import { asOfActions } from '../../renderer/app/asOfActions';
import { integrationActions } from '../../renderer/integrations/actions';
import { playbackActions, presentActions } from '../../renderer/playback/actions';
import type { Lang } from '../../shared/i18n/languages';
import { LOCALE_BUNDLES } from './localeBundles';

export function allActions(): Action[] {
  return [
    ...coreActions(),
    ...asOfActions(),
    ...integrationActions(),
    ...analyzeActions(),
    ...playbackActions(),
    ...presentActions(),
    ...canvasActions({ describe: (id) => id, requestMove: () => undefined }),
    ...contextActions(),
    ...playbackContextActions(),
    ...arrangeActions(),
  ];
}

export function actionMap(): Map<ActionId, Action> {
  return new Map(allActions().map((a) => [a.id, a]));
}

/** A translator for one language over every locale bundle; a missing string comes back as its key. */
export async function translatorFor(lang: Lang): Promise<(key: string) => string> {
  const instance = i18next.createInstance();
  await instance.init({ lng: lang, fallbackLng: false, resources: {}, interpolation: { escapeValue: false } });
  for (const [language, bundles] of Object.entries(LOCALE_BUNDLES)) {
    for (const bundle of bundles) instance.addResourceBundle(language, 'translation', bundle.data, true, true);
  }
  return (key) => String(instance.t(key));
}
