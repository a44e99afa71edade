import type { SearchIndex } from '../search-index/search-index.js';
import { passagesContaining } from '../search-index/search-index.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import { inScope, isWholeCorpus, WHOLE_CORPUS, type AnalysisScope } from './analysis-scope.js';
import { concordanceOrder, type Occurrences } from './concordance-order.js';

/** One occurrence in context, as a concordancer shows it. */
export interface ConcordanceLine {
  readonly left: string;
  readonly match: string;
  readonly right: string;
  readonly region: string | null;
  readonly year: number | null;
  readonly docId: string;
  /** The report's title and the corpus file it came from, for a researcher's table. */
  readonly title: string;
  readonly source: string;
  readonly passageId: string;
  readonly paragraph: number;
}

/** How lines are ordered: corpus order, by region, or by the context left or right of the match (as AntConc sorts). */
export type ConcordanceSort = 'corpus' | 'region' | 'left' | 'right';
export const CONCORDANCE_SORTS: readonly ConcordanceSort[] = ['corpus', 'region', 'left', 'right'];

/** The part of the sorted lines to make: lines are objects of eight fields, and 法 has 186,000 on the laws corpus. */
export interface ConcordanceWindow {
  readonly offset: number;
  readonly limit: number;
}

/**
 * Every occurrence of a phrase (non-overlapping, found by the exact-match index, so the count equals the phrase
 * count everywhere else) with `width` characters of context on each side, taken from the text as shown, in the
 * reports of the scope; `total` counts them all, `lines` holds those of `window` (all without one). The order is
 * found on numbers and only the window's lines are made (see concordance-order.ts).
 */
export function concordance(index: SearchIndex, phrase: string, sort: ConcordanceSort = 'corpus', width = 20, scope: AnalysisScope = WHOLE_CORPUS, window?: ConcordanceWindow): { query: string; total: number; lines: ConcordanceLine[] } {
  const needle = normalizeText(phrase.trim());
  if (needle === '') return { query: phrase, total: 0, lines: [] };
  const whole = isWholeCorpus(scope);
  const passages: number[] = [];
  const starts: number[] = [];
  for (const p of passagesContaining(index, needle)) {
    if (!whole && !inScope(scope, index.documents[index.passageDoc[p]])) continue;
    const text = index.normalized[p];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      passages.push(p);
      starts.push(at);
    }
  }
  const found: Occurrences = { passages, starts, length: needle.length, width };
  const from = Math.min(window?.offset ?? 0, passages.length);
  const to = Math.min(window ? from + window.limit : passages.length, passages.length);
  const order = concordanceOrder(index, found, sort, from, to);
  const lines: ConcordanceLine[] = [];
  for (let k = from; k < to; k++) lines.push(lineAt(index, found, order[k]));
  return { query: phrase, total: passages.length, lines };
}

function lineAt(index: SearchIndex, found: Occurrences, k: number): ConcordanceLine {
  const p = found.passages[k];
  const at = found.starts[k];
  const end = at + found.length;
  const doc = index.documents[index.passageDoc[p]];
  const passage = index.passages[p];
  return {
    left: passage.text.slice(Math.max(0, at - found.width), at),
    match: passage.text.slice(at, end),
    right: passage.text.slice(end, end + found.width),
    region: doc.region,
    year: doc.year,
    docId: doc.id,
    title: doc.title,
    source: doc.source,
    passageId: passage.id,
    paragraph: passage.index,
  };
}
