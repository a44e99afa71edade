import { occurrences, type SearchIndex } from '../search-index/search-index.js';
import type { KeyPostings } from '../search-index/char-index.js';
import { intersectSorted, subtractSorted, unionSorted } from '../search-index/sorted-sets.js';
import { isStopToken } from '../tokenize/stop-words.js';
import { tokenizeText } from '../tokenize/tokenize-text.js';
import { edgeOccurrences, needsWordEdges } from '../tokenize/word-edges.js';
import type { FigureTable } from '../figures/figure-table.js';
import type { ParsedQuery, QueryTerm } from './parse-query.js';

/** A string whose occurrences score a passage: a term, a word of a term (related matches), or the whole query. */
export interface ScoringUnit {
  readonly needle: string;
  /** Passages containing the needle (its document frequency is the length). */
  readonly df: number;
  readonly weight: number;
  /** Which query term it belongs to (-1 for the whole query), for the proximity boost. */
  readonly term: number;
  /** The needle's passages with its number of occurrences in each, when known (ranking then reads no text). */
  readonly postings?: KeyPostings;
}

/** A query resolved against the index: the passages it matches and how to score and mark them. */
export interface MatchedQuery {
  /** Matching passages before region/year filters, in corpus order. */
  readonly passages: Int32Array;
  readonly units: readonly ScoringUnit[];
  /** Every string to mark in a hit: exactly what matched. */
  readonly needles: readonly string[];
  /** For a figure query: the figures the passages were selected by (their values are marked too). */
  readonly figures?: FigureTable;
}

/** Looser matches of a query whose terms jieba cuts into words: all the words, not the string. */
export interface RelatedMatch extends MatchedQuery {
  /** For each term that was loosened, the words it was matched by (新质生产力 → [生产力]). */
  readonly words: Readonly<Record<string, readonly string[]>>;
}

/**
 * The words a term is loosened to for related matches: jieba's words of it, without single characters of a split
 * word (新质生产力 → 新/质/生产力 → [生产力]) and stop words; empty when jieba keeps the term whole or leaves only
 * single characters.
 */
export function relatedWords(term: QueryTerm): string[] {
  if (term.phrase) return [];
  const words = tokenizeText(term.normalized, false).map((t) => t.text);
  if (words.length < 2) return [];
  return [...new Set(words.filter((w) => w.length > 1 && !isStopToken(w)))];
}

/** Every string to mark for an exact match: each term as typed (normalised). */
export function queryNeedles(query: ParsedQuery): string[] {
  return [...new Set(query.groups.flatMap((group) => group.map((term) => term.normalized)))];
}

/** The terms of a multi-word query written together (退役军人 服务站 → 退役军人服务站), or null. */
function wholeQuery(query: ParsedQuery): string | null {
  return query.groups.length > 1 ? query.groups.map((g) => g[0].normalized).join('') : null;
}

/**
 * Passages containing a string, like Ctrl-F: anywhere for Han text, at word edges where the string starts or ends
 * with a Latin letter or digit (AI is not found in domain); with the string's occurrences in each. Results are
 * kept per query.
 */
function containingFinder(index: SearchIndex): (needle: string) => KeyPostings {
  const cache = new Map<string, KeyPostings>();
  return (needle) => {
    let hit = cache.get(needle);
    if (!hit) {
      hit = occurrences(index, needle);
      if (needsWordEdges(needle)) hit = atWordEdges(index, hit, needle);
      cache.set(needle, hit);
    }
    return hit;
  };
}

/** The passages of `found` where the needle stands at word edges at least once (their counts kept as they were). */
function atWordEdges(index: SearchIndex, found: KeyPostings, needle: string): KeyPostings {
  const passages: number[] = [];
  const tfs: number[] = [];
  found.passages.forEach((p, k) => {
    if (edgeOccurrences(index.normalized[p], needle).length === 0) return;
    passages.push(p);
    tfs.push(found.tfs[k]);
  });
  return { passages: Int32Array.from(passages), tfs: Uint8Array.from(tfs) };
}

/** Resolves a query to the passages holding exactly what was typed: every group, one of its terms each. */
export function matchQuery(index: SearchIndex, query: ParsedQuery): MatchedQuery {
  const containing = containingFinder(index);
  const units: ScoringUnit[] = [];
  let matched: Int32Array | null = null;
  let termNumber = 0;
  for (const group of query.groups) {
    let groupSet: Int32Array = new Int32Array(0);
    for (const term of group) {
      const found = containing(term.normalized);
      // A group of one term is its set as it is (a union with nothing would copy every match of a common word).
      groupSet = group.length === 1 ? found.passages : unionSorted(groupSet, found.passages);
      units.push({ needle: term.normalized, df: found.passages.length, weight: 1, term: termNumber++, postings: found });
    }
    matched = matched ? intersectSorted(matched, groupSet) : groupSet;
  }
  const whole = wholeQuery(query);
  if (whole) {
    const found = containing(whole);
    units.push({ needle: whole, df: found.passages.length, weight: 2, term: -1, postings: found });
  }
  // Filters alone (region:港门镇) browse every passage they allow.
  let passages = matched ?? Int32Array.from({ length: index.passages.length }, (_, i) => i);
  for (const term of query.excluded) passages = subtractSorted(passages, containing(term.normalized).passages);
  return { passages, units, needles: queryNeedles(query) };
}

/**
 * The related matches of a query, apart from the exact ones: terms that jieba cuts into words match passages
 * holding all their words of two or more characters; other terms match exactly as before. Null when no term is
 * loosened. `exact` (the exact matches) are left out.
 */
export function matchRelated(index: SearchIndex, query: ParsedQuery, exact: Int32Array): RelatedMatch | null {
  const containing = containingFinder(index);
  const words: Record<string, string[]> = {};
  const units: ScoringUnit[] = [];
  const needles = new Set<string>();
  let matched: Int32Array | null = null;
  let termNumber = 0;
  for (const group of query.groups) {
    let groupSet: Int32Array = new Int32Array(0);
    for (const term of group) {
      const loose = relatedWords(term);
      const parts = loose.length > 0 ? loose : [term.normalized];
      if (loose.length > 0) words[term.text] = loose;
      let termSet = containing(parts[0]).passages;
      for (const part of parts.slice(1)) termSet = intersectSorted(termSet, containing(part).passages);
      groupSet = unionSorted(groupSet, termSet);
      for (const part of parts) {
        const found = containing(part);
        units.push({ needle: part, df: found.passages.length, weight: 1, term: termNumber, postings: found });
        needles.add(part);
      }
      termNumber++;
    }
    matched = matched ? intersectSorted(matched, groupSet) : groupSet;
  }
  if (Object.keys(words).length === 0 || matched === null) return null;
  let passages = subtractSorted(matched, exact);
  for (const term of query.excluded) passages = subtractSorted(passages, containing(term.normalized).passages);
  return { passages, units, needles: [...needles], words };
}
