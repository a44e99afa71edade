import type { Range } from '../types.js';

/** A piece of a passage to show, with its highlights shifted to the piece. */
export interface Snippet {
  readonly text: string;
  readonly highlights: readonly Range[];
  /** Whether text was cut at the start / the end (shown as an ellipsis). */
  readonly cutStart: boolean;
  readonly cutEnd: boolean;
}

/** Where a snippet may start or end: after Chinese (or Western) sentence and clause punctuation. */
const BREAK = /[。；！？，、,;!?:：]/;

/**
 * Cuts a long passage around its best match (the window holding the most marked characters), moving both ends
 * to the nearest punctuation so the snippet reads as whole clauses.
 */
export function makeSnippet(text: string, highlights: readonly Range[], maxLength = 160): Snippet {
  if (text.length <= maxLength) return { text, highlights, cutStart: false, cutEnd: false };
  let bestStart = 0;
  let bestMarked = -1;
  for (const [start] of highlights) {
    const from = Math.max(0, start - Math.floor(maxLength / 4));
    const marked = highlights.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, from + maxLength) - Math.max(s, from)), 0);
    if (marked > bestMarked) {
      bestMarked = marked;
      bestStart = from;
    }
  }
  let start = bestStart;
  if (start > 0) {
    const back = text.slice(Math.max(0, start - 30), start);
    const cut = Math.max(...[...back].map((c, i) => (BREAK.test(c) ? i : -1)));
    start = cut >= 0 ? start - back.length + cut + 1 : start;
  }
  let end = Math.min(text.length, start + maxLength);
  if (end < text.length) {
    const window = text.slice(start + Math.floor(maxLength * 0.6), end);
    const cut = Math.max(...[...window].map((c, i) => (BREAK.test(c) ? i : -1)));
    if (cut >= 0) end = start + Math.floor(maxLength * 0.6) + cut + 1;
  }
  const shifted = highlights
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as const);
  return { text: text.slice(start, end), highlights: shifted, cutStart: start > 0, cutEnd: end < text.length };
}
