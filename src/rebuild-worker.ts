import { createEngine, type EngineOptions } from './engine.js';

/** What a rebuild worker needs: the engine's options that can cross a thread (no logger). */
export type RebuildJob = Pick<EngineOptions, 'corpusDir' | 'cacheDir' | 'userDict' | 'split'>;

/**
 * Runs in the job worker: reading, cleaning and indexing a changed corpus writes its cache there, off the thread
 * that answers searches, which then only loads the finished cache. The phrase count follows as a job of its own.
 */
export async function run(job: RebuildJob): Promise<{ documents: number }> {
  const engine = await createEngine({ ...job, phrases: 'lazy' });
  return { documents: engine.documents.length };
}
