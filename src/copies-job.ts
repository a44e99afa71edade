import { findCopies, type Copies, type CopySource } from './analysis/find-copies.js';
import { readCachedIndex, type CachedIndexRef } from './search-index/cached-index.js';
import { unpackTexts, type PackedTexts } from './search-index/packed-texts.js';

/** What the copy search gets: its source with the texts packed, or the cache file to read the index from. */
export type CopiesJob = (Omit<CopySource, 'normalized'> & { readonly texts: PackedTexts }) | { readonly cached: CachedIndexRef };

/** Runs in a job process: hashing every passage of a large corpus takes seconds, which must not stop the server. */
export async function run(job: CopiesJob): Promise<Copies> {
  return findCopies('cached' in job ? await readCachedIndex(job.cached) : { ...job, normalized: unpackTexts(job.texts) });
}
