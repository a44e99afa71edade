import { sharedPhrases } from '../analysis/shared-phrases.js';
import type { Engine } from '../engine.js';

/** What the home page offers to try, taken from the corpus in front of the user, not from the samples. */
export interface CorpusExamples {
  /** Queries that find something here: shared formulations, a figure, a filtered search. */
  readonly queries: readonly string[];
  /** A region and a year the corpus has, for the syntax help (`region:港门镇 year:2022`). */
  readonly region: string | null;
  readonly year: number | null;
  /** A figure the corpus contains (16.36亿元), for the help text. */
  readonly figure: string | null;
}

/** A figure as reports write them: 16.36亿元, 97.2%, 9.62公里. */
const FIGURE = /\d+(?:\.\d+)?(?:亿元|万元|%|公里|万人|万亩|平方米)/;

// Keyed by the index, not the engine: a live engine keeps its identity across swaps of the index.
const cache = new WeakMap<object, CorpusExamples>();

/**
 * Examples from the corpus itself: its most widely shared formulations (once the phrase table is counted), the
 * first figure it contains, and a region with its latest year. Kept per engine once the phrases are in.
 */
export function corpusExamples(engine: Engine): CorpusExamples {
  const known = cache.get(engine.index);
  if (known) return known;
  const table = engine.phrases();
  const regionNames = new Set(engine.regions);
  const formulations = table
    ? sharedPhrases(table, { limit: 40 }).phrases.map((p) => p.phrase).filter((p) => [...p].length >= 4 && !regionNames.has(p)).slice(0, 3)
    : [];
  let figure: string | null = null;
  for (const doc of engine.documents) {
    for (const passage of doc.passages) {
      figure = FIGURE.exec(passage.text)?.[0] ?? null;
      if (figure) break;
    }
    if (figure) break;
  }
  const region = engine.regions[0] ?? null;
  const years = engine.documents.filter((d) => d.region === region && d.year !== null).map((d) => d.year as number);
  const year = years.length > 0 ? Math.max(...years) : null;
  const filtered = region ? `${formulations[0] ?? ''} region:${region}${year ? ` year:${year}` : ''}`.trim() : null;
  const examples: CorpusExamples = { queries: [...formulations, ...(figure ? [figure] : []), ...(filtered ? [filtered] : [])], region, year, figure };
  if (table) cache.set(engine.index, examples);
  return examples;
}
