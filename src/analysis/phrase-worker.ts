import type { UserWord } from '../tokenize/user-dictionary.js';
import { buildPhraseTable, type PhraseSource, type PhraseTable } from './phrase-table.js';

/** The job the phrase analysis gets: the index without passage objects, and jieba's extra words. */
export interface PhraseJob {
  readonly source: PhraseSource;
  readonly words: readonly UserWord[];
  readonly terms: readonly string[];
}

/** Runs in the job worker: counting a large corpus takes seconds, which must not stop the server. */
export function run(job: PhraseJob): PhraseTable {
  return buildPhraseTable(job.source, new Set(job.terms), job.words);
}
