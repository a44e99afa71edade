import { readFileSync } from 'node:fs';

/** Judged queries: for each, the grade of the passages that are relevant (absent: 0). */
export interface JudgedQueries {
  readonly corpus: string;
  readonly queries: readonly { readonly q: string; readonly grades: Readonly<Record<string, number>> }[];
}

/** What ranking needs of an engine: the ids of the top passages for a query. */
type Search = (q: string, limit: number) => string[];

/** nDCG@k of one ranking against graded judgments (gain 2^grade − 1, log2 discount). */
export function ndcgAt(k: number, ranked: readonly string[], grades: Readonly<Record<string, number>>): number {
  const dcg = (list: readonly number[]) => list.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(grades).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((id) => grades[id] ?? 0)) / ideal;
}

/** Mean nDCG@10 over the judged queries, with each query's figure. */
export function judgeRanking(search: Search, judged: JudgedQueries) {
  const perQuery = judged.queries.map(({ q, grades }) => ({ q, ndcgAt10: Math.round(ndcgAt(10, search(q, 10), grades) * 1000) / 1000 }));
  const mean = perQuery.reduce((sum, r) => sum + r.ndcgAt10, 0) / perQuery.length;
  return { queries: perQuery.length, ndcgAt10: Math.round(mean * 1000) / 1000, perQuery };
}

/** The judged set shipped beside this file. */
export function loadJudgedQueries(): JudgedQueries {
  return JSON.parse(readFileSync(new URL('./judged-queries.json', import.meta.url), 'utf8')) as JudgedQueries;
}

// `npm run bench:ranking`: the ranking of the sample corpus against the judged queries, as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { createEngine } = await import('../src/engine.js');
  const judged = loadJudgedQueries();
  const engine = await createEngine({ corpusDir: judged.corpus, cacheDir: null });
  console.log(JSON.stringify(judgeRanking((q, limit) => engine.search({ q, limit }).hits.map((h) => h.passage.id), judged), null, 2));
}
