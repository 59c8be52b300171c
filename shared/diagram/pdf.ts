/**
 * The one PDF writer of the diagram, used by `mailflow export --format pdf`, the browser build and
 * the desktop app: a one-page VECTOR PDF of the very SVG `svg.ts` draws (the other formats show the
 * same drawing), converted by `svgToPdf.ts` into PDF drawing operators, with real text.
 *
 * Fonts. Every text is set in Noto Sans JP (Regular, and Bold where the SVG asks for bold), embedded
 * as a SUBSET of the glyphs used, through pdf-lib + @pdf-lib/fontkit: a Type0 font over a
 * CIDFontType2 (TrueType outlines, Identity-H) with a ToUnicode CMap. Why this pick:
 * - Embedded, so it renders the same in Chrome's viewer (PDFium), Acrobat and poppler without any
 *   font installed; a non-embedded CJK font (KozMin/HeiseiKakuGo by name) is substituted differently
 *   by each viewer, and poppler needs extra packages for it.
 * - TrueType outlines: pdf-lib subsets `glyf` fonts reliably (its CFF subsetting of OpenType/CFF
 *   fonts such as Noto Sans CJK .otf is known to break glyphs), and a subset keeps a Japanese
 *   export in the tens of kilobytes instead of megabytes.
 * - ToUnicode: `pdftotext`, search and copy give back the Latin and Japanese text.
 * - Noto Sans JP is the design of "Noto Sans CJK JP", the family the PNG export renders with (first
 *   installed entry of the diagram's font list on Linux, the CLI's resvg default), so the PDF looks
 *   like the PNG; it covers Latin, kana, kanji and the arrows/bullets the diagram uses, so one font
 *   serves both languages. Licence: SIL OFL 1.1 (embedding in documents is allowed), from the
 *   `@expo-google-fonts/noto-sans-jp` package (the static TTFs Google Fonts publishes; pinned).
 *
 * The font files (about 5.5 MB per weight) are not part of this module: the caller passes
 * `loadFont`, called only for the weights the drawing uses, and only when a PDF is made (the CLI
 * reads the package's file, the app fetches a bundled asset on first PDF export).
 *
 * Metadata: Title (the document's title), Creator, Producer, Language, and CreationDate/ModDate =
 * `now`, the export time the caller passes (the CLI honours SOURCE_DATE_EPOCH for reproducible
 * builds), so tests are deterministic. The PDF does not carry the design (it never did): a design
 * travels in the SVG/PNG exports and the .mailflow.json file.
 */
import type { Lang } from '../i18n/languages';
import { parseSvg } from './svgParse';
import { svgTextContent, svgToPdfPage, type PdfFontHandle } from './svgToPdf';

export type PdfFontWeight = 'regular' | 'bold';

/** The TrueType bytes of Noto Sans JP in one weight (see the module comment). */
export type PdfFontLoader = (weight: PdfFontWeight) => Promise<Uint8Array>;

export interface PdfInput {
  /** The diagram as `renderDiagramSvg` draws it (its metadata, if any, is ignored). */
  svg: string;
  title: string;
  lang: Lang;
  /** Creation and modification date written in the PDF: the time of the export. */
  now: Date;
  loadFont: PdfFontLoader;
  creator?: string;
}

/** The font files, as module paths inside the pinned font package (the CLI resolves them; the app bundles them). */
export const PDF_FONT_FILES: Record<PdfFontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
};

export const PDF_CREATOR = 'Mailflow Studio';
export const PDF_PRODUCER = 'Mailflow Studio (pdf-lib, Noto Sans JP)';

/** The export time for reproducible builds: SOURCE_DATE_EPOCH (seconds) when set and valid, else `fallback`. */
export function exportTime(sourceDateEpoch: string | undefined, fallback: Date): Date {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim())) return new Date(Number(sourceDateEpoch.trim()) * 1000);
  return fallback;
}

export async function buildDiagramPdf(input: PdfInput): Promise<Uint8Array> {
  const root = parseSvg(input.svg);
  const texts = svgTextContent(root);
  const weights: PdfFontWeight[] = [];
  if (texts.some((t) => !t.bold)) weights.push('regular');
  if (texts.some((t) => t.bold)) weights.push('bold');

  // Loaded on first use: the CLI and the app start without them (only PDF export needs them).
  const [{ PDFDocument, PDFName }, fontkitModule] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  // The ES build has a default export, the CommonJS one (Node) its functions on the module.
  const fontkit: FontkitModule = 'default' in fontkitModule && isFontkit(fontkitModule.default) ? fontkitModule.default : fontkitModule;
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(withEvenGlyphs(fontkit));
  pdf.setTitle(input.title, { showInWindowTitleBar: true });
  pdf.setCreator(input.creator ?? PDF_CREATOR);
  pdf.setProducer(PDF_PRODUCER);
  pdf.setCreationDate(input.now);
  pdf.setModificationDate(input.now);
  pdf.setLanguage(input.lang);

  const embedded = new Map<PdfFontWeight, Awaited<ReturnType<typeof pdf.embedFont>>>();
  const bytes = await Promise.all(weights.map((w) => input.loadFont(w)));
  for (const [i, w] of weights.entries()) {
    embedded.set(w, await pdf.embedFont(bytes[i], {
        subset: true,
        // "locl" would swap the digits for another form whose spacing viewers get wrong; nothing here is language-specific.
        features: { locl: false },
        // A subset's name carries a six-letter tag (PDF 32000-1 §9.6.4).
        customName: w === 'bold' ? 'MFLWBD+NotoSansJP-Bold' : 'MFLWRG+NotoSansJP-Regular',
      }));
  }

  const page = pdf.addPage([1, 1]);
  const handles = new Map<PdfFontWeight, PdfFontHandle>();
  const alphas = new Map<string, string>();
  const converted = svgToPdfPage(root, {
    font(bold) {
      const weight: PdfFontWeight = bold && embedded.has('bold') ? 'bold' : embedded.has('regular') ? 'regular' : 'bold';
      let handle = handles.get(weight);
      if (!handle) {
        const font = embedded.get(weight);
        if (!font) throw new Error('no font for the diagram text');
        const resource = weight === 'bold' ? 'FB' : 'FR';
        page.node.setFontDictionary(PDFName.of(resource), font.ref);
        handle = { resource, encode: (text) => font.encodeText(text).toString(), width: (text, size) => font.widthOfTextAtSize(text, size) };
        handles.set(weight, handle);
      }
      return handle;
    },
    alpha(fill, stroke) {
      const key = `${Math.round(fill * 1000)}/${Math.round(stroke * 1000)}`;
      let name = alphas.get(key);
      if (!name) {
        name = `GS${alphas.size + 1}`;
        page.node.setExtGState(PDFName.of(name), pdf.context.register(pdf.context.obj({ Type: 'ExtGState', ca: fill, CA: stroke })));
        alphas.set(key, name);
      }
      return name;
    },
  });
  page.setSize(converted.width, converted.height);
  page.node.addContentStream(pdf.context.register(pdf.context.flateStream(converted.content)));
  return pdf.save({ useObjectStreams: false });
}

interface GlyphSubset {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}
interface FontkitLike {
  create(data: Uint8Array, postscriptName?: string): { createSubset(): unknown };
}

type FontkitModule = Pick<typeof import('@pdf-lib/fontkit'), 'create'>;

function isFontkit(value: unknown): value is FontkitModule {
  return typeof value === 'object' && value !== null && typeof (value as { create?: unknown }).create === 'function';
}

/** fontkit's TrueType subset, as far as the fix below needs it (a different build is left alone). */
function isGlyphSubset(value: unknown): value is GlyphSubset {
  // `glyf` and `offset` only exist once encoding starts; `_addGlyph` runs then.
  return typeof value === 'object' && value !== null && typeof (value as Partial<GlyphSubset>)._addGlyph === 'function';
}

/**
 * @pdf-lib/fontkit's TrueType subsetter writes a short `loca` (offsets / 2) when the subset is small,
 * but copies glyphs as they are; Noto Sans JP has glyphs of odd length (its own `loca` is long), so
 * every glyph after the first odd one was read from the wrong place and drawn as garbage or nothing.
 * Upstream fontkit fixed it (foliojs/fontkit#191); the fork pdf-lib uses did not. Padding each glyph
 * to an even length (as the TrueType spec asks for short offsets) keeps every offset exact.
 */
function withEvenGlyphs<K extends FontkitLike>(fontkit: K): K {
  return {
    ...fontkit,
    create(data: Uint8Array, postscriptName?: string) {
      const font = fontkit.create(data, postscriptName);
      const createSubset = font.createSubset.bind(font);
      font.createSubset = () => {
        const subset = createSubset();
        if (!isGlyphSubset(subset)) return subset;
        const addGlyph = subset._addGlyph.bind(subset);
        subset._addGlyph = (gid) => {
          const index = addGlyph(gid);
          const glyph = Array.isArray(subset.glyf) ? subset.glyf[index] : undefined;
          if (glyph && glyph.length % 2 === 1) {
            // Same buffer class as fontkit's (its encoder may use Buffer methods).
            const Ctor = glyph.constructor as { alloc?: (n: number) => Uint8Array };
            const padded = typeof Ctor.alloc === 'function' ? Ctor.alloc(glyph.length + 1) : new Uint8Array(glyph.length + 1);
            padded.set(glyph, 0);
            subset.glyf[index] = padded;
            subset.offset += 1;
          }
          return index;
        };
        return subset;
      };
      return font;
    },
  };
}
