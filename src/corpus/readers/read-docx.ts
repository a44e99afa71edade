import { htmlToLines, type MarkupLines } from './html-to-lines.js';

/**
 * The paragraphs of a .docx, one a line, with the lines Word styles as headings (Heading 1–6 → level 1–6), so
 * that a styled heading is a section even without a number.
 */
export async function readDocx(bytes: Uint8Array): Promise<MarkupLines> {
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true });
  return htmlToLines(value, true);
}
