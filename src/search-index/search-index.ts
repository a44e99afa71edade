import type { Passage, PolicyDocument } from '../types.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import { findContaining, findOccurrences, type CharIndex, type KeyPostings } from './char-index.js';
import type { WordStarts } from './word-starts.js';

/** Everything a query needs, in memory: the passages, their normalised texts and the bigram index. */
export interface SearchIndex {
  readonly documents: readonly PolicyDocument[];
  /** All passages of all documents, in corpus order; a passage's number is its position here. */
  readonly passages: readonly Passage[];
  /** The normalised text of each passage (same length as the text shown, so offsets carry over). */
  readonly normalized: readonly string[];
  /** The document number (position in `documents`) of each passage. */
  readonly passageDoc: Int32Array;
  /** The first passage of each document, and one past the last passage at the end (documents hold runs of passages). */
  readonly docStart: Int32Array;
  readonly chars: CharIndex;
  /** Where jieba's words begin in every passage, for ranking whole-word occurrences first. */
  readonly words: WordStarts;
  /** Mean passage length in characters, for BM25's length normalisation. */
  readonly averageLength: number;
  /** Length of each normalised passage, and whether it is a heading: typed arrays, so that scoring a hundred
   * thousand matches reads contiguous memory instead of a hundred thousand scattered objects. */
  readonly lengths: Uint32Array;
  readonly headings: Uint8Array;
  /** The section number of each passage: passages under the same headings of a document share one. */
  readonly passageSection: Int32Array;
  /** Per section: its normalised heading path and document title, for the section boost. */
  readonly sectionContexts: readonly string[];
  /** Facet columns: each document's region as a number into `regionNames`, its level into `levelNames`, its year
   * into the ascending `yearValues` (-1 for none), so that filters and facets count in typed arrays. */
  readonly docRegion: Int32Array;
  readonly regionNames: readonly string[];
  readonly docLevel: Int32Array;
  readonly levelNames: readonly string[];
  readonly docYear: Int32Array;
  readonly yearValues: readonly number[];
}

/** The parts of an index that are derived from the documents alone (rebuilt cheaply after a cache load). */
export type PassageColumns = Omit<SearchIndex, 'chars' | 'words'>;

export function indexPassages(documents: readonly PolicyDocument[], normalizedTexts?: readonly string[]): PassageColumns {
  const columns = passageColumns(documents, normalizedTexts);
  columns.add(documents.length);
  return columns.finish();
}

/**
 * indexPassages with `pause()` after every few documents: a server swapping in a new index answers requests
 * meanwhile (on laws the whole took 0.2 s, which a request waited out in one piece).
 */
export async function indexPassagesInSteps(documents: readonly PolicyDocument[], normalizedTexts: readonly string[], pause: () => Promise<void>, step = 100): Promise<PassageColumns> {
  const columns = passageColumns(documents, normalizedTexts);
  for (let to = step; to < documents.length + step; to += step) {
    columns.add(Math.min(to, documents.length));
    await pause();
  }
  return columns.finish();
}

/** The columns filled a run of documents at a time: `add(to)` takes the documents up to `to`. */
function passageColumns(documents: readonly PolicyDocument[], normalizedTexts?: readonly string[]) {
  let count = 0;
  for (const doc of documents) count += doc.passages.length;
  const passages: Passage[] = [];
  // A cache holds the normalised texts already; normalising 19 M characters again took a second.
  const normalized = normalizedTexts ?? documents.flatMap((doc) => doc.passages.map((p) => normalizeText(p.text)));
  // Plain loops: typed-array `from` with a map function goes through the iterator protocol, 70 ns a passage.
  const passageDoc = new Int32Array(count);
  const docStart = new Int32Array(documents.length + 1);
  const lengths = new Uint32Array(count);
  const headings = new Uint8Array(count);
  const passageSection = new Int32Array(count);
  const sectionContexts: string[] = [];
  let totalLength = 0;
  let i = 0;
  let d = 0;
  let previous = '';
  let previousPath: readonly string[] | null = null;
  return {
    add(to: number): void {
      for (; d < to; d++) {
        docStart[d] = i;
        previousPath = null;
        for (const p of documents[d].passages) {
          passages.push(p);
          passageDoc[i] = d;
          lengths[i] = normalized[i].length;
          totalLength += lengths[i];
          headings[i] = p.heading ? 1 : 0;
          // Neighbours share their section: the context is normalised only when its raw form changes, and its raw
          // form is only looked at when the path is another array (unpacked passages of one section share one).
          if (p.section !== previousPath) {
            const raw = `${p.section.join(' ')} ${documents[d].title}`;
            if (raw !== previous || i === 0) sectionContexts.push(normalizeText(raw));
            previous = raw;
            previousPath = p.section;
          }
          passageSection[i++] = sectionContexts.length - 1;
        }
      }
    },
    finish(): PassageColumns {
      docStart[documents.length] = i;
      const averageLength = passages.length ? totalLength / passages.length : 0;
      return { documents, passages, normalized, passageDoc, docStart, averageLength, lengths, headings, passageSection, sectionContexts, ...facetColumns(documents) };
    },
  };
}

/** Numbers each document's region, level and year, so facets count in typed arrays instead of string-keyed objects. */
function facetColumns(documents: readonly PolicyDocument[]): Pick<SearchIndex, 'docRegion' | 'regionNames' | 'docLevel' | 'levelNames' | 'docYear' | 'yearValues'> {
  const regions = numbering(documents.map((d) => d.region));
  const levels = numbering(documents.map((d) => d.level));
  const years = numbering(documents.map((d) => d.year), (a, b) => a - b);
  return { docRegion: regions.column, regionNames: regions.values, docLevel: levels.column, levelNames: levels.values, docYear: years.column, yearValues: years.values };
}

/** Each value's number into the distinct values (in the order met, or sorted by `order`); -1 for null. */
function numbering<T>(values: readonly (T | null)[], order?: (a: T, b: T) => number): { column: Int32Array; values: T[] } {
  const distinct = [...new Set(values.filter((v): v is T => v !== null))];
  if (order) distinct.sort(order);
  const numbers = new Map(distinct.map((v, i) => [v, i]));
  return { column: Int32Array.from(values, (v) => (v === null ? -1 : numbers.get(v)!)), values: distinct };
}

/** Every passage containing `needle` (already normalised), like Ctrl-F over the corpus. */
export function passagesContaining(index: Pick<SearchIndex, 'chars' | 'normalized'>, needle: string): Int32Array {
  return findContaining(index.chars, index.normalized, needle);
}

/** passagesContaining with the needle's number of occurrences in each passage, for ranking. */
export function occurrences(index: Pick<SearchIndex, 'chars' | 'normalized'>, needle: string): KeyPostings {
  return findOccurrences(index.chars, index.normalized, needle);
}
