import { addJiebaWords } from '../tokenize/tokenize-text.js';
import type { UserWord } from '../tokenize/user-dictionary.js';
import { buildWordStarts } from './word-starts.js';

/** The job: the normalised passages, their lengths, and jieba's extra words (dictionaries, region names). */
export interface WordStartsJob {
  readonly normalized: readonly string[];
  readonly lengths: Uint32Array;
  readonly words: readonly UserWord[];
}

/** Runs in the job worker: jieba over a large corpus takes seconds, which the build spends on the other core. */
export function run(job: WordStartsJob): Uint8Array {
  addJiebaWords(job.words);
  return buildWordStarts(job.normalized, job.lengths);
}
