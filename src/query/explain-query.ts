import { tokenizeText } from '../tokenize/tokenize-text.js';
import { needsWordEdges } from '../tokenize/word-edges.js';
import { relatedWords } from './match-query.js';
import type { ParsedQuery } from './parse-query.js';

/** How a query was read, for a researcher who needs to trust a count. */
export interface QueryExplanation {
  /** Each group must match; within a group, any term (OR). */
  readonly groups: readonly (readonly {
    readonly text: string;
    /** What is matched after normalisation (width, case, traditional → simplified). */
    readonly normalized: string;
    readonly quoted: boolean;
    /** How jieba cuts the term (it is matched as the whole string all the same). */
    readonly jieba: readonly string[];
    /** `anywhere` for Han text; `word edges` where it starts or ends with a Latin letter or digit. */
    readonly edges: 'anywhere' | 'word edges';
    /** The words a related match needs instead of the string (empty: no related matches for this term). */
    readonly related: readonly string[];
  }[])[];
  readonly excluded: readonly string[];
  readonly regions: readonly string[];
  readonly years: readonly number[];
  readonly levels: readonly string[];
  readonly ignored: readonly string[];
}

/** Explains a parsed query: terms, jieba's cut, exact or related, edges and filters. */
export function explainQuery(query: ParsedQuery): QueryExplanation {
  return {
    groups: query.groups.map((group) =>
      group.map((term) => ({
        text: term.text,
        normalized: term.normalized,
        quoted: term.phrase,
        jieba: tokenizeText(term.normalized, false).map((t) => t.text),
        edges: needsWordEdges(term.normalized) ? 'word edges' : 'anywhere',
        related: relatedWords(term),
      })),
    ),
    excluded: query.excluded.map((t) => t.text),
    regions: query.regions,
    years: query.years,
    levels: query.levels,
    ignored: query.ignored,
  };
}
