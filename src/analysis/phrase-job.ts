import type { UserWord } from '../tokenize/user-dictionary.js';
import { unpackTexts, type PackedTexts } from '../search-index/packed-texts.js';
import { buildPhraseTable, type PhraseSource, type PhraseTable } from './phrase-table.js';

/** The job the phrase analysis gets: the index without passage objects (its texts packed), and jieba's extra words. */
export interface PhraseJob {
  readonly source: Omit<PhraseSource, 'normalized'> & { readonly texts: PackedTexts };
  readonly words: readonly UserWord[];
  readonly terms: readonly string[];
}

/** Runs in a job process: counting a large corpus takes seconds, which must not stop the server. */
export function run(job: PhraseJob): PhraseTable {
  return buildPhraseTable({ ...job.source, normalized: unpackTexts(job.source.texts) }, new Set(job.terms), job.words);
}
