/**
 * The PDF export's fonts in the app (browser and desktop): Noto Sans JP from the pinned font package,
 * bundled by Vite as separate assets (never in the JavaScript), fetched the first time a PDF is made
 * and kept for the session. Only the weights the drawing uses are fetched (shared/diagram/pdf.ts).
 */
import regularUrl from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf?url';
import type { PdfFontLoader, PdfFontWeight } from '../../shared/diagram/pdf';

const URLS: Record<PdfFontWeight, string> = { regular: regularUrl, bold: boldUrl };
const loaded = new Map<PdfFontWeight, Promise<Uint8Array>>();

export const fetchPdfFont: PdfFontLoader = (weight) => {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = fetch(URLS[weight]).then(async (response) => {
      if (!response.ok) throw new Error(`the PDF font could not be loaded (${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    });
    // A failed fetch is tried again next time.
    bytes.catch(() => loaded.delete(weight));
    loaded.set(weight, bytes);
  }
  return bytes;
};
