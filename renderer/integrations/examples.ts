/**
 * The example gallery's files, bundled from the repository's top-level `examples/` folder (one
 * source of truth: the same files `mailflow check` and the CLI export tests use). Each example is
 * its own lazily loaded chunk; `index.json` gives the order, titles and descriptions.
 */
import { parseDocumentText } from '../../shared/model/load';
import type { TopologyDocument } from '../../shared/model/schema';
import gallery from '../../examples/index.json';

export interface GalleryEntry {
  file: string;
  featuredScenario?: string;
  title: { en: string; ja: string };
  description: { en: string; ja: string };
}

export const GALLERY: readonly GalleryEntry[] = (gallery as { examples: GalleryEntry[] }).examples;

const exampleTexts = import.meta.glob<string>('../../examples/*.mailflow.json', { query: '?raw', import: 'default' });

function loaderFor(file: string): (() => Promise<string>) | null {
  return exampleTexts[`../../examples/${file}`] ?? null;
}

/** `point-1-first-receipt`, `point-1-first-receipt.mailflow.json` → the bundled file name, or null. */
export function exampleFileName(name: string): string | null {
  const file = name.endsWith('.json') ? name : `${name}.mailflow.json`;
  return loaderFor(file) ? file : null;
}

export async function loadExampleText(file: string): Promise<string> {
  const load = loaderFor(file);
  if (!load) throw new Error(`no bundled example ${file}`);
  return load();
}

export async function loadExampleDocument(file: string): Promise<TopologyDocument> {
  const result = parseDocumentText(await loadExampleText(file));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.document;
}
