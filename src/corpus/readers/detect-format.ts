import { fileTypeFromBuffer } from 'file-type';

/** The formats the corpus reader takes. */
export type CorpusFormat = 'txt' | 'html' | 'docx' | 'doc' | 'pdf';

/** A file's format, found from its bytes first and its name second; or why it is not read. */
export type FormatResult = { readonly ok: true; readonly format: CorpusFormat } | { readonly ok: false; readonly reason: string };

/** Endings read as plain text when the bytes show no other type. */
const TEXT_ENDINGS = new Set(['.txt', '.text', '']);
/** Endings read as web pages. */
const HTML_ENDINGS = new Set(['.html', '.htm', '.shtml', '.xhtml']);

/** The endings the engine reads, for messages. */
export const READ_ENDINGS = '.txt, .docx, .doc, .pdf, .html/.htm/.shtml';

/**
 * Decides how to read a file by its content, as government sites serve web pages named .doc and Word files named
 * .doc that are .docx: magic numbers (PDF, ZIP with word/document.xml, OLE compound file), then an HTML sniff of
 * the first bytes, then the file's ending for text.
 */
export async function detectFormat(name: string, bytes: Uint8Array): Promise<FormatResult> {
  const ending = extensionOf(name);
  const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (type?.ext === 'pdf') return { ok: true, format: 'pdf' };
  if (type?.ext === 'docx') return { ok: true, format: 'docx' };
  if (type?.ext === 'cfb') {
    return ending === '.doc' || ending === '.wps' || ending === '.dot' ? { ok: true, format: 'doc' } : { ok: false, reason: `unsupported type: an OLE compound file named ${ending || 'without an ending'} (Excel, PowerPoint…); the engine reads ${READ_ENDINGS}` };
  }
  if (type) return { ok: false, reason: `unsupported type: ${type.mime} (.${type.ext}); the engine reads ${READ_ENDINGS}` };
  if (looksLikeHtml(bytes)) return { ok: true, format: 'html' };
  if (HTML_ENDINGS.has(ending)) return { ok: true, format: 'html' };
  if (TEXT_ENDINGS.has(ending)) return { ok: true, format: 'txt' };
  if (ending === '.doc' || ending === '.docx' || ending === '.pdf') {
    return { ok: false, reason: `not a ${ending.slice(1)} file: its content is neither Word nor PDF nor a web page` };
  }
  return { ok: false, reason: `unsupported type: ${ending} files are not read; the engine reads ${READ_ENDINGS}` };
}

/** The lower-case ending of a file name with its dot (`.docx`), or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Whether the first kilobyte reads as markup of a web page (any ASCII-compatible encoding or UTF-16). */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/\u0000/g, '').replace(/^\u00ef\u00bb\u00bf|^\u00ff\u00fe|^\u00fe\u00ff/, '');
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|title|body)\b/i.test(head);
}
