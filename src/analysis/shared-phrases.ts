import type { PhraseStats, PhraseTable } from './phrase-table.js';

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

/** A listed phrase: how many regions use it, how often, and where. */
export interface SharedPhrase {
  readonly phrase: string;
  readonly regions: number;
  readonly count: number;
  readonly byRegion: Readonly<Record<string, number>>;
}

/**
 * The formulations many towns share, ranked by the number of regions using them, then by total count. Phrases
 * folded into a longer one (人居环境 inside 人居环境整治 everywhere) are left out.
 */
export function sharedPhrases(table: PhraseTable, options: Partial<SharedPhraseOptions> = {}): { total: number; phrases: SharedPhrase[] } {
  const o = { ...defaultSharedPhraseOptions, ...options };
  const listed = table.phrases
    .filter((p) => p.foldedInto === null && regionCount(p) >= o.minRegions)
    .filter((p) => p.words === 0 || (p.words >= o.minWords && p.words <= o.maxWords))
    .filter((p) => o.contains === '' || p.phrase.includes(o.contains))
    .map((p) => ({ phrase: p.phrase, regions: regionCount(p), count: p.count, byRegion: p.byRegion }))
    .sort((a, b) => b.regions - a.regions || b.count - a.count || a.phrase.localeCompare(b.phrase, 'zh-CN'));
  return { total: listed.length, phrases: listed.slice(0, o.limit) };
}

function regionCount(p: PhraseStats): number {
  return Object.keys(p.byRegion).length;
}

/** Formulations in at least this many regions are the corpus's own vocabulary. */
const VOCABULARY_REGIONS = 2;

/** The corpus's own vocabulary: phrases of several regions that are one unbroken string (新质生产力, 两重两新). */
export function sharedFormulations(table: PhraseTable): string[] {
  return table.phrases
    .filter((p) => p.foldedInto === null && Object.keys(p.byRegion).length >= VOCABULARY_REGIONS && /^\S{3,12}$/u.test(p.phrase))
    .map((p) => p.phrase);
}
