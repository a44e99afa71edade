import type { Range } from '../types.js';
import { edgeOccurrences } from '../tokenize/word-edges.js';

/**
 * Every occurrence of `needle` in `text` (both normalised), overlapping occurrences included; a needle that
 * starts or ends with a Latin letter or digit only at word edges, as it is matched (AI not in domain).
 */
export function findOccurrences(text: string, needle: string): Range[] {
  return edgeOccurrences(text, needle);
}

/** How often `needle` occurs in `text`, counting occurrences that do not overlap (as a reader counts them). */
export function countOccurrences(text: string, needle: string): number {
  let n = 0;
  if (needle === '') return 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Sorts ranges and merges those that overlap or touch, so that each character is marked once. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * The ranges to mark in a passage: every occurrence of every needle (the terms for an exact hit, the words for a
 * related one), found on the normalised text, whose offsets are those of the text shown.
 */
export function findHighlights(normalizedText: string, needles: readonly string[]): Range[] {
  return mergeRanges(needles.flatMap((needle) => findOccurrences(normalizedText, needle)));
}
