import { diffChars } from 'diff';

/**
 * Text copied between reports: pairs of passages of different documents that share most of their characters in
 * order. Candidates come from MinHash signatures of character 5-shingles and locality-sensitive hashing (bands of
 * rows), checked on the exact shingle sets; the similarity is then measured on the characters themselves —
 * 2 × (longest common subsequence) / (both lengths), the share a side-by-side view shows as common — so every figure
 * listed is the definition's, not an estimate. A paragraph copied with 5% of its characters changed scores 0.95.
 */

/** The version of the copy rules: a cached result of another version is computed again. */
export const COPY_RULES_VERSION = 2;

/** Options of the copy search. */
export interface CopyOptions {
  /** Characters per shingle. */
  readonly shingle: number;
  /** Passages shorter than this (in characters) are left out: short lines are alike by chance or by form. */
  readonly minLength: number;
  /** The least similarity kept (the API's `minSimilarity` filters above it). */
  readonly minSimilarity: number;
  /** Candidates whose shingle sets share less than this (Jaccard) are not measured: 5% of characters changed leaves about 0.63. */
  readonly minJaccard: number;
  /** MinHash: bands × rows hash functions; with 10 × 3 a pair of Jaccard 0.63 is a candidate with probability 0.94. */
  readonly bands: number;
  readonly rows: number;
  /** A passage whose near-copies lie in at least this share of the documents is boilerplate every report has. */
  readonly boilerplateShare: number;
}

export const defaultCopyOptions: CopyOptions = { shingle: 5, minLength: 40, minSimilarity: 0.5, minJaccard: 0.4, bands: 10, rows: 3, boilerplateShare: 0.5 };

/** Two passages (their numbers in the index) and their similarity: 2 × common characters in order / both lengths. */
export interface CopyPair {
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
}

/** What the search reads: each passage's normalised text and document, and whether it is a heading. */
export interface CopySource {
  readonly normalized: readonly string[];
  readonly passageDoc: Int32Array;
  readonly headings: Uint8Array;
}

/** The copies of a corpus, and the passages set aside as boilerplate (near-copies in most documents). */
export interface Copies {
  readonly pairs: readonly CopyPair[];
  readonly boilerplate: readonly number[];
}

/** A text as it is compared: without spaces (a line break or a space is no difference between two copies). */
function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** The similarity of two texts: twice their longest common subsequence of characters over their lengths (0–1). */
export function characterSimilarity(x: string, y: string): number {
  const [a, b] = [compact(x), compact(y)];
  if (a.length + b.length === 0) return 0;
  const common = diffChars(a, b).reduce((n, part) => (part.added || part.removed ? n : n + part.value.length), 0);
  return Math.round(((2 * common) / (a.length + b.length)) * 1000) / 1000;
}

/** The sorted, distinct 32-bit hashes of a text's shingles (FNV-1a over the characters). */
export function shingleSet(text: string, size = defaultCopyOptions.shingle): Uint32Array {
  const compactText = compact(text);
  const hashes = new Uint32Array(Math.max(0, compactText.length - size + 1));
  for (let i = 0; i + size <= compactText.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + size; k++) h = Math.imul(h ^ compactText.charCodeAt(k), 0x01000193);
    hashes[i] = h >>> 0;
  }
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[n++] = hashes[i];
  return hashes.subarray(0, n);
}

/** Jaccard similarity of two sorted sets: |A ∩ B| / |A ∪ B|. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let [i, j, shared] = [0, 0, 0];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** A 32-bit mix of a hash with the seed of one MinHash function (murmur3's finaliser). */
function mix(h: number, seed: number): number {
  let x = Math.imul(h ^ seed, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The largest LSH bucket that is paired: a bigger one holds a form every report repeats, not a copy. */
const MAX_BUCKET = 64;

/** Finds the near-duplicate passages of different documents. */
export function findCopies(source: CopySource, options: Partial<CopyOptions> = {}): Copies {
  const o = { ...defaultCopyOptions, ...options };
  const functions = o.bands * o.rows;
  const seeds = Array.from({ length: functions }, (_, k) => mix(k + 1, 0x9e3779b9));
  const sets = new Map<number, Uint32Array>();
  const buckets: Map<string, number[]>[] = Array.from({ length: o.bands }, () => new Map());
  const signature = new Uint32Array(functions);
  source.normalized.forEach((text, p) => {
    if (source.headings[p] || text.length < o.minLength) return;
    const set = shingleSet(text, o.shingle);
    if (set.length === 0) return;
    sets.set(p, set);
    signature.fill(0xffffffff);
    for (const h of set) for (let f = 0; f < functions; f++) signature[f] = Math.min(signature[f], mix(h, seeds[f]));
    for (let band = 0; band < o.bands; band++) {
      const key = Array.from(signature.subarray(band * o.rows, (band + 1) * o.rows)).join(',');
      const bucket = buckets[band].get(key);
      if (bucket) bucket.push(p);
      else buckets[band].set(key, [p]);
    }
  });
  const seen = new Set<string>();
  const pairs: CopyPair[] = [];
  for (const bandBuckets of buckets) {
    for (const bucket of bandBuckets.values()) {
      if (bucket.length < 2 || bucket.length > MAX_BUCKET) continue;
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const [a, b] = [bucket[i], bucket[j]];
          if (source.passageDoc[a] === source.passageDoc[b]) continue;
          const key = `${a},${b}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (jaccard(sets.get(a)!, sets.get(b)!) < o.minJaccard) continue;
          const similarity = characterSimilarity(source.normalized[a], source.normalized[b]);
          if (similarity >= o.minSimilarity) pairs.push({ a, b, similarity });
        }
      }
    }
  }
  return setAsideBoilerplate(pairs, source, o.boilerplateShare);
}

/** The groups of passages joined by pairs (connected components): a paragraph copied into five reports is one group of five. */
export function copyGroups(pairs: readonly CopyPair[]): number[][] {
  const parent = new Map<number, number>();
  const find = (p: number): number => {
    let root = p;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(p, root);
    return root;
  };
  for (const { a, b } of pairs) parent.set(find(a), find(b));
  const groups = new Map<number, number[]>();
  for (const p of parent.keys()) (groups.get(find(p)) ?? groups.set(find(p), []).get(find(p))!).push(p);
  return [...groups.values()].map((g) => g.sort((x, y) => x - y)).sort((x, y) => y.length - x.length || x[0] - y[0]);
}

/**
 * Drops the pairs of passages whose group of near-copies reaches `share` of the documents, in a corpus of four or
 * more: 各位代表… salutations and closing appeals that every report has are no copying.
 */
function setAsideBoilerplate(pairs: CopyPair[], source: CopySource, share: number): Copies {
  const documents = new Set(source.passageDoc).size;
  const boilerplate = new Set<number>();
  for (const group of copyGroups(pairs)) {
    const docs = new Set(group.map((p) => source.passageDoc[p]));
    if (documents >= 4 && docs.size >= share * documents) for (const p of group) boilerplate.add(p);
  }
  const kept = pairs.filter((pair) => !boilerplate.has(pair.a)).sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  return { pairs: kept, boilerplate: [...boilerplate].sort((x, y) => x - y) };
}
