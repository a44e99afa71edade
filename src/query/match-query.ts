import { passagesContaining, type SearchIndex } from '../search-index/search-index.js';
import { intersectSorted, subtractSorted, unionSorted } from '../search-index/sorted-sets.js';
import { isStopToken } from '../tokenize/stop-words.js';
import { tokenizeText } from '../tokenize/tokenize-text.js';
import type { ParsedQuery, QueryTerm } from './parse-query.js';

/** A string whose occurrences score a passage: a word of a term, a whole term, or the whole query. */
export interface ScoringUnit {
  readonly needle: string;
  /** Passages containing the needle (its document frequency is the length). */
  readonly df: number;
  readonly weight: number;
  /** Which query term it belongs to (-1 for the whole query), for the proximity boost. */
  readonly term: number;
}

/** A query resolved against the index: the passages it matches and how to score them. */
export interface MatchedQuery {
  /** Matching passages before region/year filters, in corpus order. */
  readonly passages: Int32Array;
  readonly units: readonly ScoringUnit[];
  /** Every string to mark in a hit. */
  readonly needles: readonly string[];
}

/**
 * The words a term is matched by. A quoted phrase is itself; a plain term that jieba cuts into several words
 * (乡村振兴战略 → 乡村振兴, 战略) means those words together, each found as a string (so 民生 finds 人民生命 too).
 */
export function termWords(term: QueryTerm): string[] {
  if (term.phrase) return [term.normalized];
  const words = [...new Set(tokenizeText(term.normalized, false).map((t) => t.text).filter((w) => !isStopToken(w)))];
  return words.length > 1 ? words : [term.normalized];
}

/** Every string to mark for a query: each term, its words, and the whole query when it has several groups. */
export function queryNeedles(query: ParsedQuery): string[] {
  const needles = new Set<string>();
  for (const group of query.groups) for (const term of group) for (const needle of [term.normalized, ...termWords(term)]) needles.add(needle);
  const whole = wholeQuery(query);
  if (whole) needles.add(whole);
  return [...needles];
}

/** The terms of a multi-word query written together (退役军人 服务站 → 退役军人服务站), or null. */
function wholeQuery(query: ParsedQuery): string | null {
  return query.groups.length > 1 ? query.groups.map((g) => g[0].normalized).join('') : null;
}

/** Resolves a parsed query to its matching passages (exact string matching throughout) and scoring units. */
export function matchQuery(index: SearchIndex, query: ParsedQuery): MatchedQuery {
  const cache = new Map<string, Int32Array>();
  const containing = (needle: string) => {
    let hit = cache.get(needle);
    if (!hit) cache.set(needle, (hit = passagesContaining(index, needle)));
    return hit;
  };
  const units: ScoringUnit[] = [];
  let matched: Int32Array | null = null;
  let termNumber = 0;
  for (const group of query.groups) {
    let groupSet: Int32Array = new Int32Array(0);
    for (const term of group) {
      const words = termWords(term);
      let termSet = containing(words[0]);
      for (const word of words.slice(1)) termSet = intersectSorted(termSet, containing(word));
      groupSet = unionSorted(groupSet, termSet);
      for (const word of words) units.push({ needle: word, df: containing(word).length, weight: 1, term: termNumber });
      if (words.length > 1) units.push({ needle: term.normalized, df: containing(term.normalized).length, weight: 2, term: termNumber });
      termNumber++;
    }
    matched = matched ? intersectSorted(matched, groupSet) : groupSet;
  }
  const whole = wholeQuery(query);
  if (whole) units.push({ needle: whole, df: containing(whole).length, weight: 2, term: -1 });
  // Filters alone (region:港门镇) browse every passage they allow.
  let passages = matched ?? Int32Array.from({ length: index.passages.length }, (_, i) => i);
  for (const term of query.excluded) passages = subtractSorted(passages, containing(term.normalized));
  return { passages, units, needles: queryNeedles(query) };
}
