import type { Passage, PolicyDocument, Range } from '../types.js';
import type { SearchIndex } from '../search-index/search-index.js';
import { findHighlights } from '../highlight/find-highlights.js';
import { matchQuery } from './match-query.js';
import { parseQuery, type ParsedQuery } from './parse-query.js';
import { defaultRankOptions, topPassages, type RankOptions } from './rank-passages.js';

/** What to search for and which page of results to return. */
export interface SearchRequest {
  /** The query line (see parse-query). */
  readonly q: string;
  /** Region filters added to those in the query (API parameters, facet links). */
  readonly regions?: readonly string[];
  readonly years?: readonly number[];
  readonly limit?: number;
  readonly offset?: number;
}

/** One ranked passage with the ranges to mark in its text. */
export interface SearchHit {
  readonly passage: Passage;
  readonly document: PolicyDocument;
  readonly score: number;
  readonly highlights: readonly Range[];
}

/** Counts of all matches per facet value. */
export interface Facets {
  readonly region: Readonly<Record<string, number>>;
  readonly year: Readonly<Record<string, number>>;
}

/** A page of results, with the total and facets over all matches. */
export interface SearchResult {
  readonly query: ParsedQuery;
  readonly total: number;
  readonly hits: readonly SearchHit[];
  readonly facets: Facets;
}

/**
 * Runs a query: exact matching on the bigram index, region/year filters, facets over every match (each facet
 * ignores its own filter, so that a narrowed search still shows where else the words occur), then ranking.
 */
export function runQuery(index: SearchIndex, request: SearchRequest, options: RankOptions = defaultRankOptions): SearchResult {
  const parsed = parseQuery(request.q);
  const query: ParsedQuery = {
    ...parsed,
    regions: [...new Set([...parsed.regions, ...(request.regions ?? [])])],
    years: [...new Set([...parsed.years, ...(request.years ?? [])])],
  };
  if (query.groups.length === 0 && query.regions.length === 0 && query.years.length === 0) {
    return { query, total: 0, hits: [], facets: { region: {}, year: {} } };
  }
  const matched = matchQuery(index, query);
  const regionOk = (p: number) => query.regions.length === 0 || query.regions.includes(index.documents[index.passageDoc[p]].region ?? '');
  const yearOk = (p: number) => query.years.length === 0 || query.years.includes(index.documents[index.passageDoc[p]].year ?? -1);
  const region: Record<string, number> = {};
  const year: Record<string, number> = {};
  const kept = new Int32Array(matched.passages.length);
  let n = 0;
  for (const p of matched.passages) {
    const doc = index.documents[index.passageDoc[p]];
    const inRegion = regionOk(p);
    const inYear = yearOk(p);
    if (inYear && doc.region) region[doc.region] = (region[doc.region] ?? 0) + 1;
    if (inRegion && doc.year !== null) year[doc.year] = (year[doc.year] ?? 0) + 1;
    if (inRegion && inYear) kept[n++] = p;
  }
  const offset = request.offset ?? 0;
  const limit = request.limit ?? 10;
  const ranked = topPassages(index, kept.subarray(0, n), matched.units, offset + limit, options).slice(offset);
  const hits = ranked.map(({ passage: p, score }) => ({
    passage: index.passages[p],
    document: index.documents[index.passageDoc[p]],
    score,
    highlights: findHighlights(index.normalized[p], matched.needles),
  }));
  return { query, total: n, hits, facets: { region, year } };
}
