import { parentPort } from 'node:worker_threads';
import { addJiebaWords } from '../tokenize/tokenize-text.js';
import type { UserWord } from '../tokenize/user-dictionary.js';
import { buildWordStarts } from './word-starts.js';

/** The job: the normalised passages, their lengths, and jieba's extra words (dictionaries, region names). */
export interface WordStartsJob {
  readonly normalized: readonly string[];
  readonly lengths: Uint32Array;
  readonly words: readonly UserWord[];
}

// Runs in a worker thread: jieba over a large corpus takes seconds, which the build spends on the other core.
parentPort?.once('message', (job: WordStartsJob) => {
  try {
    addJiebaWords(job.words);
    const bits = buildWordStarts(job.normalized, job.lengths);
    parentPort?.postMessage({ ok: true, value: bits }, [bits.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: (err as Error).message });
  }
});
