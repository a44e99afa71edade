import { keyPostings, type KeyPostings } from '../search-index/char-index.js';
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
 * Scores passages for one query, called with passages in ascending order. BM25 over the query's words, counted
 * as occurrences in the normalised text (so every word found by the exact match counts), with the whole term and
 * the whole query as extra, heavier words; then boosts for headings, for words in the section path or title, and
 * for terms close together. A word's frequency comes from its postings — the index's for one or two characters,
 * the counts made while matching for longer ones — with a cursor walking each list alongside the passages, so a
 * one-term query is scored without reading a passage text; only proximity (several terms) reads them.
 */
export class PassageScorer {
  private readonly idf: Float64Array;
  private readonly fromIndex: (KeyPostings | null)[];
  private readonly cursors: Int32Array;
  private readonly trackPositions: boolean;
  /** Per section seen: whether a query word is in its path or title (a map: a query sees few of the sections). */
  private readonly sectionHit = new Map<number, boolean>();
  // The index's columns and the constants of the formula, read once rather than per passage.
  private readonly lengths: Uint32Array;
  private readonly headings: Uint8Array;
  private readonly passageSection: Int32Array;
  private readonly weights: Float64Array;
  private readonly lengthScale: number;

  /**
   * `withSection` false leaves out the section boost, whose look-ups in the section's path and title are most of
   * the cost of a common word: the scores are then lower bounds, at most sectionBoost times too low.
   */
  constructor(
    private readonly index: SearchIndex,
    private readonly units: readonly ScoringUnit[],
    private readonly options: RankOptions = defaultRankOptions,
    private readonly withSection = true,
  ) {
    const n = index.passages.length;
    this.idf = Float64Array.from(units, (u) => Math.log(1 + (n - u.df + 0.5) / (u.df + 0.5)));
    this.trackPositions = new Set(units.filter((u) => u.term >= 0).map((u) => u.term)).size > 1;
    this.fromIndex = units.map((u) => (this.trackPositions ? null : (u.postings ?? keyPostings(index.chars, u.needle))));
    this.cursors = new Int32Array(units.length);
    this.lengths = index.lengths;
    this.headings = index.headings;
    this.passageSection = index.passageSection;
    this.weights = Float64Array.from(units, (u, i) => u.weight * this.idf[i] * (options.k1 + 1));
    this.lengthScale = (options.k1 * options.b) / (index.averageLength || 1);
  }

  /** The score of passage `p`; `p` must not be smaller than in the previous call. */
  score(p: number): number {
    const { options } = this;
    // k1 × (1 - b + b × length / average), the BM25 denominator's length term.
    const lengthTerm = options.k1 * (1 - options.b) + this.lengthScale * this.lengths[p];
    let score = 0;
    const positions: number[][] | null = this.trackPositions ? [] : null;
    for (let u = 0; u < this.weights.length; u++) {
      const tf = this.frequency(u, p, positions);
      if (tf > 0) score += (this.weights[u] * tf) / (tf + lengthTerm);
    }
    if (this.headings[p] === 1) score *= options.headingBoost;
    if (positions) {
      const found = positions.filter((list) => list !== undefined);
      if (found.length > 1) score *= 1 + options.proximityBoost * closeness(found);
    }
    // The section boost comes last, so that a score without it times sectionFactor is the full score, bit for bit.
    return this.withSection ? score * this.sectionFactor(p) : score;
  }

  /** The factor the section boost gives passage `p`: sectionBoost when its path or title holds a query word, else 1. */
  sectionFactor(p: number): number {
    return this.inMatchingSection(this.passageSection[p]) ? this.options.sectionBoost : 1;
  }

  /** Occurrences of unit `u` in passage `p` (overlapping ones count, as in the index). */
  private frequency(u: number, p: number, positions: number[][] | null): number {
    const listed = this.fromIndex[u];
    if (listed) {
      let c = this.cursors[u];
      while (c < listed.passages.length && listed.passages[c] < p) c++;
      this.cursors[u] = c;
      return listed.passages[c] === p ? listed.tfs[c] : 0;
    }
    const { needle, term } = this.units[u];
    const text = this.index.normalized[p];
    let tf = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      tf++;
      if (positions && term >= 0) (positions[term] ??= []).push(at);
    }
    return tf;
  }

  private inMatchingSection(section: number): boolean {
    let hit = this.sectionHit.get(section);
    if (hit === undefined) {
      const context = this.index.sectionContexts[section];
      hit = false;
      for (const u of this.units) hit ||= u.term >= 0 && context.includes(u.needle);
      this.sectionHit.set(section, hit);
    }
    return hit;
  }
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
 * The best `count` passages of `candidates` by score, ties broken by corpus order. Scores go into a typed array
 * and a small heap keeps the best, so a very common word costs one pass and no sorting of every match.
 */
export function topPassages(index: SearchIndex, candidates: Int32Array, units: readonly ScoringUnit[], count: number, options: RankOptions = defaultRankOptions): RankedPassage[] {
  return selectTop(candidates, scorePassages(index, candidates, units, options), count);
}

/** The score of every candidate (in corpus order), in one pass. */
export function scorePassages(index: SearchIndex, candidates: Int32Array, units: readonly ScoringUnit[], options: RankOptions = defaultRankOptions): Float64Array {
  const scorer = new PassageScorer(index, units, options);
  const scores = new Float64Array(candidates.length);
  for (let k = 0; k < candidates.length; k++) scores[k] = scorer.score(candidates[k]);
  return scores;
}

/**
 * Scores of every candidate that are exact wherever they can reach the best `need`, and lower bounds elsewhere:
 * all are scored without the section boost first; then, as `settle(need)` is asked for larger `need`, those whose
 * bound times the boost reaches the need-th score get their section factor. A candidate left out scores less than
 * `need` others, so the best `need` — their order and scores — are those of scorePassages.
 */
export function settledScores(index: SearchIndex, candidates: Int32Array, units: readonly ScoringUnit[], options: RankOptions = defaultRankOptions) {
  const base = new PassageScorer(index, units, options, false);
  const scores = new Float64Array(candidates.length);
  for (let k = 0; k < candidates.length; k++) scores[k] = base.score(candidates[k]);
  const exact = new Uint8Array(candidates.length);
  const reach = Math.max(1, options.sectionBoost);
  return {
    scores,
    /** Makes the best `need` exact and returns them, best first (selectTop over the scores). */
    settle(need: number): RankedPassage[] {
      const best = selectTop(candidates, scores, need);
      if (best.length === 0) return best;
      const threshold = best[best.length - 1].score;
      const now: number[] = [];
      for (let k = 0; k < candidates.length; k++) {
        if (exact[k] === 0 && scores[k] * reach >= threshold) {
          // The full score is the bound times the section factor (score applies it last): no text is read again.
          scores[k] *= base.sectionFactor(candidates[k]);
          exact[k] = 1;
        }
        if (exact[k] === 1) now.push(k);
      }
      // The best `need` are all exact now, so they are found among the exact ones.
      return selectTopOf(candidates, scores, need, Int32Array.from(now));
    },
  };
}

/** The best `count` candidates by their scores, best first; ties go to the earlier candidate. */
export function selectTop(candidates: Int32Array, scores: Float64Array, count: number): RankedPassage[] {
  return selectTopOf(candidates, scores, count, null);
}

/**
 * selectTop over some of the candidates only: `among` lists their positions in ascending order (null: all). A
 * candidate scoring below the heap's worst is passed over without touching the heap, the common case by far.
 */
export function selectTopOf(candidates: Int32Array, scores: Float64Array, count: number, among: Int32Array | null): RankedPassage[] {
  // Heap of candidate positions, worst on top. Candidates are in corpus order, so a lower position wins a tie.
  const worse = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const heap: number[] = [];
  const n = among === null ? candidates.length : among.length;
  for (let i = 0; i < n && count > 0; i++) {
    const k = among === null ? i : among[i];
    if (heap.length < count) {
      heap.push(k);
      for (let j = heap.length - 1; j > 0 && worse(heap[j], heap[(j - 1) >> 1]); j = (j - 1) >> 1) swap(heap, j, (j - 1) >> 1);
    } else if (scores[k] > scores[heap[0]]) {
      // A later candidate with an equal score loses the tie, so only a higher one enters.
      heap[0] = k;
      siftDown(heap, worse);
    }
  }
  heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
  return heap.map((k) => ({ passage: candidates[k], score: scores[k] }));
}

function siftDown(heap: number[], worse: (a: number, b: number) => boolean): void {
  for (let i = 0; ; ) {
    const l = 2 * i + 1;
    let least = i;
    if (l < heap.length && worse(heap[l], heap[least])) least = l;
    if (l + 1 < heap.length && worse(heap[l + 1], heap[least])) least = l + 1;
    if (least === i) return;
    swap(heap, i, least);
    i = least;
  }
}

function swap(heap: number[], i: number, j: number): void {
  [heap[i], heap[j]] = [heap[j], heap[i]];
}
