import type { PolicyDocument } from '../types.js';
import type { SearchIndex } from '../search-index/search-index.js';
import { passagesContaining } from '../search-index/search-index.js';
import { countOccurrences } from '../highlight/find-highlights.js';
import { defaultNgramOptions, findCandidates, type NgramOptions } from './count-ngrams.js';
import { isFragment, modifierWords, phraseBoundaries, type PhraseBoundaries } from './phrase-boundaries.js';
import type { UserWord } from '../tokenize/user-dictionary.js';

/**
 * The phrase table: every candidate phrase with its exact count in every region, computed once per index build
 * and cached with it. Counts are occurrences of the phrase string in the normalised text (non-overlapping), the
 * same occurrences the concordance lists.
 */

/** The version of the phrase rules (candidates, fragments, folding): a cached table of another version is recounted. */
export const PHRASE_RULES_VERSION = 6;

/** Where a document without a region is counted. */
export const UNKNOWN_REGION = '（未注明地区）';

/** A phrase with its counts. */
export interface PhraseStats {
  readonly phrase: string;
  /** Number of jieba words (0 for a quoted formulation). */
  readonly words: number;
  readonly count: number;
  /** Count per region label; only regions where it occurs. */
  readonly byRegion: Readonly<Record<string, number>>;
  /** Count per region and year, as `region|year`. */
  readonly byRegionYear: Readonly<Record<string, number>>;
  /** The longer phrase every occurrence of this one lies inside, or null. */
  readonly foldedInto: string | null;
  /** How it stands in the text (word edges, variety of neighbours): the figures of the fragment rule. */
  readonly boundaries: PhraseBoundaries;
}

/** All phrases of a corpus, and the sizes of its regions (in words), for comparisons. */
export interface PhraseTable {
  readonly regions: readonly string[];
  /** Years of each region's documents. */
  readonly regionYears: Readonly<Record<string, readonly number[]>>;
  /** Characters of text per region: the denominator of distinctiveness. */
  readonly regionSizes: Readonly<Record<string, number>>;
  readonly phrases: readonly PhraseStats[];
}

/** Region label of a document. */
export function regionOf(region: string | null): string {
  return region ?? UNKNOWN_REGION;
}

/** What the phrase table is built from: the index without its passage objects (so a worker can get it cheaply). */
export type PhraseSource = Pick<SearchIndex, 'normalized' | 'passageDoc' | 'lengths' | 'chars' | 'words'> & {
  readonly documents: readonly Pick<PolicyDocument, 'region' | 'year'>[];
};

/**
 * Builds the phrase table from the index: its word edges give jieba's words, so jieba is not loaded; `words` are
 * the dictionary words with their tags (a one-character word's tag decides whether it leans on what follows).
 */
export function buildPhraseTable(index: PhraseSource, terms: ReadonlySet<string>, words: readonly UserWord[] = [], options: NgramOptions = defaultNgramOptions): PhraseTable {
  const regions = [...new Set(index.documents.map((d) => regionOf(d.region)))];
  const regionYears: Record<string, number[]> = {};
  for (const doc of index.documents) {
    const years = (regionYears[regionOf(doc.region)] ??= []);
    if (doc.year !== null && !years.includes(doc.year)) years.push(doc.year);
  }
  for (const years of Object.values(regionYears)) years.sort();
  const regionSizes: Record<string, number> = {};
  index.lengths.forEach((length, p) => {
    const region = regionOf(index.documents[index.passageDoc[p]].region);
    regionSizes[region] = (regionSizes[region] ?? 0) + length;
  });
  const candidates = findCandidates(index, terms, options);
  const modifiers = modifierWords(words);
  const counted = candidates.flatMap((c) => {
    const passages = passagesContaining(index, c.phrase);
    const counts = exactCounts(index, c.phrase, passages);
    if (counts.count < options.minCount) return [];
    const boundaries = phraseBoundaries(index, c.phrase, passages, c.words > 1 && c.lastWord !== undefined && modifiers.has(c.lastWord));
    // A piece of longer words (长制 in 河长制, 林长制…) or of a longer formulation (社会大局 → 和谐稳定) is no phrase.
    return isFragment(c.words, counts.count, boundaries) ? [] : [{ phrase: c.phrase, words: c.words, ...counts, boundaries }];
  });
  const phrases = foldPhrases(counted);
  return { regions, regionYears, regionSizes, phrases };
}

/** Each document's region label and `region|year` key, made once per document list rather than per passage. */
const labelCache = new WeakMap<object, { region: string[]; regionYear: string[] }>();
function labelsOf(documents: PhraseSource['documents']): { region: string[]; regionYear: string[] } {
  let labels = labelCache.get(documents);
  if (!labels) {
    const region = documents.map((d) => regionOf(d.region));
    labels = { region, regionYear: documents.map((d, i) => `${region[i]}|${d.year ?? ''}`) };
    labelCache.set(documents, labels);
  }
  return labels;
}

/** The exact count of a phrase in every region (and region-year), from the exact-match index. */
export function exactCounts(index: Omit<PhraseSource, 'words'>, phrase: string, passages = passagesContaining(index, phrase)): { count: number; byRegion: Record<string, number>; byRegionYear: Record<string, number> } {
  const byRegion: Record<string, number> = {};
  const byRegionYear: Record<string, number> = {};
  const labels = labelsOf(index.documents);
  let count = 0;
  for (const p of passages) {
    const n = countOccurrences(index.normalized[p], phrase);
    const d = index.passageDoc[p];
    byRegion[labels.region[d]] = (byRegion[labels.region[d]] ?? 0) + n;
    byRegionYear[labels.regionYear[d]] = (byRegionYear[labels.regionYear[d]] ?? 0) + n;
    count += n;
  }
  return { count, byRegion, byRegionYear };
}

/**
 * Marks a phrase folded into a longer one when every occurrence of it lies inside an occurrence of that longer
 * phrase (人居环境 into 人居环境整治 when they never occur apart): the longer one contains it `m` times and the
 * shorter one's count is exactly `m` times the longer one's, in every region.
 */
function foldPhrases(phrases: Omit<PhraseStats, 'foldedInto'>[]): PhraseStats[] {
  const byPhrase = new Map(phrases.map((p) => [p.phrase, p]));
  const folded = new Map<string, string>();
  // Each longer phrase looks up its own substrings, so the work grows with phrase length, not with their number.
  for (const long of phrases) {
    for (let from = 0; from < long.phrase.length; from++) {
      for (let to = from + 2; to <= long.phrase.length; to++) {
        if (to - from === long.phrase.length) continue;
        const short = byPhrase.get(long.phrase.slice(from, to));
        if (!short) continue;
        const m = countOccurrences(long.phrase, short.phrase);
        const inside = short.count === m * long.count && Object.entries(short.byRegion).every(([region, n]) => n === m * (long.byRegion[region] ?? 0));
        const current = folded.get(short.phrase);
        if (inside && (current === undefined || current.length > long.phrase.length)) folded.set(short.phrase, long.phrase);
      }
    }
  }
  return phrases.map((p) => ({ ...p, foldedInto: folded.get(p.phrase) ?? null }));
}
