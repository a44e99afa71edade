import type { SearchIndex } from '../search-index/search-index.js';
import { passagesContaining } from '../search-index/search-index.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import { inScope, isWholeCorpus, WHOLE_CORPUS, type AnalysisScope } from './analysis-scope.js';

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

/**
 * Every occurrence of a phrase (non-overlapping, found by the exact-match index, so the count equals the phrase
 * count everywhere else) with `width` characters of context on each side, taken from the text as shown, in the
 * reports of the scope.
 */
export function concordance(index: SearchIndex, phrase: string, sort: ConcordanceSort = 'corpus', width = 20, scope: AnalysisScope = WHOLE_CORPUS): { query: string; total: number; lines: ConcordanceLine[] } {
  const needle = normalizeText(phrase.trim());
  const lines: ConcordanceLine[] = [];
  if (needle === '') return { query: phrase, total: 0, lines };
  const whole = isWholeCorpus(scope);
  for (const p of passagesContaining(index, needle)) {
    const doc = index.documents[index.passageDoc[p]];
    if (!whole && !inScope(scope, doc)) continue;
    const text = index.normalized[p];
    const passage = index.passages[p];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      lines.push({
        left: passage.text.slice(Math.max(0, at - width), at),
        match: passage.text.slice(at, at + needle.length),
        right: passage.text.slice(at + needle.length, at + needle.length + width),
        region: doc.region,
        year: doc.year,
        docId: doc.id,
        title: doc.title,
        source: doc.source,
        passageId: passage.id,
        paragraph: passage.index,
      });
    }
  }
  const reversed = (s: string) => [...s].reverse().join('');
  const compare: Record<ConcordanceSort, ((a: ConcordanceLine, b: ConcordanceLine) => number) | null> = {
    corpus: null,
    region: (a, b) => (a.region ?? '').localeCompare(b.region ?? '', 'zh-CN'),
    left: (a, b) => reversed(a.left).localeCompare(reversed(b.left), 'zh-CN'),
    right: (a, b) => a.right.localeCompare(b.right, 'zh-CN'),
  };
  const order = compare[sort];
  // Array.prototype.sort is stable: equal keys keep corpus order.
  if (order) lines.sort(order);
  return { query: phrase, total: lines.length, lines };
}
