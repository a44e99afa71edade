import type { Passage, PolicyDocument } from '../types.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import { buildCharIndex, findContaining, type CharIndex } from './char-index.js';

/** Everything a query needs, in memory: the passages, their normalised texts and the bigram index. */
export interface SearchIndex {
  readonly documents: readonly PolicyDocument[];
  /** All passages of all documents, in corpus order; a passage's number is its position here. */
  readonly passages: readonly Passage[];
  /** The normalised text of each passage (same length as the text shown, so offsets carry over). */
  readonly normalized: readonly string[];
  /** The document number (position in `documents`) of each passage. */
  readonly passageDoc: Int32Array;
  readonly chars: CharIndex;
  /** Mean passage length in characters, for BM25's length normalisation. */
  readonly averageLength: number;
}

/** The parts of an index that are derived from the documents alone (rebuilt cheaply after a cache load). */
export function indexPassages(documents: readonly PolicyDocument[]): Omit<SearchIndex, 'chars'> {
  const passages = documents.flatMap((doc) => doc.passages);
  const passageDoc = new Int32Array(passages.length);
  let n = 0;
  documents.forEach((doc, d) => {
    for (let k = 0; k < doc.passages.length; k++) passageDoc[n++] = d;
  });
  const normalized = passages.map((p) => normalizeText(p.text));
  const totalLength = normalized.reduce((sum, text) => sum + text.length, 0);
  return { documents, passages, normalized, passageDoc, averageLength: passages.length ? totalLength / passages.length : 0 };
}

/** Builds the whole in-memory index from documents. */
export function buildSearchIndex(documents: readonly PolicyDocument[]): SearchIndex {
  const base = indexPassages(documents);
  return { ...base, chars: buildCharIndex(base.normalized) };
}

/** Every passage containing `needle` (already normalised), like Ctrl-F over the corpus. */
export function passagesContaining(index: SearchIndex, needle: string): Int32Array {
  return findContaining(index.chars, index.normalized, needle);
}
