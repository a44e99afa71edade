import { findCopies, type Copies, type CopySource } from './analysis/find-copies.js';

/** Runs in the job worker: hashing every passage of a large corpus takes seconds, which must not stop the server. */
export function run(source: CopySource): Copies {
  return findCopies(source);
}
