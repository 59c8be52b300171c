/**
 * `mailflow export <file> --format svg|png|pdf --out <path>`: a picture of the whole design, drawn
 * by the same code as the app's export (shared/diagram), without a browser. PNG comes from resvg
 * (a native build shipped in the npm package); PDF is the app's one PDF writer (shared/diagram/pdf.ts:
 * the same SVG as vectors with real text), with the fonts read from the font package.
 */
import { documentDisplayTitle } from '../../shared/i18n/gallery';
import { createRequire } from 'node:module';
import { DEFAULT_LANG, isLang, LANGUAGE_LIST } from '../../shared/i18n/languages';
import { simulateScenario, SimulationInputError, type Lang, type Simulation } from '../../shared/engine';
import type { TopologyDocument } from '../../shared/model/schema';
import { parseDocumentText, serializeDocument } from '../../shared/model/load';
import { buildDiagramPdf, exportTime } from '../../shared/diagram/pdf';
import { embedDocumentInPng } from '../../shared/diagram/png-chunks';
import { DEFAULT_PADDING, renderDiagramSvg, type DiagramOptions } from '../../shared/diagram/svg';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/diagram/import';
import { EXIT, type CliCommand, type CliIO, type ParsedArgs } from '../types';
import { reportWritten, writeOutput } from './core';
import { loadPdfFontFromPackage } from '../pdfFonts';

const USAGE = [
  'mailflow export <file> --format svg|png|pdf --out <path> [--scenario <id>] [--theme light|dark] [--transparent] [--padding <px>] [--scale <n>] [--lang en|ja]',
];
const VALUE_OPTIONS = ['format', 'out', 'scenario', 'theme', 'padding', 'scale', 'lang'];
const FLAG_OPTIONS = ['transparent', 'help'];

/** PNG is drawn at twice the diagram size by default so text stays crisp on high-density screens. */
export const DEFAULT_PNG_SCALE = 2;

class ExportUsageError extends Error {}

/** resvg allocates the whole canvas at once; beyond this a very large design is refused, not crashed on. */
export const MAX_PNG_PIXELS = 120_000_000;

export class ExportTooLargeError extends Error {}

export interface ExportSettings {
  format: ExportFormat;
  theme: 'light' | 'dark';
  transparent: boolean;
  padding: number;
  scale: number;
  lang: Lang;
  simulation: Simulation | null;
  /** The export time written in a PDF (CreationDate/ModDate). */
  now?: Date;
}

type ResvgModule = typeof import('@resvg/resvg-js');
let resvgModule: ResvgModule | null = null;
/** resvg is a native module: loaded on first PNG, so every other command starts without it. */
function loadResvg(): ResvgModule {
  return (resvgModule ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule);
}

/** Draws an SVG into PNG bytes with resvg, at `scale`, using the fonts installed on the machine. */
export function renderSvgToPng(svg: string, scale: number): Uint8Array {
  const { Resvg } = loadResvg();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK JP' },
    textRendering: 1, // optimizeLegibility
    shapeRendering: 2, // geometricPrecision
  });
  return new Uint8Array(resvg.render().asPng());
}

/** The exported file for one document: SVG text, or PNG/PDF bytes, each carrying the document. */
export async function exportDocument(doc: TopologyDocument, settings: ExportSettings): Promise<string | Uint8Array> {
  const options: DiagramOptions = {
    theme: settings.theme,
    transparent: settings.transparent,
    padding: settings.padding,
    lang: settings.lang,
    simulation: settings.simulation,
  };
  const drawn = renderDiagramSvg(doc, options);
  if (settings.format === 'svg') return drawn.svg;
  if (settings.format === 'pdf') {
    // Vectors and real text: no raster, so no pixel limit and no --scale.
    const plain = renderDiagramSvg(doc, { ...options, embedDocument: false });
    return buildDiagramPdf({
      svg: plain.svg,
      // The PDF's Title is the title drawn on the page (a gallery example's, in the export's language).
      title: documentDisplayTitle(doc, settings.lang),
      lang: settings.lang,
      now: settings.now ?? exportTime(process.env.SOURCE_DATE_EPOCH, new Date()),
      loadFont: loadPdfFontFromPackage,
    });
  }
  const pixels = Math.round(drawn.width * settings.scale) * Math.round(drawn.height * settings.scale);
  if (pixels > MAX_PNG_PIXELS) {
    throw new ExportTooLargeError(
      `the picture would be ${Math.round(drawn.width * settings.scale)} × ${Math.round(drawn.height * settings.scale)} pixels; use a smaller --scale, or --format svg`,
    );
  }
  // The PNG embeds the document itself (iTXt), so the SVG it is drawn from does not need to.
  const png = renderSvgToPng(renderDiagramSvg(doc, { ...options, embedDocument: false }).svg, settings.scale);
  return embedDocumentInPng(png, serializeDocument(doc));
}

function value(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  if (v === true) throw new ExportUsageError(`--${name}: expected a value`);
  return v;
}

function numberOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = value(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(n) || n < min || n > max) {
    throw new ExportUsageError(`--${name}: found "${raw}"; expected a number from ${min} to ${max}`);
  }
  return n;
}

function parseSettings(args: ParsedArgs): { file: string; out: string; scenario: string | null } & Omit<ExportSettings, 'simulation'> {
  const unknown = Object.keys(args.options).filter((o) => !VALUE_OPTIONS.includes(o) && !FLAG_OPTIONS.includes(o));
  if (unknown.length > 0) throw new ExportUsageError(`unknown option --${unknown[0]}`);
  if (args.positionals.length !== 1) {
    throw new ExportUsageError(
      args.positionals.length === 0 ? 'expected the document file' : `expected one document file, found ${args.positionals.length} arguments: ${args.positionals.join(' ')}`,
    );
  }
  const format = value(args, 'format');
  if (format === undefined) throw new ExportUsageError('--format: expected svg, png or pdf');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ExportUsageError(`--format: found "${format}"; expected svg, png or pdf`);
  const out = value(args, 'out');
  if (out === undefined || out === '') throw new ExportUsageError('--out: expected the path of the file to write');
  const theme = value(args, 'theme') ?? 'light';
  if (theme !== 'light' && theme !== 'dark') throw new ExportUsageError(`--theme: found "${theme}"; expected light or dark`);
  const lang = value(args, 'lang') ?? DEFAULT_LANG;
  if (!isLang(lang)) throw new ExportUsageError(`--lang: found "${lang}"; expected ${LANGUAGE_LIST}`);
  const scaleGiven = args.options.scale !== undefined;
  if (scaleGiven && format === 'svg') throw new ExportUsageError('--scale: applies to png and pdf only (an SVG has no pixel size)');
  return {
    file: args.positionals[0],
    out,
    scenario: value(args, 'scenario') ?? null,
    format: format as ExportFormat,
    theme,
    lang,
    transparent: args.options.transparent === true,
    padding: numberOption(args, 'padding', DEFAULT_PADDING, 0, 1000),
    // resvg's canvas is limited; 8× of a large diagram is already tens of megapixels.
    scale: numberOption(args, 'scale', DEFAULT_PNG_SCALE, 1, 8),
  };
}

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  let settings: ReturnType<typeof parseSettings>;
  try {
    settings = parseSettings(args);
  } catch (e) {
    if (e instanceof ExportUsageError) {
      io.stderr(`mailflow export: ${e.message}\n\nUsage:\n${USAGE.map((u) => `  ${u}`).join('\n')}\n`);
      return EXIT.invalid;
    }
    throw e;
  }

  let text: string;
  try {
    text = io.readText(settings.file);
  } catch (e) {
    io.stderr(`${settings.file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return EXIT.invalid;
  }
  const loaded = parseDocumentText(text);
  if (!loaded.ok) {
    for (const err of loaded.errors) io.stderr(`${settings.file}: ${err.message}\n`);
    return EXIT.invalid;
  }
  const doc = loaded.document;

  let simulation: Simulation | null = null;
  if (settings.scenario !== null) {
    if (!doc.scenarios.some((s) => s.id === settings.scenario)) {
      io.stderr(
        `mailflow export: --scenario: found "${settings.scenario}"; expected one of the document's scenarios: ${doc.scenarios.map((s) => s.id).join(', ') || '(none)'}\n`,
      );
      return EXIT.invalid;
    }
    try {
      simulation = simulateScenario(doc, settings.scenario, { lang: settings.lang });
    } catch (e) {
      if (e instanceof SimulationInputError) {
        io.stderr(`${settings.file}: ${e.message}\n`);
        return EXIT.invalid;
      }
      throw e;
    }
  }

  let data: string | Uint8Array;
  try {
    data = await exportDocument(doc, { ...settings, simulation, now: io.now?.() });
  } catch (e) {
    if (e instanceof ExportTooLargeError) {
      io.stderr(`mailflow export: ${e.message}\n`);
      return EXIT.invalid;
    }
    throw e;
  }
  if (!writeOutput(settings.out, data, io)) return EXIT.invalid;
  const size = typeof data === 'string' ? new TextEncoder().encode(data).length : data.length;
  reportWritten(settings.out, `${settings.out}: ${settings.format.toUpperCase()}, ${size} bytes${settings.scenario ? `, scenario ${settings.scenario}` : ''}\n`, io);
  return EXIT.ok;
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: USAGE,
  valueOptions: VALUE_OPTIONS,
  run,
};
