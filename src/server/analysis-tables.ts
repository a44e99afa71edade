import type { ConcordanceLine } from '../analysis/concordance.js';
import type { DistinctivePhrase } from '../analysis/distinctive-phrases.js';
import type { PhraseMatrix } from '../analysis/phrase-matrix.js';
import type { SharedPhrase } from '../analysis/shared-phrases.js';
import { passageUrl } from './view-models.js';

/** The analysis views as rows with a header: one shape for CSV downloads (API) and the CLI. */
export type Rows = (string | number | null)[][];

export function sharedPhraseRows(regions: readonly string[], phrases: readonly SharedPhrase[]): Rows {
  return [
    ['phrase', 'regions', 'count', 'reportShare', 'dp', 'rate', 'formulaic', 'edgeShare', 'leftEntropy', 'rightEntropy', ...regions],
    ...phrases.map((p) => [p.phrase, p.regions, p.count, p.reportShare, p.dp, p.rate, p.formulaic ? 1 : 0, p.boundaries.edgeShare, p.boundaries.leftEntropy, p.boundaries.rightEntropy, ...regions.map((r) => p.byRegion[r] ?? 0)]),
  ];
}

export function matrixRows(matrix: PhraseMatrix): Rows {
  return [['phrase', ...matrix.regions, 'total'], ...matrix.rows.map((r) => [r.phrase, ...r.counts, r.total]), ['total', ...matrix.columnTotals, matrix.total]];
}

/** Concordance lines as the API returns them: with a link to the passage instead of its number. */
export function kwicLineViews(lines: readonly ConcordanceLine[]) {
  return lines.map(({ paragraph, ...line }) => ({ ...line, url: passageUrl(line.docId, paragraph) }));
}

/** The header of concordance CSV. */
export const KWIC_HEADER = ['left', 'match', 'right', 'region', 'year', 'title', 'source', 'docId', 'passageId', 'url'];

/** One concordance line as a CSV row (columns as KWIC_HEADER). */
export function kwicRow(l: ReturnType<typeof kwicLineViews>[number]): (string | number | null)[] {
  return [l.left, l.match, l.right, l.region, l.year, l.title, l.source, l.docId, l.passageId, l.url];
}

export function kwicRows(lines: readonly ConcordanceLine[]): Rows {
  return [KWIC_HEADER, ...kwicLineViews(lines).map(kwicRow)];
}

export function distinctiveRows(phrases: readonly DistinctivePhrase[]): Rows {
  return [['phrase', 'count', 'otherCount', 'rate', 'otherRate', 'g2', 'logRatio'], ...phrases.map((p) => [p.phrase, p.count, p.otherCount, p.rate, p.otherRate, p.g2, p.logRatio])];
}
