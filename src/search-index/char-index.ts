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

/** Calls `visit` with every key of a text: each unit, and each pair of adjacent units. */
function forEachKey(text: string, visit: (key: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    visit(unigramKey(text, i));
    if (i + 1 < text.length) visit(bigramKey(text, i));
  }
}

/** Builds the index over normalised passage texts; passage numbers are positions in `texts`. */
export function buildCharIndex(texts: readonly string[]): CharIndex {
  const ids = new Map<number, number>();
  let counts: Int32Array = new Int32Array(1 << 16);
  let lastSeenIn: Int32Array = new Int32Array(1 << 16).fill(-1); // the last passage counted for each id: counts once a passage
  // Pass 1: give every key an id and count the passages it occurs in.
  for (let p = 0; p < texts.length; p++) {
    forEachKey(texts[p], (key) => {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        if (id >= counts.length) {
          counts = grow(counts, 0);
          lastSeenIn = grow(lastSeenIn, -1);
        }
      }
      if (lastSeenIn[id] !== p) {
        lastSeenIn[id] = p;
        counts[id]++;
      }
    });
  }
  // Order the keys so that look-ups are a binary search and the file needs no hash table.
  const entries = [...ids.entries()].sort((a, b) => a[0] - b[0]);
  const keys = new Float64Array(entries.length);
  const rank = new Int32Array(entries.length);
  const offsets = new Uint32Array(entries.length + 1);
  for (let r = 0; r < entries.length; r++) {
    keys[r] = entries[r][0];
    rank[entries[r][1]] = r;
    offsets[r + 1] = offsets[r] + counts[entries[r][1]];
  }
  // Pass 2: fill the lists in passage order, so each is sorted.
  const postings = new Int32Array(offsets[entries.length]);
  const tfs = new Uint8Array(postings.length);
  const fill = offsets.slice(0, entries.length);
  lastSeenIn.fill(-1);
  for (let p = 0; p < texts.length; p++) {
    forEachKey(texts[p], (key) => {
      const r = rank[ids.get(key) as number];
      if (lastSeenIn[r] !== p) {
        lastSeenIn[r] = p;
        postings[fill[r]++] = p;
      }
      const at = fill[r] - 1;
      if (tfs[at] < 255) tfs[at]++;
    });
  }
  return { keys, offsets, postings, tfs };
}

function grow(array: Int32Array, fillValue: number): Int32Array {
  const bigger = new Int32Array(array.length * 2).fill(fillValue);
  bigger.set(array);
  return bigger;
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
  if (needle.length === 0) return new Int32Array(0);
  if (needle.length === 1) return postingsOf(index, unigramKey(needle, 0));
  const lists: Int32Array[] = [];
  for (let i = 0; i + 1 < needle.length; i++) lists.push(postingsOf(index, bigramKey(needle, i)));
  lists.sort((a, b) => a.length - b.length);
  let candidates = lists[0];
  for (let k = 1; k < lists.length && candidates.length > 0; k++) candidates = intersectSorted(candidates, lists[k]);
  if (needle.length === 2) return candidates;
  const out = new Int32Array(candidates.length);
  let n = 0;
  for (const p of candidates) if (texts[p].includes(needle)) out[n++] = p;
  return out.subarray(0, n);
}
