/**
 * Passage texts as one string and their lengths, the form in which they cross to a job process: one string is
 * copied whole, where 363,000 strings are serialised one by one.
 */
export interface PackedTexts {
  readonly text: string;
  readonly lengths: Uint32Array;
}

export function packTexts(texts: readonly string[], lengths: Uint32Array): PackedTexts {
  return { text: texts.join(''), lengths };
}

/** The passage texts again. */
export function unpackTexts({ text, lengths }: PackedTexts): string[] {
  const texts: string[] = new Array(lengths.length);
  for (let p = 0, at = 0; p < lengths.length; at += lengths[p++]) texts[p] = text.slice(at, at + lengths[p]);
  return texts;
}
