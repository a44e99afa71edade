import { defaultEngineOptions, type BuildProgress, type EngineOptions } from './engine-types.js';
import { buildAndCacheIndex, loadDictionaries } from './open-index.js';

/** What a build job needs: the engine's options that can cross to a process, and the key of the inputs. */
export type BuildJob = Pick<EngineOptions, 'corpusDir' | 'userDict' | 'split'> & {
  /** The corpus's own cache folder. */
  readonly cacheDir: string;
  readonly key: string;
};

/**
 * Runs in a job process (see `buildApart`): reading, cleaning and indexing the corpus writes its cache there, off
 * the thread that answers searches, which then only loads the finished cache; the build's progress is reported as
 * it goes. Only the build: the caller has found the cache stale, and computes the rest of an engine itself.
 */
export async function run(job: BuildJob, report: (progress: BuildProgress) => void = () => {}): Promise<{ documents: number }> {
  const opts: EngineOptions = { ...defaultEngineOptions, ...job, onProgress: report };
  const dictionary = await loadDictionaries(opts);
  const { corpus } = await buildAndCacheIndex(opts, job.key, dictionary.words);
  return { documents: corpus.documents.length };
}
