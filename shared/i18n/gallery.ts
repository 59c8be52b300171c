/**
 * The example gallery's words in each language (examples/index.json), for every place that shows a
 * gallery example: the app (gallery, scenario list, playback header, present mode), the CLI and the
 * exported diagram. A document holds one title and one name and description per scenario (the
 * format has no per-language fields); the gallery gives its examples' texts in English and Japanese.
 * A text is localized only while it is still the example's own: once the user renames a scenario or
 * rewrites a description, their words are shown as they are.
 *
 * Opening an example in Japanese goes further (`localizeExample`): the document the user gets is the
 * Japanese edition, with every free text (title, names, comments, descriptions, notes) in Japanese and
 * ids and settings unchanged, so every scenario runs as in English. The lookups above then find
 * nothing to replace (the texts are no longer the English ones), so nothing is translated twice.
 */
import { z } from 'zod';
import gallery from '../../examples/index.json' with { type: 'json' };
import type { Lang } from './languages';

const localizedSchema = z.strictObject({ en: z.string().min(1), ja: z.string().min(1) });
export type Localized = z.output<typeof localizedSchema>;

/** The free-text fields a document's entities have (the format's `name`, `comment`, `description`, a note's `text`). */
export const FREE_TEXT_FIELDS = ['name', 'comment', 'description', 'text'] as const;
export type FreeTextField = (typeof FREE_TEXT_FIELDS)[number];

const galleryEntrySchema = z.strictObject({
  file: z.string().regex(/\.mailflow\.json$/),
  featuredScenario: z.string().optional(),
  title: localizedSchema,
  description: localizedSchema,
  /** The document's own title, when it differs from the gallery title. */
  documentTitle: localizedSchema.optional(),
  extraImageScenarios: z.array(z.string()).optional(),
  scenarioNames: z.record(z.string(), localizedSchema).optional(),
  scenarioDescriptions: z.record(z.string(), localizedSchema).optional(),
  /**
   * The example's other free texts by entity id and field: tenants, servers, connectors, rules,
   * guards, notes, a scenario's comment. `en` is the document's text (a translation applies only
   * while it is), `ja` the Japanese edition's.
   */
  objectTexts: z.record(z.string(), z.partialRecord(z.enum(FREE_TEXT_FIELDS), localizedSchema)).optional(),
});
export type GalleryEntry = z.output<typeof galleryEntrySchema>;

export const GALLERY_ENTRIES: readonly GalleryEntry[] = z.strictObject({ examples: z.array(galleryEntrySchema) }).parse(gallery).examples;

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

/** An entity with free text: its id and the fields of FREE_TEXT_FIELDS it has. */
type Texted = { id: string } & Partial<Record<FreeTextField, string>>;

/**
 * The shape of a document this module reads (shared/model's TopologyDocument fits it; i18n sits
 * below model, so it names only what it touches).
 */
export interface LocalizableDocument {
  title: string;
  tenants: ReadonlyArray<Texted & { inboundConnectors: readonly Texted[]; outboundConnectors: readonly Texted[]; transportRules: readonly Texted[] }>;
  servers: readonly Texted[];
  scenarios: readonly Texted[];
  view?: { notes?: readonly Texted[] };
  guards?: readonly Texted[];
}

/** One free text of a document: the entity's id (the document's title has id ""), the field and its text. */
export interface FreeText {
  id: string;
  field: FreeTextField | 'title';
  text: string;
  /** A scenario's name or description (the gallery's scenarioNames / scenarioDescriptions give them). */
  scenario: boolean;
}

type Rewrite = (t: FreeText) => string;

function rewriteEntity<T extends Texted>(e: T, scenario: boolean, f: Rewrite): T {
  const out: T = { ...e };
  for (const field of FREE_TEXT_FIELDS) {
    const text = e[field];
    if (typeof text === 'string') (out as Texted)[field] = f({ id: e.id, field, text, scenario: scenario && field !== 'comment' });
  }
  return out;
}

/** The document with each free text replaced by `f` (a copy; ids and every setting are kept). */
function rewriteTexts<D extends LocalizableDocument>(doc: D, f: Rewrite): D {
  const each = <T extends Texted>(list: readonly T[] | undefined, scenario = false): T[] | undefined => list?.map((e) => rewriteEntity(e, scenario, f));
  return {
    ...doc,
    title: f({ id: '', field: 'title', text: doc.title, scenario: false }),
    tenants: doc.tenants.map((t) => ({
      ...rewriteEntity(t, false, f),
      inboundConnectors: each(t.inboundConnectors),
      outboundConnectors: each(t.outboundConnectors),
      transportRules: each(t.transportRules),
    })),
    servers: each(doc.servers),
    scenarios: each(doc.scenarios, true),
    ...(doc.view ? { view: { ...doc.view, ...(doc.view.notes ? { notes: each(doc.view.notes) } : {}) } } : {}),
    ...(doc.guards ? { guards: each(doc.guards) } : {}),
  };
}

/** Every free text of a document, in document order (what the Japanese edition of an example translates). */
export function freeTexts(doc: LocalizableDocument): FreeText[] {
  const out: FreeText[] = [];
  rewriteTexts(doc, (t) => {
    out.push(t);
    return t.text;
  });
  return out;
}

/** The gallery's translation of one free text of an example, or undefined when it has none. */
export function exampleTranslation(entry: GalleryEntry, t: FreeText): Localized | undefined {
  if (t.field === 'title') return [entry.documentTitle, entry.title].find((x) => x?.en === t.text) ?? entry.documentTitle ?? entry.title;
  if (t.scenario) return (t.field === 'name' ? entry.scenarioNames : entry.scenarioDescriptions)?.[t.id];
  return entry.objectTexts?.[t.id]?.[t.field];
}

/**
 * The edition of a gallery example (`file`, as in examples/index.json) that a user opening it in
 * `lang` gets: in Japanese, every free text the gallery translates is in Japanese; ids, addresses and
 * every setting are unchanged, so every scenario has the same outcome. A text that is no longer the
 * example's own English (edited) is kept. In English, or for a file the gallery does not list, the
 * document itself.
 */
export function localizeExample<D extends LocalizableDocument>(doc: D, lang: Lang | string, file: string): D {
  const entry = GALLERY_ENTRIES.find((e) => e.file === file);
  if (lang !== 'ja' || !entry) return doc;
  return rewriteTexts(doc, (t) => {
    const tr = exampleTranslation(entry, t);
    return tr && tr.en === t.text ? tr.ja : t.text;
  });
}
