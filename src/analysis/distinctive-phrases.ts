import type { PhraseTable } from './phrase-table.js';

/** A phrase one region uses more than the rest, with the counts behind the score. */
export interface DistinctivePhrase {
  readonly phrase: string;
  /** Occurrences in the region, and in all other regions. */
  readonly count: number;
  readonly otherCount: number;
  /** Occurrences per 10,000 characters, in the region and elsewhere. */
  readonly rate: number;
  readonly otherRate: number;
  /** Log-likelihood (G²): how surprising the difference is. Above 3.84 is significant at p < 0.05, 10.83 at p < 0.001. */
  readonly g2: number;
}

/** Dunning's log-likelihood for a count `a` in a part of size `c` against `b` in the rest of size `d`. */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const term = (observed: number, expected: number) => (observed > 0 ? observed * Math.log(observed / expected) : 0);
  return 2 * (term(a, e1) + term(b, e2));
}

/**
 * The phrases over-used in one region compared with all the others, by G². A phrase needs `minCount`
 * occurrences in the region, so that a region with one short report still gets phrases it repeats, not noise.
 */
export function distinctivePhrases(table: PhraseTable, region: string, minCount = 2, limit = 50): DistinctivePhrase[] {
  const size = table.regionSizes[region] ?? 0;
  const total = Object.values(table.regionSizes).reduce((sum, n) => sum + n, 0);
  const rest = total - size;
  if (size === 0 || rest === 0) return [];
  return table.phrases
    .filter((p) => p.foldedInto === null && (p.byRegion[region] ?? 0) >= minCount)
    .map((p) => {
      const count = p.byRegion[region] ?? 0;
      const otherCount = p.count - count;
      return { phrase: p.phrase, count, otherCount, rate: (count / size) * 1e4, otherRate: (otherCount / rest) * 1e4, g2: logLikelihood(count, otherCount, size, rest) };
    })
    .filter((p) => p.rate > p.otherRate)
    .sort((a, b) => b.g2 - a.g2 || b.count - a.count)
    .slice(0, limit)
    .map((p) => ({ ...p, rate: round(p.rate), otherRate: round(p.otherRate), g2: round(p.g2) }));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
