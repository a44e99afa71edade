import type { SourceFile } from '../../types.js';
import { decodeText } from '../decode-text.js';
import { detectFormat } from './detect-format.js';
import type { MarkupLines } from './html-to-lines.js';
import { readDoc } from './read-doc.js';
import { readDocx } from './read-docx.js';
import { readHtml } from './read-html.js';
import { readPdf } from './read-pdf.js';

/** Bumped whenever a reader's output changes: it keys the memo of earlier reads and is part of the index fingerprint. */
export const READERS_VERSION = 1;

/** A corpus file read as text, or the reason it could not be. */
export type ReadResult = { readonly ok: true; readonly file: SourceFile } | { readonly ok: false; readonly reason: string };

/** Reads one corpus file of any supported format (chosen by content, then by name) into its text. Never throws. */
export async function readSourceFile(name: string, bytes: Uint8Array): Promise<ReadResult> {
  const detected = await detectFormat(name, bytes);
  if (!detected.ok) return detected;
  const { format } = detected;
  try {
    switch (format) {
      case 'txt': {
        const decoded = decodeText(bytes);
        return decoded.ok ? { ok: true, file: { name, format, text: decoded.text, encoding: decoded.encoding, headings: [] } } : decoded;
      }
      case 'html': {
        const page = readHtml(bytes);
        return page.ok ? fromMarkup(name, format, page.lines, page.encoding) : page;
      }
      case 'docx':
        return fromMarkup(name, format, await readDocx(bytes), 'docx');
      case 'doc':
        return { ok: true, file: { name, format, text: await readDoc(bytes), encoding: 'doc', headings: [] } };
      case 'pdf': {
        const pdf = await readPdf(bytes);
        return pdf.ok ? { ok: true, file: { name, format, text: pdf.text, encoding: 'pdf', headings: [] } } : pdf;
      }
    }
  } catch (err) {
    return { ok: false, reason: `unreadable ${format} file: ${(err as Error).message}` };
  }
}

function fromMarkup(name: string, format: SourceFile['format'], lines: MarkupLines, encoding: string): ReadResult {
  if (lines.text.trim() === '') return { ok: false, reason: `no text found in this ${format} file` };
  return { ok: true, file: { name, format, text: lines.text, encoding, headings: lines.headings } };
}
