import MiniSearch from 'minisearch';
import { normalizeText } from '../tokenize/normalize-text.js';
import type { PhraseTable } from './phrase-table.js';

/** A completion for the search box: a phrase of the corpus or a region name, with how often it occurs. */
export interface Suggestion {
  readonly text: string;
  readonly count: number;
  readonly regions: number;
}

/** The vocabulary index behind search-as-you-type: prefix look-ups over a small radix tree, MiniSearch's strength. */
export type SuggestIndex = MiniSearch<Suggestion & { id: number }>;

/**
 * Indexes every phrase and region name as one term each (normalised, so 鄉村 completes to 乡村振兴). Phrases
 * number in the thousands, not the hundreds of thousands of passages, so MiniSearch builds this in milliseconds.
 */
export function buildSuggestIndex(table: PhraseTable): SuggestIndex {
  const index: SuggestIndex = new MiniSearch({
    fields: ['text'],
    storeFields: ['text', 'count', 'regions'],
    tokenize: (text) => [text],
    processTerm: (term) => normalizeText(term),
  });
  const entries = [
    ...table.phrases.filter((p) => p.foldedInto === null).map((p) => ({ text: p.phrase, count: p.count, regions: Object.keys(p.byRegion).length })),
    ...table.regions.map((region) => ({ text: region, count: Math.round(table.regionSizes[region] ?? 0), regions: 1 })),
  ];
  index.addAll(entries.map((entry, id) => ({ id, ...entry })));
  return index;
}

/** Completions of what the user has typed so far, most frequent first; the typed string itself, if known, first. */
export function suggest(index: SuggestIndex, prefix: string, limit = 8): Suggestion[] {
  const typed = normalizeText(prefix.trim());
  if (typed === '') return [];
  return index
    .search(typed, { prefix: true })
    .map((r) => ({ text: r.text as string, count: r.count as number, regions: r.regions as number }))
    .sort((a, b) => Number(normalizeText(b.text) === typed) - Number(normalizeText(a.text) === typed) || b.regions - a.regions || b.count - a.count)
    .slice(0, limit);
}

/**
 * Corrections of a term the corpus does not hold (新质生产利 → 新质生产力): phrases and region names within one
 * edit per four characters, by MiniSearch's fuzzy search over the vocabulary, most widespread first.
 */
export function didYouMean(index: SuggestIndex, term: string, limit = 3): string[] {
  const typed = normalizeText(term.trim());
  if ([...typed].length < 2) return [];
  const maxEdits = Math.max(1, Math.floor([...typed].length / 4));
  return index
    .search(typed, { fuzzy: maxEdits, prefix: false })
    .map((r) => ({ text: r.text as string, regions: r.regions as number, count: r.count as number }))
    // A phrase inside the term or around it is a variant, not a correction of a typo.
    .filter((s) => !normalizeText(s.text).includes(typed) && !typed.includes(normalizeText(s.text)))
    .sort((a, b) => b.regions - a.regions || b.count - a.count)
    .slice(0, limit)
    .map((s) => s.text);
}
