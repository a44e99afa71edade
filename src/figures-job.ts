import { collectFigures, type FigureRecord } from './figures/figure-table.js';
import { addJiebaWords } from './tokenize/tokenize-text.js';
import type { UserWord } from './tokenize/user-dictionary.js';

/** The passages of an index, and jieba's extra words (the figure rules read words' tags). */
export interface FiguresJob {
  readonly passages: readonly { readonly text: string; readonly section: readonly string[] }[];
  readonly words: readonly UserWord[];
}

/** Runs in a job process: reading every figure of a large corpus takes seconds, which must not stop the server. */
export function run(job: FiguresJob): FigureRecord[] {
  addJiebaWords(job.words);
  return collectFigures(job.passages);
}
