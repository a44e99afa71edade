import type { CorpusParts } from './corpus-parts.js';
import type { PhraseBoundaries } from './phrase-boundaries.js';
import { UNKNOWN_REGION, type PhraseStats, type PhraseTable } from './phrase-table.js';

export { corpusParts, type CorpusParts } from './corpus-parts.js';

/** Which shared phrases to list. */
export interface SharedPhraseOptions {
  /** A phrase must occur in at least this many regions (k). */
  readonly minRegions: number;
  /** Word n-gram lengths to list; quoted formulations (“六稳”) are always listed. */
  readonly minWords: number;
  readonly maxWords: number;
  /** Only phrases containing this string (normalised), e.g. 环境. */
  readonly contains: string;
  readonly limit: number;
}

export const defaultSharedPhraseOptions: SharedPhraseOptions = { minRegions: 2, minWords: 1, maxWords: 6, contains: '', limit: 200 };

/** A listed phrase: how many regions use it, how often, where, and the figures its rank comes from. */
export interface SharedPhrase {
  readonly phrase: string;
  /** Regions using it; reports without a region are not a region. */
  readonly regions: number;
  readonly count: number;
  readonly byRegion: Readonly<Record<string, number>>;
  /** Share of the corpus's reports (region and year) that use it. */
  readonly reportShare: number;
  /** Occurrences per 10,000 characters of the corpus. */
  readonly rate: number;
  /** Gries' deviation of proportions over the reports: 0 spread as evenly as the reports' sizes, near 1 in one place. */
  readonly dp: number | null;
  /** In (nearly) every report: formulaic wording such as 各位代表 or 政府工作, ranked last. */
  readonly formulaic: boolean;
  /** The figures of the fragment rule it passed: word-edge share and the entropy of its neighbours. */
  readonly boundaries: PhraseBoundaries;
}

/** Reports in at least this share of the corpus's parts make a phrase formulaic… */
const FORMULAIC_SHARE = 0.9;
/** …in a corpus of at least this many parts: in seven reports of 2021–2023, 疫情防控 is in all and still a topic. */
const FORMULAIC_MIN_PARTS = 10;

/**
 * The formulations many towns share, ranked by how informative they are: formulaic ones (in nearly every report)
 * last, then by the number of regions using them, then by how evenly they spread over the reports (Gries' DP,
 * with `parts`), then by total count. Phrases folded into a longer one are left out.
 */
export function sharedPhrases(table: PhraseTable, options: Partial<SharedPhraseOptions> = {}, parts?: CorpusParts): { total: number; phrases: SharedPhrase[] } {
  const o = { ...defaultSharedPhraseOptions, ...options };
  const listed: SharedPhrase[] = [];
  for (const { stats: p, shared } of rankedPhrases(table, parts)) {
    if (shared.regions < o.minRegions) continue;
    if (p.words !== 0 && (p.words < o.minWords || p.words > o.maxWords)) continue;
    if (o.contains !== '' && !p.phrase.includes(o.contains)) continue;
    listed.push(shared);
  }
  return { total: listed.length, phrases: listed.slice(0, o.limit) };
}

/** Ranked lists made, per table and per set of parts (a scope has its own). */
const ranked = new WeakMap<PhraseTable, Map<CorpusParts | undefined, readonly RankedPhrase[]>>();

interface RankedPhrase {
  readonly stats: PhraseStats;
  readonly shared: SharedPhrase;
}

/**
 * Every phrase not folded into a longer one, in the order of sharedPhrases, made once per table and parts: the
 * rank does not depend on the filters, and making it (a DP over each phrase's reports, a sort of 15,000) took
 * 0.3 s on the laws corpus for every phrase list asked for with another limit or filter.
 */
function rankedPhrases(table: PhraseTable, parts: CorpusParts | undefined): readonly RankedPhrase[] {
  const byParts = ranked.get(table) ?? ranked.set(table, new Map()).get(table)!;
  let list = byParts.get(parts);
  if (list) return list;
  const partCount = parts ? parts.sizes.size : Object.values(table.regionYears).reduce((n, years) => n + Math.max(1, years.length), 0);
  const corpusSize = Object.values(table.regionSizes).reduce((n, size) => n + size, 0);
  list = table.phrases
    .filter((p) => p.foldedInto === null)
    .map((p): RankedPhrase => {
      const { held, dp } = spreadOf(p, parts);
      const reportShare = partCount > 0 ? held / partCount : 0;
      const shared: SharedPhrase = {
        phrase: p.phrase,
        regions: regionCount(p),
        count: p.count,
        byRegion: p.byRegion,
        reportShare: round(reportShare),
        rate: corpusSize > 0 ? round((p.count / corpusSize) * 10_000) : 0,
        dp: dp === null ? null : round(dp),
        formulaic: partCount >= FORMULAIC_MIN_PARTS && reportShare >= FORMULAIC_SHARE,
        boundaries: p.boundaries,
      };
      return { stats: p, shared };
    })
    .sort(({ shared: a }, { shared: b }) => Number(a.formulaic) - Number(b.formulaic) || b.regions - a.regions || (a.dp ?? 1) - (b.dp ?? 1) || b.count - a.count || a.phrase.localeCompare(b.phrase, 'zh-CN'));
  if (byParts.size >= MAX_RANKED_PER_TABLE) byParts.delete(byParts.keys().next().value);
  byParts.set(parts, list);
  return list;
}

/** Ranked lists kept per table: the whole corpus's and those of the scopes asked for lately. */
const MAX_RANKED_PER_TABLE = 8;

/**
 * Gries' DP: half the summed differences between each part's share of the occurrences and its share of the text.
 * A part without occurrences adds its share of the text, so only the parts that hold the phrase are visited: the
 * sum is Σ(held) |o/c − s/S| + (1 − Σ(held) s/S).
 */
export function deviationOfProportions(p: Pick<PhraseStats, 'count' | 'byRegionYear'>, parts: CorpusParts): number {
  return spreadOf(p, parts).dp!;
}

/**
 * The parts holding a phrase, and its DP over `parts` (null without them), in one pass over its parts: a pass
 * over a table's 1.1 million region-year entries is most of the time of ranking it (0.1 s on laws).
 */
function spreadOf(p: Pick<PhraseStats, 'count' | 'byRegionYear'>, parts: CorpusParts | undefined): { held: number; dp: number | null } {
  const total = parts ? totalSize(parts) : 0;
  const sizes = parts?.sizes;
  let held = 0;
  let sum = 0;
  let heldShare = 0;
  // for…in, not Object.entries: 800,000 entries over a laws table, each an array made and dropped.
  for (const key in p.byRegionYear) {
    const n = p.byRegionYear[key];
    if (n > 0) held++;
    if (sizes && total > 0) {
      const share = (sizes.get(key) ?? 0) / total;
      sum += Math.abs(n / p.count - share);
      heldShare += share;
    }
  }
  if (!parts) return { held, dp: null };
  return { held, dp: total === 0 || p.count === 0 ? 1 : (sum + Math.max(0, 1 - heldShare)) / 2 };
}

const totals = new WeakMap<CorpusParts, number>();

/** The corpus's characters, summed once per set of parts. */
function totalSize(parts: CorpusParts): number {
  let total = totals.get(parts);
  if (total === undefined) {
    total = 0;
    for (const size of parts.sizes.values()) total += size;
    totals.set(parts, total);
  }
  return total;
}

function regionCount(p: PhraseStats): number {
  let n = 0;
  for (const region in p.byRegion) if (region !== UNKNOWN_REGION) n++;
  return n;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Formulations in at least this many regions are the corpus's own vocabulary. */
const VOCABULARY_REGIONS = 2;

/** The corpus's own vocabulary: phrases of several regions that are one unbroken string (新质生产力, 两重两新). */
export function sharedFormulations(table: PhraseTable): string[] {
  return table.phrases
    .filter((p) => p.foldedInto === null && Object.keys(p.byRegion).length >= VOCABULARY_REGIONS && /^\S{3,12}$/u.test(p.phrase))
    .map((p) => p.phrase);
}
