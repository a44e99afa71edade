import { addJiebaWords } from '../tokenize/tokenize-text.js';
import type { UserWord } from '../tokenize/user-dictionary.js';
import { buildWordStarts, type BuiltWordStarts, type PreviousWords } from './word-starts.js';

/** The job: the normalised passages, their lengths, and jieba's extra words (dictionaries, region names). */
export interface WordStartsJob {
  readonly normalized: readonly string[];
  readonly lengths: Uint32Array;
  readonly words: readonly UserWord[];
  /** An earlier build's edges, made with the same words, to copy for unchanged passages. */
  readonly previous: PreviousWords | null;
}

/** Runs in the job worker: jieba over a large corpus takes seconds, which the build spends on the other core. */
export function run(job: WordStartsJob): BuiltWordStarts {
  addJiebaWords(job.words);
  return buildWordStarts(job.normalized, job.lengths, job.previous ?? undefined);
}
