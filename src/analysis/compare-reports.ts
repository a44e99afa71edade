import type { PolicyDocument } from '../types.js';
import { inScope } from './analysis-scope.js';
import { partKey, type CorpusParts } from './corpus-parts.js';
import type { PhraseTable } from './phrase-table.js';

/** One side of a comparison: a region's reports (or all reports of a level) of a year or a range of years. */
export interface CompareSide {
  readonly region: string | null;
  readonly level: string | null;
  readonly years: readonly number[];
}

/** A side as the answer shows it: `year` is its one year (null for a range), with its size in characters. */
export type ComparedSide = CompareSide & { readonly year: number | null; readonly characters: number };

/** The corpus parts (region and year) a side covers. */
export function sideKeys(documents: readonly Pick<PolicyDocument, 'region' | 'year' | 'level'>[], side: CompareSide): Set<string> {
  const scope = { regions: side.region === null ? [] : [side.region], years: side.years, levels: side.level === null ? [] : [side.level] };
  return new Set(documents.filter((d) => inScope(scope, d)).map((d) => partKey(d.region, d.year)));
}

/** A phrase that rose or fell: its rates per 10,000 characters on each side, and its counts. */
export interface RateChange {
  readonly phrase: string;
  readonly from: number;
  readonly to: number;
  readonly countFrom: number;
  readonly countTo: number;
}

/** What changed between two sides: phrases new in the later, dropped from it, risen and fallen most. */
export interface Comparison {
  readonly a: ComparedSide;
  readonly b: ComparedSide;
  readonly new: readonly { readonly phrase: string; readonly count: number }[];
  readonly dropped: readonly { readonly phrase: string; readonly count: number }[];
  readonly rose: readonly RateChange[];
  readonly fell: readonly RateChange[];
}

/** Options of a comparison. */
export interface CompareOptions {
  /** A phrase must occur at least this often on the side where it is new, dropped, or compared. */
  readonly minCount: number;
  /** How many phrases each list holds. */
  readonly limit: number;
}

export const defaultCompareOptions: CompareOptions = { minCount: 2, limit: 50 };

const per10k = (count: number, chars: number) => (chars > 0 ? Math.round((count / chars) * 10_000 * 1000) / 1000 : 0);

/**
 * Compares two sides (a region's report of one year against another year, two regions in one year, or all reports
 * of a level in two years) by the phrase table's exact counts per region and year, summed over each side's parts
 * (`keysA`, `keysB`, from sideKeys): new (only in b), dropped (only in a), and the phrases whose rate per 10,000
 * characters rose or fell most (rates, so that a longer report does not look more of everything).
 */
export function compareReports(parts: CorpusParts, table: PhraseTable, a: CompareSide, b: CompareSide, keysA: ReadonlySet<string>, keysB: ReadonlySet<string>, options: Partial<CompareOptions> = {}): Comparison {
  const o = { ...defaultCompareOptions, ...options };
  const sizeOf = (keys: ReadonlySet<string>) => [...keys].reduce((n, key) => n + (parts.sizes.get(key) ?? 0), 0);
  const countIn = (byRegionYear: Readonly<Record<string, number>>, keys: ReadonlySet<string>) => {
    let n = 0;
    for (const key of keys) n += byRegionYear[key] ?? 0;
    return n;
  };
  const [sizeA, sizeB] = [sizeOf(keysA), sizeOf(keysB)];
  const added: { phrase: string; count: number }[] = [];
  const dropped: { phrase: string; count: number }[] = [];
  const changes: RateChange[] = [];
  for (const p of table.phrases) {
    if (p.foldedInto !== null) continue;
    const [ca, cb] = [countIn(p.byRegionYear, keysA), countIn(p.byRegionYear, keysB)];
    if (ca === 0 && cb >= o.minCount) added.push({ phrase: p.phrase, count: cb });
    else if (cb === 0 && ca >= o.minCount) dropped.push({ phrase: p.phrase, count: ca });
    else if (ca > 0 && cb > 0 && ca + cb >= o.minCount) changes.push({ phrase: p.phrase, from: per10k(ca, sizeA), to: per10k(cb, sizeB), countFrom: ca, countTo: cb });
  }
  const byCount = (x: { count: number; phrase: string }, y: { count: number; phrase: string }) => y.count - x.count || x.phrase.localeCompare(y.phrase, 'zh-CN');
  const rise = (c: RateChange) => c.to - c.from;
  return {
    a: { ...a, year: a.years.length === 1 ? a.years[0] : null, characters: sizeA },
    b: { ...b, year: b.years.length === 1 ? b.years[0] : null, characters: sizeB },
    new: added.sort(byCount).slice(0, o.limit),
    dropped: dropped.sort(byCount).slice(0, o.limit),
    rose: changes.filter((c) => rise(c) > 0).sort((x, y) => rise(y) - rise(x)).slice(0, o.limit),
    fell: changes.filter((c) => rise(c) < 0).sort((x, y) => rise(x) - rise(y)).slice(0, o.limit),
  };
}
