import { isStopToken } from '../tokenize/stop-words.js';
import { tokenizeText } from '../tokenize/tokenize-text.js';

/**
 * Candidate phrases of a corpus: word n-grams (2 to 6 jieba words, never across punctuation) that recur, found
 * level by level (an n-gram is counted only when both its (n-1)-word parts recurred, as in Apriori), and quoted
 * formulations (“六稳”, “六稳”“六保”, “三清三拆三整治”). Counts here only choose candidates; exact counts come later.
 */

/** Options of candidate extraction. */
export interface NgramOptions {
  readonly minWords: number;
  readonly maxWords: number;
  /** An n-gram must occur at least this often to stay a candidate. */
  readonly minCount: number;
  /** At most this many candidates go on to exact counting, the most frequent first. */
  readonly maxCandidates: number;
}

export const defaultNgramOptions: NgramOptions = { minWords: 2, maxWords: 6, minCount: 2, maxCandidates: 20000 };

/** A candidate phrase and how many words it has (0 for a quoted formulation). */
export interface Candidate {
  readonly phrase: string;
  readonly words: number;
  readonly count: number;
}

/** The corpus as word ids: `ids[k]` is a word, `gap[k]` says punctuation, space or a new passage stands before it. */
interface WordStream {
  readonly ids: Int32Array;
  readonly gap: Uint8Array;
  readonly words: string[];
}

/** Tokenises every passage once into one compact stream of word ids. */
function toWordStream(texts: readonly string[]): WordStream {
  const vocabulary = new Map<string, number>();
  const words: string[] = [];
  let ids = new Int32Array(1 << 16);
  let gap = new Uint8Array(1 << 16);
  let n = 0;
  texts.forEach((text) => {
    let lastEnd = -1;
    for (const token of tokenizeText(text, false)) {
      if (n === ids.length) {
        ids = grow(ids, new Int32Array(n * 2));
        gap = grow(gap, new Uint8Array(n * 2));
      }
      let id = vocabulary.get(token.text);
      if (id === undefined) {
        id = words.length;
        vocabulary.set(token.text, id);
        words.push(token.text);
      }
      ids[n] = id;
      gap[n] = token.start !== lastEnd ? 1 : 0;
      lastEnd = token.end;
      n++;
    }
  });
  return { ids: ids.subarray(0, n), gap: gap.subarray(0, n), words };
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Characters that bind to the words around them and never make a phrase's edge: locatives and aspect markers
 * (坚强领导下, 工作中) and measure words, which belong to the number before them (12条自然村).
 */
export const BOUND_CHARACTERS: ReadonlySet<string> = new Set([...'下上中内外里后前时间以来去过着条项座处次所位批件名家户元万亿余多']);

/** Whether a word may start or end a phrase: not a function word, a bound character, punctuation, or a bare number. */
function isEdgeWord(word: string): boolean {
  return !isStopToken(word) && !BOUND_CHARACTERS.has(word) && !/^[\d.,%+\-~～/年]+$/.test(word);
}

/** The frequent n-grams of one length: a count and a first position for each, and each position's n-gram. */
interface Level {
  readonly n: number;
  /** Per stream position: the number of the frequent n-gram starting there, or -1. */
  readonly gramAt: Int32Array;
  readonly counts: Int32Array;
  readonly firstAt: Int32Array;
}

/**
 * Frequent word n-grams, level by level, with typed arrays only: an n-gram starting at k is the pair (its
 * (n-1)-gram at k, the (n-1)-gram at k+1), both frequent, with no punctuation inside; pairs are numbered by
 * sorting their keys, so no hash table of millions of strings is ever built.
 */
function frequentNgrams(stream: WordStream, options: NgramOptions): Level[] {
  const size = stream.ids.length;
  const wordCounts = new Int32Array(stream.words.length);
  for (const id of stream.ids) wordCounts[id]++;
  const first = numberKeys(Float64Array.from(stream.ids, (id) => (wordCounts[id] >= options.minCount ? id : -1)), options.minCount);
  const levels: Level[] = [{ n: 1, ...first }];
  for (let n = 2; n <= options.maxWords; n++) {
    const below = levels[levels.length - 1];
    const groups = below.counts.length;
    const keys = new Float64Array(size).fill(-1);
    for (let k = 0; k + n <= size; k++) {
      const head = below.gramAt[k];
      const tail = below.gramAt[k + 1];
      if (head >= 0 && tail >= 0 && !stream.gap[k + n - 1]) keys[k] = head * groups + tail;
    }
    const level = numberKeys(keys, options.minCount);
    if (level.counts.length === 0) break;
    levels.push({ n, ...level });
  }
  return levels;
}

/**
 * Numbers the keys (-1 = no n-gram here) that occur at least `minCount` times, in key order, and says which
 * number stands at each position.
 */
function numberKeys(keys: Float64Array, minCount: number): Omit<Level, 'n'> {
  let valid = 0;
  for (const key of keys) if (key >= 0) valid++;
  const sorted = new Float64Array(valid);
  valid = 0;
  for (const key of keys) if (key >= 0) sorted[valid++] = key;
  sorted.sort();
  const frequentKeys: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i >= minCount) {
      frequentKeys.push(sorted[i]);
      counts.push(j - i);
    }
    i = j;
  }
  const frequent = Float64Array.from(frequentKeys);
  const gramAt = new Int32Array(keys.length).fill(-1);
  const firstAt = new Int32Array(frequent.length).fill(-1);
  for (let k = 0; k < keys.length; k++) {
    if (keys[k] < 0) continue;
    const g = binarySearch(frequent, keys[k]);
    if (g < 0) continue;
    gramAt[k] = g;
    if (firstAt[g] < 0) firstAt[g] = k;
  }
  return { gramAt, counts: Int32Array.from(counts), firstAt };
}

function binarySearch(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Quoted formulations: a run of “…” items (“六稳”“六保”) and each item, up to 16 characters inside the quotes. */
function quotedFormulations(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(/(?:“[^“”\n]{1,16}”)+/g)) {
      const items = m[0].match(/“[^“”]+”/g) ?? [];
      for (const phrase of new Set(items.length > 1 ? [m[0], ...items] : items)) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The candidate phrases of normalised passage texts, most frequent first. `terms` are dictionary words (乡村振兴,
 * 河长制) that count as phrases on their own, since jieba keeps them as one word.
 */
export function findCandidates(texts: readonly string[], terms: ReadonlySet<string>, options: NgramOptions = defaultNgramOptions): Candidate[] {
  const stream = toWordStream(texts);
  const levels = frequentNgrams(stream, options);
  const candidates: Candidate[] = [];
  for (const level of levels.slice(Math.max(2, options.minWords) - 1)) {
    level.counts.forEach((count, g) => {
      const at = level.firstAt[g];
      const words = Array.from(stream.ids.subarray(at, at + level.n), (id) => stream.words[id]);
      if (isEdgeWord(words[0]) && isEdgeWord(words[words.length - 1])) candidates.push({ phrase: words.join(''), words: level.n, count });
    });
  }
  // Single words are phrases too when they are policy terms (河长制) or long compounds jieba keeps whole (疫情防控).
  const single = levels[0];
  single?.counts.forEach((count, g) => {
    const word = stream.words[stream.ids[single.firstAt[g]]];
    if ((terms.has(word) || word.length >= 4) && isEdgeWord(word) && /^\p{Script=Han}+$/u.test(word)) candidates.push({ phrase: word, words: 1, count });
  });
  for (const [phrase, count] of quotedFormulations(texts)) if (count >= options.minCount) candidates.push({ phrase, words: 0, count });
  const unique = new Map<string, Candidate>();
  for (const c of candidates) if (!unique.has(c.phrase) || unique.get(c.phrase)!.count < c.count) unique.set(c.phrase, c);
  return [...unique.values()].sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase)).slice(0, options.maxCandidates);
}
