import { findCopies, type Copies, type CopySource } from './analysis/find-copies.js';
import { unpackTexts, type PackedTexts } from './search-index/packed-texts.js';

/** What the copy search gets: its source with the texts packed. */
export type CopiesJob = Omit<CopySource, 'normalized'> & { readonly texts: PackedTexts };

/** Runs in a job process: hashing every passage of a large corpus takes seconds, which must not stop the server. */
export function run(job: CopiesJob): Copies {
  return findCopies({ ...job, normalized: unpackTexts(job.texts) });
}
