/**
 * A one-page PDF of the diagram with pdf-lib (pure JavaScript: the same code runs in the CLI and in
 * the browser). The page is sized to the diagram and shows the PNG rendering, so it looks exactly
 * like the other formats; the title is the document's Title metadata and also an invisible text
 * line over the drawn title, so the PDF can be searched and its text copied.
 */

export interface PdfInput {
  png: Uint8Array;
  /** Diagram size in CSS pixels (the PNG may be larger: it is drawn at a scale). */
  width: number;
  height: number;
  title: string;
  /** Where the title is drawn in the diagram, in CSS pixels from the top-left (baseline). */
  titleAt?: { x: number; y: number; size: number };
  creator?: string;
}

/** CSS pixels are 1/96 inch; PDF points are 1/72 inch. */
const PX_TO_PT = 72 / 96;

export async function buildDiagramPdf(input: PdfInput): Promise<Uint8Array> {
  // Loaded on first use: the CLI and the app start without it (it is only needed for PDF export).
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(input.title, { showInWindowTitleBar: true });
  pdf.setCreator(input.creator ?? 'Mailflow Studio');
  pdf.setProducer('Mailflow Studio (pdf-lib)');
  // Fixed dates keep the file reproducible for the same diagram.
  const epoch = new Date(0);
  pdf.setCreationDate(epoch);
  pdf.setModificationDate(epoch);
  const w = input.width * PX_TO_PT;
  const h = input.height * PX_TO_PT;
  const page = pdf.addPage([w, h]);
  const image = await pdf.embedPng(input.png);
  page.drawImage(image, { x: 0, y: 0, width: w, height: h });

  const font = await pdf.embedFont(StandardFonts.Helvetica);
  // Helvetica encodes WinAnsi only: characters it cannot encode (Japanese) stay in the picture only.
  const encodable = [...input.title]
    .filter((ch) => {
      try {
        font.encodeText(ch);
        return true;
      } catch {
        return false;
      }
    })
    .join('')
    .trim();
  if (encodable) {
    const at = input.titleAt ?? { x: 32, y: 54, size: 22 };
    page.drawText(encodable, { x: at.x * PX_TO_PT, y: h - at.y * PX_TO_PT, size: at.size * PX_TO_PT, font, opacity: 0 });
  }
  return pdf.save({ useObjectStreams: false });
}
