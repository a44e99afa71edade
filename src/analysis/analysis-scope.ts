import type { PolicyDocument } from '../types.js';
import { partKey, type CorpusParts } from './corpus-parts.js';
import { regionOf, type PhraseStats, type PhraseTable } from './phrase-table.js';

/**
 * The part of the corpus an analysis looks at: regions, years and levels, each empty for "all" (`level=省&year=
 * 2020-2025`). Every view — phrases, matrix, concordance, timeline, comparisons — narrows by the same rule as the
 * search: a year filter leaves out the reports without a year.
 */
export interface AnalysisScope {
  readonly regions: readonly string[];
  readonly years: readonly number[];
  readonly levels: readonly string[];
}

/** The whole corpus. */
export const WHOLE_CORPUS: AnalysisScope = { regions: [], years: [], levels: [] };

/** Whether a scope narrows nothing. */
export function isWholeCorpus(scope: AnalysisScope): boolean {
  return scope.regions.length === 0 && scope.years.length === 0 && scope.levels.length === 0;
}

/** Whether a report lies in the scope (its region label, year and level). */
export function inScope(scope: AnalysisScope, doc: Pick<PolicyDocument, 'region' | 'year' | 'level'>): boolean {
  return (
    (scope.regions.length === 0 || scope.regions.includes(regionOf(doc.region))) &&
    (scope.years.length === 0 || (doc.year !== null && scope.years.includes(doc.year))) &&
    (scope.levels.length === 0 || (doc.level !== null && scope.levels.includes(doc.level)))
  );
}

/** A phrase table and the corpus parts narrowed to a scope: what every phrase view computes from. */
export interface ScopedTable {
  readonly table: PhraseTable;
  readonly parts: CorpusParts;
}

/**
 * The phrase table as if the corpus held only the scope's reports: each phrase's counts summed over the scope's
 * parts (region and year), phrases that do not occur there dropped, regions and their sizes narrowed alike.
 */
export function scopeTable(table: PhraseTable, parts: CorpusParts, documents: readonly Pick<PolicyDocument, 'region' | 'year' | 'level'>[], scope: AnalysisScope): ScopedTable {
  if (isWholeCorpus(scope)) return { table, parts };
  const keys = new Set(documents.filter((d) => inScope(scope, d)).map((d) => partKey(d.region, d.year)));
  const sizes = new Map([...parts.sizes].filter(([key]) => keys.has(key)));
  const regionSizes: Record<string, number> = {};
  for (const [key, size] of sizes) regionSizes[regionOfKey(key)] = (regionSizes[regionOfKey(key)] ?? 0) + size;
  const regions = table.regions.filter((r) => r in regionSizes);
  const regionYears = Object.fromEntries(regions.map((r) => [r, (table.regionYears[r] ?? []).filter((y) => keys.has(`${r}|${y}`))]));
  const phrases: PhraseStats[] = [];
  for (const p of table.phrases) {
    const byRegionYear: Record<string, number> = {};
    const byRegion: Record<string, number> = {};
    let count = 0;
    for (const [key, n] of Object.entries(p.byRegionYear)) {
      if (!keys.has(key)) continue;
      byRegionYear[key] = n;
      byRegion[regionOfKey(key)] = (byRegion[regionOfKey(key)] ?? 0) + n;
      count += n;
    }
    if (count > 0) phrases.push({ ...p, count, byRegion, byRegionYear });
  }
  return { table: { regions, regionYears, regionSizes, phrases }, parts: { sizes } };
}

/** The region of a part key (`港门镇|2022` → 港门镇). */
function regionOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf('|'));
}
