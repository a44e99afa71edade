import { runInWorker, workerUrl } from '../run-in-worker.js';
import type { PhraseTable } from './phrase-table.js';
import type { PhraseJob } from './phrase-worker.js';

/** Builds the phrase table in a worker thread, so that counting never blocks a search. */
export function analyzeInWorker(job: PhraseJob): Promise<PhraseTable> {
  return runInWorker<PhraseJob, PhraseTable>(workerUrl('phrase-worker', import.meta.url), job, 'phrase analysis');
}
