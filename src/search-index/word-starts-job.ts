import { addJiebaWords } from '../tokenize/tokenize-text.js';
import type { UserWord } from '../tokenize/user-dictionary.js';
import { unpackTexts, type PackedTexts } from './packed-texts.js';
import { buildWordStarts, type BuiltWordStarts, type PreviousWords } from './word-starts.js';

/** The job: the normalised passages, their lengths, and jieba's extra words (dictionaries, region names). */
export interface WordStartsJob {
  readonly texts: PackedTexts;
  readonly words: readonly UserWord[];
  /** An earlier build's edges, made with the same words, to copy for unchanged passages. */
  readonly previous: PreviousWords | null;
}

/** Runs in a job process: jieba over a large corpus takes seconds, which the build spends on the other core. */
export function run(job: WordStartsJob): BuiltWordStarts {
  addJiebaWords(job.words);
  return buildWordStarts(unpackTexts(job.texts), job.texts.lengths, job.previous ?? undefined);
}
