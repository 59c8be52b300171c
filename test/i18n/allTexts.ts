/**
 * Every message template the user reads, as text: the string and template literals of the
 * shared text modules (a template's `${…}` parts become "…") and every value of every renderer
 * locale file. The glossary and camelCase tests scan these.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../..');

/** The shared modules that hold user-visible sentences. */
export const TEMPLATE_FILES = [
  'shared/engine/texts.ts',
  'shared/diagnostics/messages.ts',
  'shared/exo/messages.ts',
  'shared/diagram/labels.ts',
  'shared/analysis/text.ts',
  'shared/model/timeline.ts',
  'shared/check.ts',
  'shared/i18n/outcomeLabels.ts',
  'cli/commands/core.ts',
  'cli/commands/diff.ts',
  'cli/commands/analyze.ts',
];

export interface Text {
  where: string;
  text: string;
  /** A Japanese text (contains kana or kanji). */
  ja: boolean;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function templateTexts(file: string): Text[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Text[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = node.head.text + node.templateSpans.map((s) => '…' + s.literal.text).join('');
    // Imports, property keys, type literals and comparisons are code, not text.
    const parent = node.parent;
    const code =
      parent &&
      (ts.isImportDeclaration(parent) ||
        ts.isExportDeclaration(parent) ||
        ts.isLiteralTypeNode(parent) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isElementAccessExpression(parent) ||
        (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind)) ||
        ts.isCaseClause(parent));
    if (text !== null && !code && (JAPANESE.test(text) || /\s/.test(text.trim()))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      out.push({ where: `${file}:${line + 1}`, text, ja: JAPANESE.test(text) });
    }
    if (!ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
    else for (const s of node.templateSpans) visit(s.expression);
  };
  visit(source);
  return out;
}

function localeFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/^(en|ja)\.json$|^i18n\.(en|ja)\.json$/.test(name)) found.push(relative(ROOT, p));
    }
  };
  walk(join(ROOT, 'renderer'));
  return found.sort();
}

function jsonTexts(file: string): Text[] {
  const out: Text[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') out.push({ where: `${file} ${path}`, text: v, ja: file.includes('ja.json') });
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(JSON.parse(readFileSync(join(ROOT, file), 'utf8')), '');
  return out;
}

export const LOCALE_FILES = localeFiles();

/**
 * The gallery's Japanese titles, descriptions, document titles, scenario names and descriptions, and
 * the Japanese edition's names and comments of every object (examples/index.json).
 */
function galleryTexts(): Text[] {
  type Texts = Record<string, { ja: string } | undefined>;
  const gallery = JSON.parse(readFileSync(join(ROOT, 'examples/index.json'), 'utf8')) as {
    examples: Array<{
      file: string;
      title: { ja: string };
      description: { ja: string };
      documentTitle?: { ja: string };
      scenarioNames?: Texts;
      scenarioDescriptions?: Texts;
      objectTexts?: Record<string, Texts>;
    }>;
  };
  const each = (file: string, what: string, texts: Texts | undefined): Text[] =>
    Object.entries(texts ?? {}).map(([id, n]) => ({ where: `examples/index.json ${file} ${id} ${what}`, text: n?.ja ?? '', ja: true }));
  return gallery.examples.flatMap((e) => [
    { where: `examples/index.json ${e.file} title`, text: e.title.ja, ja: true },
    { where: `examples/index.json ${e.file} description`, text: e.description.ja, ja: true },
    ...(e.documentTitle ? [{ where: `examples/index.json ${e.file} documentTitle`, text: e.documentTitle.ja, ja: true }] : []),
    ...each(e.file, 'name', e.scenarioNames),
    ...each(e.file, 'description', e.scenarioDescriptions),
    ...Object.entries(e.objectTexts ?? {}).flatMap(([id, fields]) =>
      Object.entries(fields).map(([field, n]) => ({ where: `examples/index.json ${e.file} ${id} ${field}`, text: n?.ja ?? '', ja: true })),
    ),
  ]);
}

export function allTexts(): Text[] {
  const files = TEMPLATE_FILES.filter((f) => {
    try {
      return statSync(join(ROOT, f)).isFile();
    } catch {
      return false;
    }
  });
  return [...files.flatMap(templateTexts), ...LOCALE_FILES.flatMap(jsonTexts), ...galleryTexts()];
}
