import { intersectSorted } from './sorted-sets.js';

/**
 * The character index behind the exact-match guarantee. For every UTF-16 unit and every pair of adjacent units
 * of every normalised passage it keeps the sorted list of passages holding it (bigrams as Elasticsearch's `cjk`
 * analyzer makes them, plus single characters so that 法 or 镇 need no scan). A query string's passages are the
 * intersection of its bigrams' lists, verified with `includes`: exactly the passages containing the string, like
 * Ctrl-F, whatever jieba made of it.
 */

/** Sorted unigram and bigram keys; the key at position `i` has the passages `postings[offsets[i] .. offsets[i+1])`. */
export interface CharIndex {
  readonly keys: Float64Array;
  readonly offsets: Uint32Array;
  readonly postings: Int32Array;
  /** How often the key occurs in each posting's passage (capped at 255), for BM25 without reading the text. */
  readonly tfs: Uint8Array;
}

/** A key's passages with the key's frequency in each. */
export interface KeyPostings {
  readonly passages: Int32Array;
  readonly tfs: Uint8Array;
}

/** The key of the bigram starting at `i` (two UTF-16 units packed into one number above every unigram key). */
function bigramKey(text: string, i: number): number {
  return 0x100000000 + text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
}

/** The key of the single unit at `i`: its code. */
function unigramKey(text: string, i: number): number {
  return text.charCodeAt(i);
}

/** Builds the index over normalised passage texts; passage numbers are positions in `texts`. */
export function buildCharIndex(texts: readonly string[]): CharIndex {
  const ids = new KeyIds();
  const tally = new PassageTally();
  // Pass 1: give every key an id (in the order first met) and count the passages it occurs in.
  for (let p = 0; p < texts.length; p++) {
    const text = texts[p];
    for (let i = 0; i < text.length; i++) {
      const a = text.charCodeAt(i);
      tally.count(ids.unigram(a), p);
      if (i + 1 < text.length) tally.count(ids.bigram(a, text.charCodeAt(i + 1)), p);
    }
  }
  // Order the keys so that look-ups are a binary search and the file needs no hash table.
  const n = ids.size;
  const keys = ids.keys().sort();
  const rank = new Int32Array(n);
  const offsets = new Uint32Array(n + 1);
  for (let id = 0; id < n; id++) {
    rank[id] = findSorted(keys, ids.keyOf(id));
    offsets[rank[id] + 1] = tally.counts[id];
  }
  for (let r = 0; r < n; r++) offsets[r + 1] += offsets[r];
  // Pass 2: fill the lists in passage order, so each is sorted.
  const lists = new PostingFill(offsets);
  for (let p = 0; p < texts.length; p++) {
    const text = texts[p];
    for (let i = 0; i < text.length; i++) {
      const a = text.charCodeAt(i);
      lists.add(rank[ids.unigram(a)], p);
      if (i + 1 < text.length) lists.add(rank[ids.bigram(a, text.charCodeAt(i + 1))], p);
    }
  }
  return { keys, offsets, postings: lists.postings, tfs: lists.tfs };
}

/** Pass 1's counts: in how many passages each key id occurs (a passage counted once however often it holds the key). */
class PassageTally {
  counts = new Int32Array(1 << 16);
  private lastSeenIn = new Int32Array(1 << 16).fill(-1);

  count(id: number, p: number): void {
    if (id >= this.counts.length) {
      this.counts = grow(this.counts, 0);
      this.lastSeenIn = grow(this.lastSeenIn, -1);
    }
    if (this.lastSeenIn[id] !== p) {
      this.lastSeenIn[id] = p;
      this.counts[id]++;
    }
  }
}

/** Pass 2's lists: each key's passages in the order met, with the key's frequency in each (capped at 255). */
class PostingFill {
  readonly postings: Int32Array;
  readonly tfs: Uint8Array;
  private readonly fill: Uint32Array;
  private readonly lastSeenIn: Int32Array;

  constructor(offsets: Uint32Array) {
    const n = offsets.length - 1;
    this.postings = new Int32Array(offsets[n]);
    this.tfs = new Uint8Array(this.postings.length);
    this.fill = offsets.slice(0, n);
    this.lastSeenIn = new Int32Array(n).fill(-1);
  }

  add(r: number, p: number): void {
    if (this.lastSeenIn[r] !== p) {
      this.lastSeenIn[r] = p;
      this.postings[this.fill[r]++] = p;
    }
    const at = this.fill[r] - 1;
    if (this.tfs[at] < 255) this.tfs[at]++;
  }
}

/**
 * The id of every key met, in the order first met: a unit's id from a table of all 65,536, a pair's from open
 * addressing over the two units packed into 32 bits. A Map keyed by the pairs' numbers (above 2³², so heap
 * numbers) took 9 s for the 38 M keys of the 63 MB corpus, twice over.
 */
class KeyIds {
  size = 0;
  private readonly units = new Int32Array(1 << 16).fill(-1);
  private pairs = new Uint32Array(1 << 16);
  private pairIds = new Int32Array(1 << 16).fill(-1);
  private shift = 16;
  private keyList = new Float64Array(1 << 16);

  unigram(a: number): number {
    const id = this.units[a];
    return id >= 0 ? id : (this.units[a] = this.add(a));
  }

  bigram(a: number, b: number): number {
    const pair = ((a << 16) | b) >>> 0;
    const mask = this.pairs.length - 1;
    let slot = Math.imul(pair, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const id = this.pairIds[slot];
      if (id < 0) break;
      if (this.pairs[slot] === pair) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.add(0x100000000 + pair);
    this.pairs[slot] = pair;
    this.pairIds[slot] = id;
    if (++this.pairCount * 2 > this.pairs.length) this.rehash();
    return id;
  }

  keyOf(id: number): number {
    return this.keyList[id];
  }

  /** The keys of all ids, in id order (a copy). */
  keys(): Float64Array {
    return this.keyList.slice(0, this.size);
  }

  private pairCount = 0;

  private add(key: number): number {
    if (this.size === this.keyList.length) {
      const bigger = new Float64Array(this.keyList.length * 2);
      bigger.set(this.keyList);
      this.keyList = bigger;
    }
    this.keyList[this.size] = key;
    return this.size++;
  }

  private rehash(): void {
    const [oldPairs, oldIds] = [this.pairs, this.pairIds];
    this.pairs = new Uint32Array(oldPairs.length * 2);
    this.pairIds = new Int32Array(oldIds.length * 2).fill(-1);
    this.shift--;
    const mask = this.pairs.length - 1;
    for (let s = 0; s < oldPairs.length; s++) {
      if (oldIds[s] < 0) continue;
      let slot = Math.imul(oldPairs[s], 0x9e3779b1) >>> this.shift;
      while (this.pairIds[slot] >= 0) slot = (slot + 1) & mask;
      this.pairs[slot] = oldPairs[s];
      this.pairIds[slot] = oldIds[s];
    }
  }
}

function grow(array: Int32Array<ArrayBuffer>, fillValue: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2).fill(fillValue);
  bigger.set(array);
  return bigger;
}

/** The position of `key` in sorted `keys` (it is there). */
function findSorted(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The position of a key in the sorted keys, or -1. */
function findKey(index: CharIndex, key: number): number {
  let lo = 0;
  let hi = index.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = index.keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The passages holding a key (empty when none does). */
function postingsOf(index: CharIndex, key: number): Int32Array {
  const at = findKey(index, key);
  return at < 0 ? new Int32Array(0) : index.postings.subarray(index.offsets[at], index.offsets[at + 1]);
}

/** For a needle of one or two units: its passages and how often it occurs in each; otherwise null. */
export function keyPostings(index: CharIndex, needle: string): KeyPostings | null {
  if (needle.length === 0 || needle.length > 2) return null;
  const at = findKey(index, needle.length === 1 ? unigramKey(needle, 0) : bigramKey(needle, 0));
  if (at < 0) return { passages: new Int32Array(0), tfs: new Uint8Array(0) };
  const [from, to] = [index.offsets[at], index.offsets[at + 1]];
  return { passages: index.postings.subarray(from, to), tfs: index.tfs.subarray(from, to) };
}

/**
 * Every passage whose normalised text contains `needle` (already normalised), in passage order. One or two
 * units are a single list; a longer needle intersects its bigrams' lists and checks the few candidates left.
 */
export function findContaining(index: CharIndex, texts: readonly string[], needle: string): Int32Array {
  if (needle.length <= 2) return findOccurrences(index, texts, needle).passages;
  const candidates = bigramCandidates(index, needle);
  const out = new Int32Array(candidates.length);
  let n = 0;
  for (const p of candidates) if (texts[p].includes(needle)) out[n++] = p;
  return out.subarray(0, n);
}

/**
 * findContaining with how often the needle occurs in each passage (overlapping occurrences count, capped at
 * 255, as in the index): a longer needle is counted while its candidates are checked, so that ranking need not
 * read the texts a second time. (findContaining stops at the first occurrence: the analyses need no counts.)
 */
export function findOccurrences(index: CharIndex, texts: readonly string[], needle: string): KeyPostings {
  if (needle.length === 0) return { passages: new Int32Array(0), tfs: new Uint8Array(0) };
  if (needle.length <= 2) return keyPostings(index, needle)!;
  const candidates = bigramCandidates(index, needle);
  const passages = new Int32Array(candidates.length);
  const tfs = new Uint8Array(candidates.length);
  let n = 0;
  for (let c = 0; c < candidates.length; c++) {
    const text = texts[candidates[c]];
    let at = text.indexOf(needle);
    if (at < 0) continue;
    let tf = 0;
    for (; at >= 0 && tf < 255; at = text.indexOf(needle, at + 1)) tf++;
    passages[n] = candidates[c];
    tfs[n++] = tf;
  }
  return { passages: passages.subarray(0, n), tfs: tfs.subarray(0, n) };
}

/** The passages holding every bigram of a needle of three or more units: a superset of those holding the needle. */
function bigramCandidates(index: CharIndex, needle: string): Int32Array {
  const lists: Int32Array[] = [];
  for (let i = 0; i + 1 < needle.length; i++) lists.push(postingsOf(index, bigramKey(needle, i)));
  lists.sort((a, b) => a.length - b.length);
  let candidates = lists[0];
  for (let k = 1; k < lists.length && candidates.length > 0; k++) candidates = intersectSorted(candidates, lists[k]);
  return candidates;
}
