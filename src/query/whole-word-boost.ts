import type { SearchIndex } from '../search-index/search-index.js';
import { isWholeWord } from '../search-index/word-starts.js';
import { edgeOccurrences } from '../tokenize/word-edges.js';
import type { ScoringUnit } from './match-query.js';
import { defaultRankOptions, settledScores, type RankedPassage, type RankOptions } from './rank-passages.js';

/** Factor for a passage in which every term stands as a word at least once (民生 in 保障民生, not in 人民生命). */
export const WHOLE_WORD_BOOST = 1.4;

/**
 * Re-ranks the best passages so that those where the terms stand as jieba words come first among equals: the
 * score is multiplied by up to WHOLE_WORD_BOOST, by the share of terms that occur on word edges somewhere in the
 * passage. Only a window of the best passages is looked at, so a very common word stays cheap.
 */
export function boostWholeWords(index: SearchIndex, ranked: readonly RankedPassage[], terms: readonly string[]): RankedPassage[] {
  if (terms.length === 0) return [...ranked];
  const rescored = ranked.map((r, order) => {
    const text = index.normalized[r.passage];
    let whole = 0;
    for (const term of terms) {
      if (edgeOccurrences(text, term).some(([s, e]) => isWholeWord(index.words, r.passage, s, e, text.length))) whole++;
    }
    return { passage: r.passage, score: r.score * (1 + ((WHOLE_WORD_BOOST - 1) * whole) / terms.length), order };
  });
  rescored.sort((a, b) => b.score - a.score || a.order - b.order);
  return rescored.map(({ passage, score }) => ({ passage, score }));
}

/**
 * How far down the BM25 ranking the whole-word boost reaches: the ranking is the best BOOST_REACH passages by
 * BM25, boosted and re-ordered, then the rest in BM25 order. It is the same for every page size.
 */
export const BOOST_REACH = 1000;

/**
 * The best `end` passages of that ranking, scoring every candidate once. A window of the best by BM25 is boosted;
 * it is wide enough once the last passage kept scores at least WHOLE_WORD_BOOST times the window's lowest score
 * (nothing outside can overtake), otherwise it widens, up to BOOST_REACH.
 */
export function topPassagesWithWholeWords(
  index: SearchIndex,
  candidates: Int32Array,
  units: readonly ScoringUnit[],
  end: number,
  options: RankOptions = defaultRankOptions,
): RankedPassage[] {
  if (end <= 0) return [];
  const terms = units.filter((u) => u.term >= 0).map((u) => u.needle);
  const { settle } = settledScores(index, candidates, units, options);
  for (let window = Math.min(BOOST_REACH, 2 * end + 20); ; window = Math.min(BOOST_REACH, window * 4)) {
    const best = settle(Math.max(window, end));
    const boosted = boostWholeWords(index, best.slice(0, window), terms);
    const complete = best.length < window || window === BOOST_REACH || boosted[end - 1].score >= WHOLE_WORD_BOOST * best[window - 1].score;
    if (complete) return [...boosted, ...best.slice(window)].slice(0, end);
  }
}
