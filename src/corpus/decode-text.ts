import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The result of decoding a file's bytes: text and encoding, or the reason it is not text. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Decodes a text file whatever its encoding: UTF-8 with or without BOM, UTF-16 with a BOM, GB18030/GBK/Big5.
 * Binary files and text that decodes to garbage are refused with a reason instead of being guessed at.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const bom = decodeByBom(bytes);
  if (bom) return checkText(bom.text, bom.encoding);
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes and no UTF-16 byte-order mark)' };
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const utf8Errors = countMatches(utf8, /\uFFFD/g);
  // A UTF-8 file cut mid-character (or with a stray byte) is still UTF-8, not GBK.
  if (utf8Errors <= Math.max(2, utf8.length / 2000) && (utf8Errors === 0 || /[\u4e00-\u9fff]/.test(utf8))) return checkText(utf8, 'UTF-8');
  for (const encoding of ['GB18030', 'Big5']) {
    if (encoding === 'Big5' && chardet.detect(bytes) !== 'Big5') continue;
    const text = iconv.decode(Buffer.from(bytes), encoding);
    if (countMatches(text, /\uFFFD/g) === 0) return checkText(text, encoding);
  }
  return { ok: false, reason: `cannot decode: not UTF-8 (${utf8Errors} invalid sequences), GB18030 or Big5` };
}

function decodeByBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  return null;
}

function checkText(text: string, encoding: string): DecodeResult {
  // Control characters other than tab, CR, LF and form feed mean a binary file that happened to decode.
  const controls = countMatches(text, /[\u0000-\u0008\u000E-\u001F]/g);
  if (controls > Math.max(2, text.length / 200)) {
    return { ok: false, reason: `binary content: ${controls} control characters after decoding as ${encoding}` };
  }
  return { ok: true, text, encoding };
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
