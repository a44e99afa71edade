import { parseComparison, type FigureComparison } from '../figures/figure-table.js';
import { normalizeText } from '../tokenize/normalize-text.js';

/**
 * The query language: words separated by spaces are ANDed; `OR` between words; `"…"` an exact phrase; `-词`
 * excludes; `region:南山镇` and `year:2021` filter. Chinese quotes (“六稳”) are ordinary characters, so a formulation
 * can be searched with its quotes; `~六稳` marks a slogan to unfold into its parts (query/expand-slogans.ts). Nothing
 * a user types is an error: what cannot be used is listed in `ignored`.
 */

/** One thing to find: a word as typed or a quoted phrase. */
export interface QueryTerm {
  /** As typed (without quotes). */
  readonly text: string;
  /** Normalised for matching (width, case, traditional forms). */
  readonly normalized: string;
  /** A quoted phrase matches only as the exact string. */
  readonly phrase: boolean;
  /** `~六稳`: also match the slogan's parts (稳就业, 稳金融…), where the thesaurus or the corpus knows them. */
  readonly expand?: boolean;
}

/** A parsed query: an AND of OR-groups, exclusions and filters. */
export interface ParsedQuery {
  /** Every group must match; a group matches when one of its terms does. */
  readonly groups: readonly (readonly QueryTerm[])[];
  readonly excluded: readonly QueryTerm[];
  readonly regions: readonly string[];
  readonly years: readonly number[];
  /** Administrative levels (`level:省`): 国家, 省, 市, 县, 区, 镇, 乡, 街道. */
  readonly levels: readonly string[];
  /** Pieces of the query that had no effect (stray operators, punctuation, a bad year), to tell the user. */
  readonly ignored: readonly string[];
  /** Slogans unfolded into their parts (`~六稳`), each with the forms its OR group matches; empty until expanded. */
  readonly expansions: readonly SloganExpansion[];
  /** Figure conditions (`财政收入 >1亿元`): a passage must hold a figure of the query's indicator that meets each. */
  readonly comparisons: readonly FigureComparison[];
}

/** A slogan unfolded in a query: the forms that stand for it (the name and each part), normalised. */
export interface SloganExpansion {
  readonly slogan: string;
  readonly forms: readonly string[];
}

/** A piece of the query line before terms are grouped. */
type Piece = { kind: 'term'; term: QueryTerm; negated: boolean } | { kind: 'or' };

const SPACE = /[\s\u3000]/;

/** Splits the query line into pieces, honouring double quotes (an unclosed quote runs to the end). */
function lex(input: string, ignored: string[], filters: Filters): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < input.length) {
    if (SPACE.test(input[i])) {
      i++;
      continue;
    }
    let negated = false;
    if ((input[i] === '-' || input[i] === '－') && i + 1 < input.length && !SPACE.test(input[i + 1])) {
      negated = true;
      i++;
    }
    if (input[i] === '"' || input[i] === '＂') {
      const close = input.slice(i + 1).search(/["＂]/);
      const end = close < 0 ? input.length : i + 1 + close;
      pushTerm(pieces, input.slice(i + 1, end), true, negated, ignored);
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !SPACE.test(input[end]) && input[end] !== '"') end++;
    const word = input.slice(i, end);
    i = end;
    if (!negated && word === 'OR') pieces.push({ kind: 'or' });
    else if (!negated && applyFilter(word, filters, ignored)) continue;
    else if (!negated && /^[><≥≤＞＜=]/.test(word)) {
      const comparison = parseComparison(word);
      if (comparison) filters.comparisons.push(comparison);
      else ignored.push(word);
    }
    else if (!negated && /^[~～]./.test(word)) pushTerm(pieces, word.slice(1), false, false, ignored, true);
    else pushTerm(pieces, word, false, negated, ignored);
  }
  return pieces;
}

/** What a query line narrows by besides its terms. */
interface Filters {
  regions: string[];
  years: number[];
  levels: string[];
  comparisons: FigureComparison[];
}

/** The levels a `level:` filter takes. */
export const LEVEL_NAMES = ['国家', '省', '市', '县', '区', '镇', '乡', '街道'] as const;

/** The most years one range may span (`year:1954-2026` is 73). */
export const MAX_YEAR_SPAN = 100;

/**
 * The years a value names — one year (`2021`) or a range (`2020-2025`, `2025至2020`) — for the query language and
 * the `year=` parameter alike; `'too long'` for a range over MAX_YEAR_SPAN years, null for anything else.
 */
export function readYears(value: string): number[] | 'too long' | null {
  if (/^\d{4}$/.test(value)) return [Number(value)];
  const range = /^(\d{4})\s*[-–—~～至]\s*(\d{4})$/.exec(value);
  if (!range) return null;
  const [from, to] = [Math.min(Number(range[1]), Number(range[2])), Math.max(Number(range[1]), Number(range[2]))];
  return to - from > MAX_YEAR_SPAN ? 'too long' : Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** Handles `region:`, `level:` and `year:` (one year, a list, or a range 2020-2025); false when the word is not a filter. */
function applyFilter(word: string, filters: Filters, ignored: string[]): boolean {
  const m = /^(region|year|level|地区|年份|级别)[:：](.*)$/i.exec(word);
  if (!m) return false;
  const field = m[1].toLowerCase();
  for (const value of m[2].split(/[,，]/).filter((v) => v !== '')) {
    if (field === 'region' || field === '地区') filters.regions.push(value);
    else if (field === 'level' || field === '级别') {
      if ((LEVEL_NAMES as readonly string[]).includes(value)) filters.levels.push(value);
      else ignored.push(word);
    } else {
      const years = readYears(value);
      if (Array.isArray(years)) filters.years.push(...years);
      else ignored.push(word);
    }
  }
  return true;
}

function pushTerm(pieces: Piece[], text: string, phrase: boolean, negated: boolean, ignored: string[], expand = false): void {
  const trimmed = text.trim();
  const normalized = normalizeText(trimmed);
  // A term with no letter or digit (stray punctuation, a lone '-') would match almost everything.
  if (!/[\p{L}\p{N}]/u.test(normalized)) {
    if (trimmed !== '') ignored.push(negated ? `-${trimmed}` : trimmed);
    return;
  }
  pieces.push({ kind: 'term', term: expand ? { text: trimmed, normalized, phrase, expand } : { text: trimmed, normalized, phrase }, negated });
}

/** Parses a query line; never throws. */
export function parseQuery(input: string): ParsedQuery {
  const ignored: string[] = [];
  const filters: Filters = { regions: [], years: [], levels: [], comparisons: [] };
  const pieces = lex(input, ignored, filters);
  const groups: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let joinNext = false;
  for (const [k, piece] of pieces.entries()) {
    if (piece.kind === 'or') {
      const previous = pieces[k - 1];
      const next = pieces[k + 1];
      if (previous?.kind === 'term' && !previous.negated && next?.kind === 'term' && !next.negated) joinNext = true;
      else ignored.push('OR');
      continue;
    }
    if (piece.negated) excluded.push(piece.term);
    else if (joinNext && groups.length > 0) groups[groups.length - 1].push(piece.term);
    else groups.push([piece.term]);
    joinNext = false;
  }
  return { groups, excluded, regions: unique(filters.regions), years: unique(filters.years), levels: unique(filters.levels), ignored, expansions: [], comparisons: filters.comparisons };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
