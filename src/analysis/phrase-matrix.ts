import { normalizeText } from '../tokenize/normalize-text.js';
import { exactCounts, type PhraseSource, type PhraseTable } from './phrase-table.js';

/** A phrase × region table of exact counts, with row and column totals. */
export interface PhraseMatrix {
  /** Column labels: a region, or `region year` when the region has reports of several years. */
  readonly regions: readonly string[];
  readonly rows: readonly { readonly phrase: string; readonly counts: readonly number[]; readonly total: number }[];
  readonly columnTotals: readonly number[];
  readonly total: number;
}

/** Counts each phrase (as typed, normalised for matching) in every region, split by year where a region has several. */
export function phraseMatrix(index: PhraseSource, table: PhraseTable, phrases: readonly string[]): PhraseMatrix {
  const columns = table.regions.flatMap((region) => {
    const years = table.regionYears[region] ?? [];
    return years.length > 1 ? years.map((year) => ({ key: `${region}|${year}`, label: `${region} ${year}` })) : [{ key: region, label: region }];
  });
  const rows = phrases.map((phrase) => {
    const counts = exactCounts(index, normalizeText(phrase));
    const cells = columns.map((c) => (c.key.includes('|') ? counts.byRegionYear[c.key] : counts.byRegion[c.key]) ?? 0);
    return { phrase, counts: cells, total: counts.count };
  });
  const columnTotals = columns.map((_, i) => rows.reduce((sum, r) => sum + r.counts[i], 0));
  return { regions: columns.map((c) => c.label), rows, columnTotals, total: rows.reduce((sum, r) => sum + r.total, 0) };
}
