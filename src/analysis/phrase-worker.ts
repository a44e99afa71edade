import { parentPort } from 'node:worker_threads';
import { addJiebaWords } from '../tokenize/tokenize-text.js';
import type { UserWord } from '../tokenize/user-dictionary.js';
import { buildPhraseTable, type PhraseSource } from './phrase-table.js';

/** The job a phrase worker gets: the index without passage objects, and jieba's extra words. */
export interface PhraseJob {
  readonly source: PhraseSource;
  readonly words: readonly UserWord[];
  readonly terms: readonly string[];
}

// Runs in a worker thread: tokenising a large corpus takes tens of seconds, which must not stop the server.
parentPort?.once('message', (job: PhraseJob) => {
  try {
    addJiebaWords(job.words);
    parentPort?.postMessage({ ok: true, value: buildPhraseTable(job.source, new Set(job.terms)) });
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: (err as Error).message });
  }
});
