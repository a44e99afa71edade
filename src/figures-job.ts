import { collectFigures, type FigureRecord } from './figures/figure-table.js';
import { readCachedIndex, type CachedIndexRef } from './search-index/cached-index.js';
import { addJiebaWords } from './tokenize/tokenize-text.js';
import type { UserWord } from './tokenize/user-dictionary.js';

/** The passages of an index, or the cache file to read them from; and jieba's extra words (the figure rules read words' tags). */
export interface FiguresJob {
  readonly passages: readonly { readonly text: string; readonly section: readonly string[] }[] | { readonly cached: CachedIndexRef };
  readonly words: readonly UserWord[];
}

/** Runs in a job process: reading every figure of a large corpus takes seconds, which must not stop the server. */
export async function run(job: FiguresJob): Promise<FigureRecord[]> {
  const passages = 'cached' in job.passages ? (await readCachedIndex(job.passages.cached)).passages : job.passages;
  addJiebaWords(job.words);
  return collectFigures(passages);
}
