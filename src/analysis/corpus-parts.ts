import type { PolicyDocument } from '../types.js';
import { regionOf } from './phrase-table.js';

/**
 * The corpus's parts — each region's reports of one year, keyed `region|year` as the phrase table's byRegionYear
 * is — and their sizes in characters: the denominators of rates, dispersion, comparisons and baselines.
 */
export interface CorpusParts {
  readonly sizes: ReadonlyMap<string, number>;
}

/** What the parts are counted from: each passage's document and length, and each document's place and time. */
export interface PartSource {
  readonly documents: readonly Pick<PolicyDocument, 'region' | 'year'>[];
  readonly passageDoc: Int32Array;
  readonly lengths: Uint32Array;
}

/** The key of a part: `港门镇|2022`, `（未注明地区）|` for a report without region or year. */
export function partKey(region: string | null, year: number | null): string {
  return `${regionOf(region)}|${year ?? ''}`;
}

/** Counts the characters of every part: the passages' lengths summed per document, then the documents' per part. */
export function corpusParts(source: PartSource): CorpusParts {
  const perDocument = new Float64Array(source.documents.length);
  for (let p = 0; p < source.lengths.length; p++) perDocument[source.passageDoc[p]] += source.lengths[p];
  const sizes = new Map<string, number>();
  source.documents.forEach((doc, d) => {
    const key = partKey(doc.region, doc.year);
    sizes.set(key, (sizes.get(key) ?? 0) + perDocument[d]);
  });
  return { sizes };
}
