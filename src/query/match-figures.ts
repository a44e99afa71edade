import { satisfies, type FigureTable } from '../figures/figure-table.js';
import type { ParsedQuery } from './parse-query.js';

/**
 * Figure queries (`财政收入 >1亿元 year:2021`): of the passages the terms match, those holding a figure whose
 * indicator — as written or its synonym group's name — contains one of the terms, and that meets every comparison.
 * A query of comparisons alone (`>1亿元`) takes any figure.
 */

/** The figures of a passage that a query's comparisons select (positions in the table's records). */
export function selectedFigures(table: FigureTable, query: ParsedQuery, passage: number): number[] {
  const terms = query.groups.flat().map((t) => t.normalized);
  return (table.byPassage.get(passage) ?? []).filter((k) => {
    const f = table.records[k];
    const named = terms.length === 0 || terms.some((t) => f.indicator.includes(t) || table.groups[k].includes(t));
    return named && query.comparisons.every((c) => satisfies(f, c));
  });
}

/** The passages (in order) holding a selected figure. */
export function passagesWithFigures(table: FigureTable, query: ParsedQuery, passages: Int32Array): Int32Array {
  return passages.filter((p) => selectedFigures(table, query, p).length > 0);
}
