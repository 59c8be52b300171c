/**
 * The example gallery's words in each language (examples/index.json), for every place that shows a
 * gallery example: the app (gallery, scenario list, playback header, present mode), the CLI and the
 * exported diagram. A document holds one title and one name and description per scenario (the
 * format has no per-language fields); the gallery gives its examples' texts in English and Japanese.
 * A text is localized only while it is still the example's own: once the user renames a scenario or
 * rewrites a description, their words are shown as they are.
 */
import gallery from '../../examples/index.json';
import type { Lang } from './languages';

export interface Localized {
  en: string;
  ja: string;
}

export interface GalleryEntry {
  file: string;
  featuredScenario?: string;
  title: Localized;
  description: Localized;
  /** The document's own title, when it differs from the gallery title. */
  documentTitle?: Localized;
  extraImageScenarios?: string[];
  scenarioNames?: Record<string, Localized | undefined>;
  scenarioDescriptions?: Record<string, Localized | undefined>;
}

export const GALLERY_ENTRIES: readonly GalleryEntry[] = (gallery as { examples: GalleryEntry[] }).examples;

/** The text in `lang` when `current` is still the gallery's English text for it; else `current`. */
function localized(current: string, texts: Array<Localized | undefined>, lang: Lang | string): string {
  if (lang !== 'ja') return current;
  for (const t of texts) if (t && t.en === current) return t.ja;
  return current;
}

/** A scenario's name as shown in a language (gallery scenarios get their Japanese name in Japanese). */
export function scenarioDisplayName(scenario: { id: string; name: string }, lang: Lang | string): string {
  return localized(scenario.name, GALLERY_ENTRIES.map((e) => e.scenarioNames?.[scenario.id]), lang);
}

/** A scenario's description as shown in a language; undefined when it has none. */
export function scenarioDisplayDescription(scenario: { id: string; description?: string }, lang: Lang | string): string | undefined {
  if (scenario.description === undefined) return undefined;
  return localized(scenario.description, GALLERY_ENTRIES.map((e) => e.scenarioDescriptions?.[scenario.id]), lang);
}

/** A document's title as shown in a language (a gallery example's title in Japanese). */
export function documentDisplayTitle(doc: { title: string }, lang: Lang | string): string {
  return localized(doc.title, GALLERY_ENTRIES.flatMap((e) => [e.documentTitle, e.title]), lang);
}
