import type { UserWord } from '../tokenize/user-dictionary.js';
import { readCachedIndex, type CachedIndexRef } from '../search-index/cached-index.js';
import { unpackTexts, type PackedTexts } from '../search-index/packed-texts.js';
import { buildPhraseTable, type PhraseSource, type PhraseTable } from './phrase-table.js';

/**
 * The job the phrase analysis gets: the index without passage objects (its texts packed), or where to read it —
 * the cache file the server loaded it from; and jieba's extra words.
 */
export interface PhraseJob {
  readonly source: (Omit<PhraseSource, 'normalized'> & { readonly texts: PackedTexts }) | { readonly cached: CachedIndexRef };
  readonly words: readonly UserWord[];
  readonly terms: readonly string[];
}

/** Runs in a job process: counting a large corpus takes seconds, which must not stop the server. */
export async function run(job: PhraseJob): Promise<PhraseTable> {
  const source = 'cached' in job.source ? await readCachedIndex(job.source.cached) : { ...job.source, normalized: unpackTexts(job.source.texts) };
  return buildPhraseTable(source, new Set(job.terms), job.words);
}
