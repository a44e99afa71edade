import { intersectSorted } from './sorted-sets.js';

/**
 * The character-bigram index behind the exact-match guarantee. For every pair of adjacent UTF-16 units of every
 * normalised passage it keeps the sorted list of passages holding that pair (as Elasticsearch's `cjk` analyzer
 * does). A query string's passages are the intersection of its bigrams' lists, verified with `includes`: the
 * answer is exactly the set of passages containing the string, like Ctrl-F, whatever jieba made of it.
 */

/** Sorted bigram keys, and for key `k` at position `i` its passages `postings[offsets[i] .. offsets[i+1])`. */
export interface CharIndex {
  readonly keys: Float64Array;
  readonly offsets: Uint32Array;
  readonly postings: Int32Array;
}

/** The key of the bigram starting at `i` (two UTF-16 units packed into one number). */
function bigramKey(text: string, i: number): number {
  return text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
}

/** Builds the index over normalised passage texts; passage numbers are positions in `texts`. */
export function buildCharIndex(texts: readonly string[]): CharIndex {
  const ids = new Map<number, number>();
  let counts: Int32Array = new Int32Array(1 << 16);
  let lastSeenIn: Int32Array = new Int32Array(1 << 16).fill(-1); // the last passage counted for each id: counts once a passage
  // Pass 1: give every bigram an id and count the passages it occurs in.
  for (let p = 0; p < texts.length; p++) {
    const text = texts[p];
    for (let i = 0; i + 1 < text.length; i++) {
      const key = bigramKey(text, i);
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
    }
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
  const fill = offsets.slice(0, entries.length);
  lastSeenIn.fill(-1);
  for (let p = 0; p < texts.length; p++) {
    const text = texts[p];
    for (let i = 0; i + 1 < text.length; i++) {
      const r = rank[ids.get(bigramKey(text, i)) as number];
      if (lastSeenIn[r] !== p) {
        lastSeenIn[r] = p;
        postings[fill[r]++] = p;
      }
    }
  }
  return { keys, offsets, postings };
}

function grow(array: Int32Array, fillValue: number): Int32Array {
  const bigger = new Int32Array(array.length * 2).fill(fillValue);
  bigger.set(array);
  return bigger;
}

/** The passages holding the bigram at `i` of `text` (empty when none does). */
function postingsAt(index: CharIndex, text: string, i: number): Int32Array {
  const key = bigramKey(text, i);
  let lo = 0;
  let hi = index.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = index.keys[mid];
    if (k === key) return index.postings.subarray(index.offsets[mid], index.offsets[mid + 1]);
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return new Int32Array(0);
}

/**
 * Every passage whose normalised text contains `needle` (already normalised), in passage order. One character
 * has no bigram: it is found by a scan.
 */
export function findContaining(index: CharIndex, texts: readonly string[], needle: string): Int32Array {
  if (needle.length === 0) return new Int32Array(0);
  if (needle.length === 1) return scan(texts, needle, null);
  const lists: Int32Array[] = [];
  for (let i = 0; i + 1 < needle.length; i++) lists.push(postingsAt(index, needle, i));
  lists.sort((a, b) => a.length - b.length);
  let candidates = lists[0];
  for (let k = 1; k < lists.length && candidates.length > 0; k++) candidates = intersectSorted(candidates, lists[k]);
  return needle.length === 2 ? candidates : scan(texts, needle, candidates);
}

function scan(texts: readonly string[], needle: string, candidates: Int32Array | null): Int32Array {
  const count = candidates ? candidates.length : texts.length;
  const out = new Int32Array(count);
  let n = 0;
  for (let k = 0; k < count; k++) {
    const p = candidates ? candidates[k] : k;
    if (texts[p].includes(needle)) out[n++] = p;
  }
  return out.subarray(0, n);
}
