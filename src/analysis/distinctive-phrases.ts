import type { PolicyDocument } from '../types.js';
import { corpusParts, partKey, type CorpusParts } from './corpus-parts.js';
import { regionOf, type PhraseTable } from './phrase-table.js';

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
  /** Effect size: log₂ of the ratio of the rates (a missing reference count counts as 0.5). */
  readonly logRatio: number;
}

/** What a region is set against: reports of its level in its years (the default), of its years, or everything else. */
export type Baseline = 'same-level-years' | 'same-year' | 'all';
export const BASELINES: readonly Baseline[] = ['same-level-years', 'same-year', 'all'];

/** The part of the index a baseline needs: each passage's document and length, and each document's place and time. */
export interface BaselineSource {
  readonly documents: readonly Pick<PolicyDocument, 'region' | 'year' | 'level'>[];
  readonly passageDoc: Int32Array;
  readonly lengths: Uint32Array;
}

/** The reference a region is measured against: its `region|year` keys, their characters, and the regions in it. */
export interface Reference {
  readonly baseline: Baseline;
  readonly regions: readonly string[];
  readonly keys: readonly string[];
  readonly characters: number;
}

/** Distinctive phrases of a region against a chosen reference, and the phrases that only name the region itself. */
export interface Distinctiveness {
  readonly reference: Reference;
  readonly phrases: readonly DistinctivePhrase[];
  /** Phrases holding the region's own name (总书记对江苏…): distinctive by definition, shown apart. */
  readonly selfReferences: readonly DistinctivePhrase[];
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
      const logRatio = Math.log2(((count / size) * 1e4) / ((((otherCount || 0.5) / rest)) * 1e4));
      return { phrase: p.phrase, count, otherCount, rate: (count / size) * 1e4, otherRate: (otherCount / rest) * 1e4, g2: logLikelihood(count, otherCount, size, rest), logRatio };
    })
    .filter((p) => p.rate > p.otherRate)
    .sort((a, b) => b.g2 - a.g2 || b.count - a.count)
    .slice(0, limit)
    .map((p) => ({ ...p, rate: round(p.rate), otherRate: round(p.otherRate), g2: round(p.g2), logRatio: round(p.logRatio) }));
}

/** The reference of a baseline: the other regions' reports of the same level and years, of the same years, or all. */
export function referenceFor(source: BaselineSource, region: string, baseline: Baseline, parts: CorpusParts = corpusParts(source)): Reference {
  const own = source.documents.filter((d) => regionOf(d.region) === region);
  const years = new Set(own.map((d) => d.year));
  const level = own[0]?.level ?? null;
  const accepted = (d: BaselineSource['documents'][number]) =>
    regionOf(d.region) !== region && (baseline === 'all' || (years.has(d.year) && (baseline === 'same-year' || d.level === level)));
  const others = source.documents.filter(accepted);
  const keys = [...new Set(others.map((d) => partKey(d.region, d.year)))];
  return { baseline, regions: [...new Set(others.map((d) => regionOf(d.region)))], keys, characters: keys.reduce((n, k) => n + (parts.sizes.get(k) ?? 0), 0) };
}

/**
 * Distinctive phrases of a region against a reference (see referenceFor), by G², with the log ratio beside it;
 * phrases holding the region's own name (or its name without 省/市/县/镇…) are listed apart.
 */
export function distinctiveAgainst(table: PhraseTable, region: string, reference: Reference, minCount = 2, limit = 50): Distinctiveness {
  const size = table.regionSizes[region] ?? 0;
  const rest = reference.characters;
  if (size === 0 || rest === 0) return { reference, phrases: [], selfReferences: [] };
  const stem = region.replace(/(?:特别行政区|自治区|自治州|自治县|省|市|县|区|镇|乡|街道)$/, '');
  const names = [region, ...(stem.length >= 2 ? [stem] : [])];
  const scored = table.phrases
    .filter((p) => p.foldedInto === null && (p.byRegion[region] ?? 0) >= minCount)
    .map((p) => {
      const count = p.byRegion[region] ?? 0;
      const otherCount = reference.keys.reduce((n, k) => n + (p.byRegionYear[k] ?? 0), 0);
      const [rate, otherRate] = [(count / size) * 1e4, (otherCount / rest) * 1e4];
      const logRatio = Math.log2(rate / (((otherCount || 0.5) / rest) * 1e4));
      return { phrase: p.phrase, count, otherCount, rate, otherRate, g2: logLikelihood(count, otherCount, size, rest), logRatio };
    })
    .filter((p) => p.rate > p.otherRate)
    .sort((a, b) => b.g2 - a.g2 || b.count - a.count)
    .map((p) => ({ ...p, rate: round(p.rate), otherRate: round(p.otherRate), g2: round(p.g2), logRatio: round(p.logRatio) }));
  const self = (p: DistinctivePhrase) => names.some((n) => p.phrase.includes(n));
  return { reference, phrases: scored.filter((p) => !self(p)).slice(0, limit), selfReferences: scored.filter(self).slice(0, limit) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
