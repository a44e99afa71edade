import { countOccurrences } from '../highlight/find-highlights.js';
import type { SearchIndex } from '../search-index/search-index.js';
import { passagesContaining } from '../search-index/search-index.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import { edgeOccurrences, needsWordEdges } from '../tokenize/word-edges.js';
import { inScope, WHOLE_CORPUS, type AnalysisScope } from './analysis-scope.js';

/** One year of a term: occurrences, the reports of that year holding it, and occurrences per 10,000 characters. */
export interface TimelineYear {
  readonly year: number;
  readonly count: number;
  readonly reports: number;
  readonly rate: number;
}

/** A term over the years of the corpus (every year the corpus has, zeros included), with the first year of use. */
export interface TimelineSeries {
  readonly query: string;
  /** The group the series is split by (a region or a level), or null for the whole corpus. */
  readonly group: string | null;
  readonly firstYear: number | null;
  readonly years: readonly TimelineYear[];
  /** Occurrences in the reports without a year, and those reports: the row that makes the years add up to the total. */
  readonly undated: { readonly count: number; readonly reports: number };
}

/** How a timeline is split: not at all, by region, or by level. */
export type TimelineSplit = 'none' | 'region' | 'level';

/**
 * Counts terms per year: non-overlapping occurrences (as the concordance counts them, Latin and digits at word
 * edges), reports holding them, and the rate per 10,000 characters of that year's reports, so that a long report
 * does not weigh more than a short one, in the reports of the scope. Reports without a year are counted apart
 * (`undated`), so that the years and that row add up to every occurrence in the scope.
 */
export function timeline(index: SearchIndex, queries: readonly string[], split: TimelineSplit = 'none', scope: AnalysisScope = WHOLE_CORPUS): TimelineSeries[] {
  const docs = index.documents;
  const counted = docs.map((d) => inScope(scope, d));
  const groupOf = (d: number): string | null => (split === 'region' ? docs[d].region ?? '（未注明地区）' : split === 'level' ? docs[d].level ?? '（未注明级别）' : null);
  // Characters per year and group, over every passage of the scope.
  const size = new Map<string, number>();
  for (let p = 0; p < index.passages.length; p++) {
    const d = index.passageDoc[p];
    if (!counted[d]) continue;
    const key = `${groupOf(d)}|${docs[d].year ?? ''}`;
    size.set(key, (size.get(key) ?? 0) + index.lengths[p]);
  }
  const years = [...new Set(docs.filter((d, k) => counted[k] && d.year !== null).map((d) => d.year!))].sort((a, b) => a - b);
  const groups = split === 'none' ? [null] : [...new Set(docs.flatMap((_, d) => (counted[d] ? [groupOf(d)] : [])))].sort((a, b) => String(a).localeCompare(String(b), 'zh-CN'));
  return queries.flatMap((query) => {
    const needle = normalizeText(query.trim());
    const count = new Map<string, number>();
    const reports = new Map<string, Set<number>>();
    if (needle !== '') {
      for (const p of passagesContaining(index, needle)) {
        const d = index.passageDoc[p];
        if (!counted[d]) continue;
        const n = needsWordEdges(needle) ? edgeOccurrences(index.normalized[p], needle).length : countOccurrences(index.normalized[p], needle);
        if (n === 0) continue;
        const key = `${groupOf(d)}|${docs[d].year ?? ''}`;
        count.set(key, (count.get(key) ?? 0) + n);
        (reports.get(key) ?? reports.set(key, new Set()).get(key)!).add(d);
      }
    }
    return groups.map((group) => {
      const series = years.map((year) => {
        const key = `${group}|${year}`;
        const c = count.get(key) ?? 0;
        const chars = size.get(key) ?? 0;
        return { year, count: c, reports: reports.get(key)?.size ?? 0, rate: chars > 0 ? Math.round((c / chars) * 10_000 * 100) / 100 : 0 };
      });
      const undated = { count: count.get(`${group}|`) ?? 0, reports: reports.get(`${group}|`)?.size ?? 0 };
      return { query, group, firstYear: series.find((y) => y.count > 0)?.year ?? null, years: series, undated };
    });
  });
}
