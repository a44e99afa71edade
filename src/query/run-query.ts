import type { Passage, PolicyDocument, Range } from '../types.js';
import type { SearchIndex } from '../search-index/search-index.js';
import { findHighlights } from '../highlight/find-highlights.js';
import { matchQuery, matchRelated, type MatchedQuery } from './match-query.js';
import type { Slogan } from '../tokenize/slogan-thesaurus.js';
import type { FigureTable } from '../figures/figure-table.js';
import { expandSlogans, matchedForm } from './expand-slogans.js';
import { passagesWithFigures, selectedFigures } from './match-figures.js';
import { parseQuery, type ParsedQuery } from './parse-query.js';
import { defaultRankOptions, type RankOptions } from './rank-passages.js';
import { topPassagesWithWholeWords } from './whole-word-boost.js';

/** What to search for and which page of results to return. */
export interface SearchRequest {
  /** The query line (see parse-query). */
  readonly q: string;
  /** Region filters added to those in the query (API parameters, facet links). */
  readonly regions?: readonly string[];
  readonly years?: readonly number[];
  /** Level filters added to those in the query (`level=省`). */
  readonly levels?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
  /** Also list related matches when the exact ones fill a page (they are listed anyway when they do not). */
  readonly related?: boolean;
  /** The slogans `~六稳` unfolds into their parts (the thesaurus and the corpus's own); none, and `~` changes nothing. */
  readonly slogans?: readonly Slogan[];
  /** Unfold every term that names a slogan, `~` or not (the search page's 含展开). */
  readonly expand?: boolean;
  /** The corpus's figures, for figure queries (`财政收入 >1亿元`); a figure query without them is refused. */
  readonly figures?: FigureTable | null;
}

/** A figure query asked before the figures are read (the engine reads them in the background after a build). */
export class FiguresNotReadyError extends Error {
  readonly status = 503;
  constructor() {
    super('figures are still being read from the reports; try the figure query again in a few seconds');
  }
}

/** One ranked passage with the ranges to mark in its text. */
export interface SearchHit {
  readonly passage: Passage;
  readonly document: PolicyDocument;
  readonly score: number;
  readonly highlights: readonly Range[];
  /** For a query with unfolded slogans: the forms this passage holds (稳就业、稳外贸, or the slogan itself). */
  readonly matchedForm: string | null;
}

/** Counts of all matches per facet value: passages, and the reports (documents) holding them. */
export interface Facets {
  /** Matching passages per region. */
  readonly region: Readonly<Record<string, number>>;
  readonly year: Readonly<Record<string, number>>;
  /** Reports with at least one matching passage, per region (a researcher reads “广东省 12” as twelve reports). */
  readonly regionReports: Readonly<Record<string, number>>;
  readonly yearReports: Readonly<Record<string, number>>;
}

/** Looser matches, apart from the exact ones and never counted with them. */
export interface RelatedResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
  /** The words each loosened term was matched by (新质生产力 → [生产力]). */
  readonly words: Readonly<Record<string, readonly string[]>>;
}

/** A page of results, with the total and facets over all exact matches, and the related matches apart. */
export interface SearchResult {
  readonly query: ParsedQuery;
  /** Passages containing exactly what was typed. */
  readonly total: number;
  /** Passages holding the terms whatever the region, year and level filters say: few, and the words are rare. */
  readonly matched: number;
  readonly hits: readonly SearchHit[];
  readonly facets: Facets;
  /** Related matches: when the exact ones are fewer than a page, or when asked for; null when there are none to offer. */
  readonly related: RelatedResult | null;
}

/**
 * Runs a query: exact matching on the bigram index, region/year filters, facets over every match (each facet
 * ignores its own filter, so that a narrowed search still shows where else the words occur), then ranking.
 */
export function runQuery(index: SearchIndex, request: SearchRequest, options: RankOptions = defaultRankOptions): SearchResult {
  const query = requestQuery(request);
  if (asksNothing(query)) {
    return { query, total: 0, matched: 0, hits: [], facets: { region: {}, year: {}, regionReports: {}, yearReports: {} }, related: null };
  }
  const matched = withFigures(index, matchQuery(index, query), query, request.figures);
  const { kept, facets } = filterAndCount(index, matched.passages, query);
  const offset = request.offset ?? 0;
  const limit = request.limit ?? 10;
  const hits = rankPage(index, kept, matched, offset, limit, options, query);
  let related: RelatedResult | null = null;
  // A figure query's related matches would be the terms' passages without the figure: none are offered.
  if ((request.related || kept.length < limit) && query.comparisons.length === 0) {
    const loose = matchRelated(index, query, matched.passages);
    if (loose) {
      const { kept: relatedKept } = filterAndCount(index, loose.passages, query);
      related = { total: relatedKept.length, hits: rankPage(index, relatedKept, loose, 0, limit, options, query), words: loose.words };
    }
  }
  return { query, total: kept.length, matched: matched.passages.length, hits, facets, related };
}

/** The query of a request, its slogans unfolded and its region and year parameters added to the filters it writes itself. */
function requestQuery(request: SearchRequest): ParsedQuery {
  const parsed = expandSlogans(parseQuery(request.q), request.slogans ?? [], request.expand);
  return {
    ...parsed,
    regions: [...new Set([...parsed.regions, ...(request.regions ?? [])])],
    years: [...new Set([...parsed.years, ...(request.years ?? [])])],
    levels: [...new Set([...parsed.levels, ...(request.levels ?? [])])],
  };
}

/** Whether a query has nothing to look for: no term, filter or comparison. */
function asksNothing(query: ParsedQuery): boolean {
  return query.groups.length + query.regions.length + query.years.length + query.levels.length + query.comparisons.length === 0;
}

/**
 * For a figure query, the passages holding a figure the comparisons select — its terms name the indicator, as
 * written or by its synonym group (地区生产总值 finds 生产总值16.36亿元), so the text need not hold them — less those
 * with an excluded term; their marks include the figures.
 */
function withFigures(index: SearchIndex, matched: MatchedQuery, query: ParsedQuery, figures: FigureTable | null | undefined): MatchedQuery {
  if (query.comparisons.length === 0) return matched;
  if (!figures) throw new FiguresNotReadyError();
  const excluded = query.excluded.map((t) => t.normalized);
  const passages = passagesWithFigures(figures, query, Int32Array.from([...figures.byPassage.keys()].sort((a, b) => a - b)));
  return { ...matched, passages: passages.filter((p) => !excluded.some((x) => index.normalized[p].includes(x))), figures };
}

/** Every passage a request matches, filters applied, in corpus order: what `total` counts. */
export function matchingPassages(index: SearchIndex, request: SearchRequest): Int32Array {
  const query = requestQuery(request);
  if (asksNothing(query)) return new Int32Array(0);
  return filterAndCount(index, withFigures(index, matchQuery(index, query), query, request.figures).passages, query).kept;
}

/** One page of ranked hits: BM25 and boosts, then a whole-word re-ranking of the best, with highlights. */
function rankPage(index: SearchIndex, kept: Int32Array, matched: MatchedQuery, offset: number, limit: number, options: RankOptions, query: ParsedQuery): SearchHit[] {
  return topPassagesWithWholeWords(index, kept, matched.units, offset + limit, options)
    .slice(offset)
    .map(({ passage: p, score }) => ({
      passage: index.passages[p],
      document: index.documents[index.passageDoc[p]],
      score,
      highlights: findHighlights(index.normalized[p], [...matched.needles, ...figureNeedles(index, matched, query, p)]),
      matchedForm: query.expansions.length > 0 ? matchedForm(index.normalized[p], query.expansions) : null,
    }));
}

/** The selected figures of a passage as strings to mark (17.1亿元), for a figure query. */
function figureNeedles(index: SearchIndex, matched: MatchedQuery, query: ParsedQuery, p: number): string[] {
  if (!matched.figures) return [];
  return selectedFigures(matched.figures, query, p).map((k) => index.normalized[p].slice(matched.figures!.records[k].start, matched.figures!.records[k].end));
}

/**
 * Applies the region/year filters and counts facets, in proportion to the matches: the passages are walked by
 * document (a document's passages are a run of numbers, so each run is counted at once, its document found by
 * galloping forward through the documents' first passages — a small array that stays in the CPU's cache, where
 * a look-up per passage in the 1.4 MB passage-to-document column missed it), and only the documents with a
 * match are summed per region and year. Each facet ignores its own filter; the level filter narrows both, like a
 * choice of corpus.
 */
function filterAndCount(index: SearchIndex, passages: Int32Array, query: ParsedQuery): { kept: Int32Array; facets: Facets } {
  const { docRegion, docLevel, docYear, docStart } = index;
  const levelOk = allowed(index.levelNames, query.levels);
  const regionAllowed = allowed(index.regionNames, query.regions);
  const yearAllowed = allowed(index.yearValues, query.years);
  const unfiltered = !levelOk && !regionAllowed && !yearAllowed;
  const out = unfiltered ? passages : new Int32Array(passages.length);
  let n = 0;
  const regionPassages = new Int32Array(index.regionNames.length);
  const regionDocs = new Int32Array(index.regionNames.length);
  const yearPassages = new Int32Array(index.yearValues.length);
  const yearDocs = new Int32Array(index.yearValues.length);
  for (let k = 0, d = 0; k < passages.length; ) {
    d = documentOf(docStart, passages[k], d);
    const end = docStart[d + 1];
    let j = k + 1;
    while (j < passages.length && passages[j] < end) j++;
    const level = !levelOk || levelOk[docLevel[d] + 1] === 1;
    const regionOk = level && (!regionAllowed || regionAllowed[docRegion[d] + 1] === 1);
    const yearOk = level && (!yearAllowed || yearAllowed[docYear[d] + 1] === 1);
    if (yearOk && docRegion[d] >= 0) {
      regionPassages[docRegion[d]] += j - k;
      regionDocs[docRegion[d]]++;
    }
    if (regionOk && docYear[d] >= 0) {
      yearPassages[docYear[d]] += j - k;
      yearDocs[docYear[d]]++;
    }
    if (!unfiltered && regionOk && yearOk) for (let i = k; i < j; i++) out[n++] = passages[i];
    k = j;
  }
  const [region, regionReports] = countsByName(index.regionNames, regionPassages, regionDocs);
  const [year, yearReports] = countsByName(index.yearValues, yearPassages, yearDocs);
  return { kept: unfiltered ? passages : out.subarray(0, n), facets: { region, year, regionReports, yearReports } };
}

/** The document holding passage `p`, searching forward from document `from` (which starts at or before `p`). */
function documentOf(docStart: Int32Array, p: number, from: number): number {
  let step = 1;
  while (from + step < docStart.length - 1 && docStart[from + step] <= p) step *= 2;
  let lo = from + (step >> 1);
  let hi = Math.min(from + step, docStart.length - 1);
  // docStart[lo] <= p < docStart[hi]: narrow to the last document starting at or before p.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (docStart[mid] <= p) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * A column's filter as a table over its numbers shifted by one (slot 0 is "none", never allowed), or null when
 * the query does not filter by it.
 */
function allowed<T>(names: readonly T[], wanted: readonly T[]): Uint8Array | null {
  if (wanted.length === 0) return null;
  const table = new Uint8Array(names.length + 1);
  for (let i = 0; i < names.length; i++) if (wanted.includes(names[i])) table[i + 1] = 1;
  return table;
}

/** The passage and report counts of the values with any, as records keyed by the value (in the column's order). */
function countsByName(names: readonly (string | number)[], passages: Int32Array, docs: Int32Array): [Record<string, number>, Record<string, number>] {
  const byPassages: Record<string, number> = {};
  const byDocs: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) {
    if (docs[i] === 0) continue;
    byPassages[names[i]] = passages[i];
    byDocs[names[i]] = docs[i];
  }
  return [byPassages, byDocs];
}
