import * as OpenCC from 'opencc-js/t2cn';

/**
 * Length-preserving normalisation for matching: full-width → half-width (NFKC), lower case, traditional →
 * simplified (環境整治 → 环境整治). Each UTF-16 unit maps to exactly one unit, so an offset in the normalised text
 * is the same offset in the text shown; a character whose normal form is longer (① → 1, ㎡ → m2) is kept as is.
 */

/** Bumped whenever the mapping changes, so that index caches built with the old one are rebuilt. */
export const NORMALIZE_VERSION = 1;

let table: Uint16Array | null = null;

/** The per-unit mapping, built once on first use (about 50 ms). */
function normalizationTable(): Uint16Array {
  if (table) return table;
  const map = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    map[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves stay as they are
    const normal = String.fromCharCode(c).normalize('NFKC').toLowerCase();
    if (normal.length === 1) map[c] = normal.charCodeAt(0);
  }
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const han: string[] = [];
  for (let c = 0x3400; c < 0xa000; c++) han.push(String.fromCharCode(map[c]));
  const simplified = toSimplified(han.join('\n')).split('\n');
  for (let c = 0x3400; c < 0xa000; c++) {
    const s = simplified[c - 0x3400];
    if (s !== undefined && s.length === 1) map[c] = s.charCodeAt(0);
  }
  table = map;
  return map;
}

/** Normalises text for matching; the result has the same length as the input. */
export function normalizeText(text: string): string {
  const map = normalizationTable();
  let i = 0;
  while (i < text.length && map[text.charCodeAt(i)] === text.charCodeAt(i)) i++;
  if (i === text.length) return text; // the common case: nothing to change, no copy
  const units = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) units[k] = map[text.charCodeAt(k)];
  return utf16.decode(units);
}

const utf16 = new TextDecoder('utf-16le');
