import type { SearchIndex } from '../search-index/search-index.js';
import type { ScoringUnit } from './match-query.js';

/** Ranking parameters. */
export interface RankOptions {
  /** BM25 term-frequency saturation. */
  readonly k1: number;
  /** BM25 length normalisation. */
  readonly b: number;
  /** Factor for a heading passage (headings name what follows). */
  readonly headingBoost: number;
  /** Factor for a passage whose section path or document title contains a query word. */
  readonly sectionBoost: number;
  /** Largest factor for query terms standing close together; it fades with the gap between them. */
  readonly proximityBoost: number;
}

export const defaultRankOptions: RankOptions = { k1: 1.2, b: 0.75, headingBoost: 1.3, sectionBoost: 1.15, proximityBoost: 1 };

/** A scored passage. */
export interface RankedPassage {
  readonly passage: number;
  readonly score: number;
}

/**
 * Scores one passage: BM25 over the query's words, counted as occurrences in the normalised text (so every
 * word found by the exact match counts), with the whole term and whole query as extra, heavier words; then
 * boosts for headings, for words in the section path or title, and for terms close together.
 */
export function scorePassage(index: SearchIndex, p: number, units: readonly ScoringUnit[], options: RankOptions): number {
  const text = index.normalized[p];
  const n = index.passages.length;
  const lengthNorm = 1 - options.b + (options.b * text.length) / (index.averageLength || 1);
  let score = 0;
  const firstAt = new Map<number, number[]>();
  for (const unit of units) {
    let tf = 0;
    for (let at = text.indexOf(unit.needle); at >= 0; at = text.indexOf(unit.needle, at + unit.needle.length)) {
      tf++;
      if (unit.term >= 0) (firstAt.get(unit.term) ?? firstAt.set(unit.term, []).get(unit.term)!).push(at);
    }
    if (tf === 0) continue;
    const idf = Math.log(1 + (n - unit.df + 0.5) / (unit.df + 0.5));
    score += (unit.weight * idf * tf * (options.k1 + 1)) / (tf + options.k1 * lengthNorm);
  }
  const passage = index.passages[p];
  if (passage.heading) score *= options.headingBoost;
  const context = passage.section.join(' ') + ' ' + index.documents[index.passageDoc[p]].title;
  if (units.some((u) => u.term >= 0 && context.includes(u.needle))) score *= options.sectionBoost;
  if (firstAt.size > 1) score *= 1 + options.proximityBoost * closeness([...firstAt.values()]);
  return score;
}

/** 1 when the terms stand side by side, falling towards 0 as the smallest gap between two terms grows. */
function closeness(positions: number[][]): number {
  let total = 0;
  for (let t = 1; t < positions.length; t++) {
    let best = Infinity;
    for (const a of positions[t - 1]) for (const b of positions[t]) best = Math.min(best, Math.abs(a - b));
    total += 1 / (1 + best / 8);
  }
  return total / (positions.length - 1);
}

/**
 * The best `count` passages of `candidates` by score, ties broken by corpus order. Keeps a small heap instead of
 * sorting every match, so a very common word costs one pass.
 */
export function topPassages(index: SearchIndex, candidates: Int32Array, units: readonly ScoringUnit[], count: number, options: RankOptions = defaultRankOptions): RankedPassage[] {
  const heap: RankedPassage[] = [];
  const worse = (a: RankedPassage, b: RankedPassage) => a.score < b.score || (a.score === b.score && a.passage > b.passage);
  for (let k = 0; k < candidates.length; k++) {
    const item = { passage: candidates[k], score: scorePassage(index, candidates[k], units, options) };
    if (heap.length < count) {
      heap.push(item);
      siftUp(heap, heap.length - 1, worse);
    } else if (count > 0 && worse(heap[0], item)) {
      heap[0] = item;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

type Worse = (a: RankedPassage, b: RankedPassage) => boolean;

function siftUp(heap: RankedPassage[], i: number, worse: Worse): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i], heap[parent])) return;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function siftDown(heap: RankedPassage[], i: number, worse: Worse): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let least = i;
    if (l < heap.length && worse(heap[l], heap[least])) least = l;
    if (r < heap.length && worse(heap[r], heap[least])) least = r;
    if (least === i) return;
    [heap[i], heap[least]] = [heap[least], heap[i]];
    i = least;
  }
}
