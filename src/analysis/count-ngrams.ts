import { isStopToken } from '../tokenize/stop-words.js';
import type { SearchIndex } from '../search-index/search-index.js';
import { wordSpans } from '../search-index/word-starts.js';

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

/** What candidates are found in: the normalised passages and jieba's word edges in them. */
export type CandidateSource = Pick<SearchIndex, 'normalized' | 'words'>;

/** A candidate phrase and how many words it has (0 for a quoted formulation). */
export interface Candidate {
  readonly phrase: string;
  readonly words: number;
  readonly count: number;
  /** The last of its words, for a phrase of several. */
  readonly lastWord?: string;
}

/** The corpus as word ids: `ids[k]` is a word, `gap[k]` says punctuation, space or a new passage stands before it. */
interface WordStream {
  readonly ids: Int32Array;
  readonly gap: Uint8Array;
  readonly words: string[];
}

/**
 * The corpus as one compact stream of word ids, read from the index's word edges: they are jieba's cut of every
 * passage, made once at build, so the phrase count does not cut 20 million characters again.
 */
function toWordStream(source: CandidateSource): WordStream {
  const vocabulary = new Map<string, number>();
  const words: string[] = [];
  let ids = new Int32Array(1 << 16);
  let gap = new Uint8Array(1 << 16);
  let n = 0;
  source.normalized.forEach((text, p) => {
    let lastEnd = -1;
    const spans = wordSpans(source.words, p, text);
    for (let w = 0; w < spans.length; w += 2) {
      const start = spans[w];
      const end = spans[w + 1];
      if (n === ids.length) {
        ids = grow(ids, new Int32Array(n * 2));
        gap = grow(gap, new Uint8Array(n * 2));
      }
      const word = text.slice(start, end);
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = words.length;
        vocabulary.set(word, id);
        words.push(word);
      }
      ids[n] = id;
      gap[n] = start !== lastEnd ? 1 : 0;
      lastEnd = end;
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
  /** Per stream position: the number of the frequent n-gram starting there, or -1 (emptied once the next level is built). */
  gramAt: Int32Array;
  readonly counts: Int32Array;
  readonly firstAt: Int32Array;
}

/**
 * Frequent word n-grams, level by level, with typed arrays only: an n-gram starting at k is the pair (its
 * (n-1)-gram at k, the (n-1)-gram at k+1), both frequent, with no punctuation inside; pairs are numbered by
 * sorting them (two counting-sort passes), so no hash table of millions of strings is ever built.
 */
function frequentNgrams(stream: WordStream, options: NgramOptions): Level[] {
  const size = stream.ids.length;
  const wordCounts = new Int32Array(stream.words.length);
  for (const id of stream.ids) wordCounts[id]++;
  const heads = new Int32Array(size);
  for (let k = 0; k < size; k++) heads[k] = wordCounts[stream.ids[k]] >= options.minCount ? stream.ids[k] : -1;
  const levels: Level[] = [{ n: 1, ...numberPairs(heads, new Int32Array(size), stream.words.length, 1, options.minCount) }];
  for (let n = 2; n <= options.maxWords; n++) {
    const below = levels[levels.length - 1];
    const groups = below.counts.length;
    const tails = new Int32Array(size).fill(-1);
    for (let k = 0; k + n <= size; k++) {
      if (below.gramAt[k] >= 0 && below.gramAt[k + 1] >= 0 && !stream.gap[k + n - 1]) tails[k] = below.gramAt[k + 1];
    }
    const level = numberPairs(below.gramAt, tails, groups, groups, options.minCount);
    below.gramAt = new Int32Array(0); // 4 bytes a word per level: only the next level reads it
    if (level.counts.length === 0) break;
    levels.push({ n, ...level });
  }
  return levels;
}

/**
 * Numbers the pairs (heads[k], tails[k]) that occur at least `minCount` times, in pair order, and says which
 * number stands at each position; a position whose head or tail is -1 holds none. Two stable counting sorts, by
 * tail and then by head, put equal pairs together with their positions in text order, so each pair's first
 * position is the first of its run.
 */
function numberPairs(heads: Int32Array, tails: Int32Array, headRange: number, tailRange: number, minCount: number): Omit<Level, 'n'> {
  const size = heads.length;
  const offsets = new Int32Array(Math.max(headRange, tailRange) + 1);
  let valid = 0;
  for (let k = 0; k < size; k++) {
    if (heads[k] >= 0 && tails[k] >= 0) {
      offsets[tails[k] + 1]++;
      valid++;
    }
  }
  for (let t = 0; t < tailRange; t++) offsets[t + 1] += offsets[t];
  const byTail = new Int32Array(valid);
  for (let k = 0; k < size; k++) if (heads[k] >= 0 && tails[k] >= 0) byTail[offsets[tails[k]]++] = k;
  offsets.fill(0);
  for (let i = 0; i < valid; i++) offsets[heads[byTail[i]] + 1]++;
  for (let h = 0; h < headRange; h++) offsets[h + 1] += offsets[h];
  const headStart = offsets.slice(0, headRange + 1);
  const sorted = new Int32Array(valid);
  const sortedTail = new Int32Array(valid);
  for (let i = 0; i < valid; i++) {
    const k = byTail[i];
    const to = offsets[heads[k]]++;
    sorted[to] = k;
    sortedTail[to] = tails[k];
  }
  const gramAt = new Int32Array(size).fill(-1);
  const counts: number[] = [];
  const firstAt: number[] = [];
  // Within one head's stretch the tails are sorted: runs of one tail are the pairs.
  for (let h = 0; h < headRange; h++) {
    for (let i = headStart[h]; i < headStart[h + 1]; ) {
      let j = i + 1;
      while (j < headStart[h + 1] && sortedTail[j] === sortedTail[i]) j++;
      if (j - i >= minCount) {
        for (let r = i; r < j; r++) gramAt[sorted[r]] = counts.length;
        firstAt.push(sorted[i]);
        counts.push(j - i);
      }
      i = j;
    }
  }
  return { gramAt, counts: Int32Array.from(counts), firstAt: Int32Array.from(firstAt) };
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
export function findCandidates(source: CandidateSource, terms: ReadonlySet<string>, options: NgramOptions = defaultNgramOptions): Candidate[] {
  const stream = toWordStream(source);
  const levels = frequentNgrams(stream, options);
  const edge = Uint8Array.from(stream.words, (word) => (isEdgeWord(word) ? 1 : 0));
  // Millions of n-grams recur; only their counts are kept until the most frequent are known, then those get strings.
  const upper = levels.slice(Math.max(2, options.minWords) - 1);
  const total = upper.reduce((sum, level) => sum + level.counts.length, 0);
  const gramLevel = new Uint8Array(total);
  const gramNumber = new Int32Array(total);
  const counts = new Int32Array(total);
  let grams = 0;
  upper.forEach((level, l) => {
    for (let gram = 0; gram < level.counts.length; gram++) {
      const at = level.firstAt[gram];
      if (edge[stream.ids[at]] && edge[stream.ids[at + level.n - 1]]) {
        gramLevel[grams] = l;
        gramNumber[grams] = gram;
        counts[grams++] = level.counts[gram];
      }
    }
  });
  const named: Candidate[] = [];
  // Single words are phrases too when they are policy terms (河长制) or long compounds jieba keeps whole (疫情防控).
  const single = levels[0];
  single?.counts.forEach((count, g) => {
    const id = stream.ids[single.firstAt[g]];
    const word = stream.words[id];
    if ((terms.has(word) || word.length >= 4) && edge[id] && /^\p{Script=Han}+$/u.test(word)) named.push({ phrase: word, words: 1, count });
  });
  for (const [phrase, count] of quotedFormulations(source.normalized)) if (count >= options.minCount) named.push({ phrase, words: 0, count });
  const phraseOf = (i: number): Candidate => {
    const level = upper[gramLevel[i]];
    const gram = gramNumber[i];
    const at = level.firstAt[gram];
    let phrase = '';
    for (let k = at; k < at + level.n; k++) phrase += stream.words[stream.ids[k]];
    return { phrase, words: level.n, count: level.counts[gram], lastWord: stream.words[stream.ids[at + level.n - 1]] };
  };
  return mostFrequent(counts.subarray(0, grams), named, phraseOf, options.maxCandidates);
}

/**
 * The `limit` most frequent distinct phrases (ties by phrase), of `counts.length` unnamed ones (`make(i)` names the
 * i-th) and the named ones; a phrase found in several ways keeps its highest count. Only those at or above a count
 * threshold get a string: the threshold falls until enough distinct phrases are above it, so every phrase that
 * ties with the last one kept is among them and the result is the same as naming all.
 */
function mostFrequent(counts: Int32Array, named: readonly Candidate[], make: (i: number) => Candidate, limit: number): Candidate[] {
  const all = new Int32Array(counts.length + named.length);
  all.set(counts);
  named.forEach((c, i) => (all[counts.length + i] = c.count));
  all.sort().reverse();
  for (let want = limit; ; want *= 2) {
    const threshold = all.length === 0 ? 0 : all[Math.min(want, all.length) - 1];
    const unique = new Map<string, Candidate>();
    const add = (c: Candidate) => {
      if (!unique.has(c.phrase) || unique.get(c.phrase)!.count < c.count) unique.set(c.phrase, c);
    };
    for (let i = 0; i < counts.length; i++) if (counts[i] >= threshold) add(make(i));
    for (const c of named) if (c.count >= threshold) add(c);
    if (unique.size >= limit || want >= all.length) {
      return [...unique.values()].sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase)).slice(0, limit);
    }
  }
}
