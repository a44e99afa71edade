import { dropPageFurniture, itemsToLines, joinPdfLines, type PdfTextItem } from './pdf-paragraphs.js';

/** Fewer characters than this per page on average: a scan without a text layer. */
const MIN_CHARS_PER_PAGE = 20;

/**
 * The paragraphs of a PDF's text layer, one a line, or why there are none: encrypted, corrupt, or a scan with no
 * text (which needs OCR first).
 */
export async function readPdf(bytes: Uint8Array): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  // PDF.js takes some 60 MB of heap when loaded: only corpora with PDFs, and only when building, pay for it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    // PDF.js takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted PDF: it needs a password to open' };
    return { ok: false, reason: `unreadable PDF: ${(err as Error).message}` };
  }
  try {
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , x, y] = item.transform as number[];
        items.push({ str: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height });
      }
      pages.push(itemsToLines(items));
      page.cleanup();
    }
    const chars = pages.flat().reduce((n, line) => n + line.text.length, 0);
    if (chars < MIN_CHARS_PER_PAGE * pdf.numPages) {
      return { ok: false, reason: `no text layer (${chars} characters on ${pdf.numPages} pages): a scanned PDF needs OCR before it can be searched` };
    }
    return { ok: true, text: joinPdfLines(dropPageFurniture(pages)).join('\n') };
  } finally {
    await pdf.destroy();
  }
}
