/**
 * Where a string may match: Chinese has no spaces, so a Han string matches anywhere; Latin letters and digits
 * match at word edges only, as a reader expects (AI is not in domAIn, 5% not in 15%, 2020 not in 12020, 6.2 not
 * in 16.2 or 6.25). Texts and needles are normalised (lower case, half-width).
 */

const ALNUM = /[a-z0-9]/;

/** Whether the occurrence of `needle` at `start` in `text` stands at word edges where its ends are Latin or digits. */
export function atWordEdges(text: string, start: number, needle: string): boolean {
  const end = start + needle.length;
  if (ALNUM.test(needle[0])) {
    const before = text[start - 1];
    if (before !== undefined && (ALNUM.test(before) || (before === '.' && /\d/.test(needle[0]) && /\d/.test(text[start - 2] ?? '')))) return false;
  }
  if (ALNUM.test(needle[needle.length - 1])) {
    const after = text[end];
    if (after !== undefined && (ALNUM.test(after) || (after === '.' && /\d/.test(needle[needle.length - 1]) && /\d/.test(text[end + 1] ?? '')))) return false;
  }
  return true;
}

/** Whether matching `needle` needs the edge check at all (it starts or ends with a Latin letter or digit). */
export function needsWordEdges(needle: string): boolean {
  return needle !== '' && (ALNUM.test(needle[0]) || ALNUM.test(needle[needle.length - 1]));
}

/** Every occurrence of `needle` in `text` that stands at word edges, overlapping ones included, as [start, end). */
export function edgeOccurrences(text: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle === '') return out;
  const check = needsWordEdges(needle);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!check || atWordEdges(text, at, needle)) out.push([at, at + needle.length]);
  }
  return out;
}
