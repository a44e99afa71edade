import type { PolicyDocument } from '../types.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import { passagesContaining } from '../search-index/search-index.js';
import { inScope, isWholeCorpus, WHOLE_CORPUS, type AnalysisScope } from './analysis-scope.js';
import { corpusParts } from './corpus-parts.js';
import { exactCounts, regionOf, type PhraseSource, type PhraseTable } from './phrase-table.js';

/** A phrase × region table of exact counts, with row and column totals. */
export interface PhraseMatrix {
  /** Column labels: a region, or `region year` when the region has reports of several years. */
  readonly regions: readonly string[];
  readonly rows: readonly { readonly phrase: string; readonly counts: readonly number[]; readonly total: number }[];
  readonly columnTotals: readonly number[];
  readonly total: number;
  /** Characters of text in each column, for rates per 10,000 characters. */
  readonly columnSizes: readonly number[];
}

/** What a matrix is counted from: the phrase table's source, with each report's level for ordering and scope. */
export type MatrixSource = Omit<PhraseSource, 'words' | 'documents'> & { readonly documents: readonly Pick<PolicyDocument, 'region' | 'year' | 'level'>[] };

/** How columns are ordered: as the corpus lists its regions, by their totals, or by level and then name. */
export type MatrixOrder = 'corpus' | 'total' | 'level';

/** Options of a matrix. */
export interface MatrixOptions {
  readonly order: MatrixOrder;
  /** Leave out the columns in which none of the phrases occurs. */
  readonly hideEmpty: boolean;
  /** The reports counted (the table given must be narrowed to the same scope). */
  readonly scope: AnalysisScope;
}

export const defaultMatrixOptions: MatrixOptions = { order: 'corpus', hideEmpty: false, scope: WHOLE_CORPUS };

/** The label of the column for a split region's reports that give no year. */
export const NO_YEAR = '（未注明年份）';

/** The order of levels for `order: 'level'`. */
const LEVELS = ['国家', '省', '市', '县', '区', '镇', '乡', '街道'];

/**
 * Counts each phrase (as typed, normalised for matching) in every region, split by year where a region has several
 * — with a column for that region's reports without a year, so that every row's cells add up to its total.
 */
export function phraseMatrix(index: MatrixSource, table: PhraseTable, phrases: readonly string[], options: Partial<MatrixOptions> = {}): PhraseMatrix {
  const o = { ...defaultMatrixOptions, ...options };
  const whole = isWholeCorpus(o.scope);
  const docs = whole ? index.documents : index.documents.filter((d) => inScope(o.scope, d));
  const undated = new Set(docs.filter((d) => d.year === null).map((d) => regionOf(d.region)));
  let columns = table.regions.flatMap((region) => {
    const years = table.regionYears[region] ?? [];
    if (years.length <= 1) return [{ key: region, label: region, region }];
    const split = years.map((year) => ({ key: `${region}|${year}`, label: `${region} ${year}`, region }));
    return undated.has(region) ? [...split, { key: `${region}|`, label: `${region} ${NO_YEAR}`, region }] : split;
  });
  const parts = corpusParts(index);
  const sizeOf = (key: string) => (key.includes('|') ? parts.sizes.get(key) : table.regionSizes[key]) ?? 0;
  const passagesOf = (needle: string) => {
    const found = passagesContaining(index, needle);
    return whole ? found : found.filter((p) => inScope(o.scope, index.documents[index.passageDoc[p]]));
  };
  const counted = phrases.map((phrase) => ({ phrase, counts: exactCounts(index, normalizeText(phrase), passagesOf(normalizeText(phrase))) }));
  const cell = (c: (typeof counted)[number]['counts'], key: string) => (key.includes('|') ? c.byRegionYear[key] : c.byRegion[key]) ?? 0;
  const totalOf = (key: string) => counted.reduce((sum, r) => sum + cell(r.counts, key), 0);
  if (o.hideEmpty) columns = columns.filter((c) => totalOf(c.key) > 0);
  const levelOf = new Map(docs.map((d) => [regionOf(d.region), d.level]));
  const rank = (region: string) => {
    const at = LEVELS.indexOf(levelOf.get(region) ?? '');
    return at < 0 ? LEVELS.length : at;
  };
  if (o.order === 'total') columns = [...columns].sort((a, b) => totalOf(b.key) - totalOf(a.key));
  if (o.order === 'level') columns = [...columns].sort((a, b) => rank(a.region) - rank(b.region) || a.label.localeCompare(b.label, 'zh-CN'));
  const rows = counted.map(({ phrase, counts }) => ({ phrase, counts: columns.map((c) => cell(counts, c.key)), total: counts.count }));
  const columnTotals = columns.map((_, i) => rows.reduce((sum, r) => sum + r.counts[i], 0));
  return { regions: columns.map((c) => c.label), rows, columnTotals, total: rows.reduce((sum, r) => sum + r.total, 0), columnSizes: columns.map((c) => sizeOf(c.key)) };
}
