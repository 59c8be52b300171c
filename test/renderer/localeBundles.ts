/** Every locale file of the renderer, by language: the designer's, playback's, the integrations', export's and the command layer's. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES, type Lang } from '../../shared/i18n/languages';

const root = path.resolve(__dirname, '../../renderer');

export interface LocaleBundle {
  file: string;
  data: Record<string, unknown>;
}

function bundlesFor(lang: Lang): LocaleBundle[] {
  const files = [
    path.join(root, 'i18n', `${lang}.json`),
    ...readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join(root, d.name)).filter((f) => f === `i18n.${lang}.json`).map((f) => path.join(root, d.name, f))),
  ];
  return files.map((file) => ({ file: path.relative(root, file), data: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> }));
}

export const LOCALE_BUNDLES: Record<Lang, LocaleBundle[]> = Object.fromEntries(LANGUAGES.map((l) => [l, bundlesFor(l)])) as Record<Lang, LocaleBundle[]>;
