import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCharIndex, findContaining, findOccurrences } from '../../src/search-index/char-index.js';
import { intersectSorted, subtractSorted, unionSorted } from '../../src/search-index/sorted-sets.js';
import { decodePostings, encodePostings } from '../../src/search-index/varint-postings.js';
import { sampleEngine } from '../helpers.js';

const bruteForce = (texts: readonly string[], needle: string) => texts.flatMap((t, i) => (t.includes(needle) ? [i] : []));

describe('findContaining', () => {
  it('finds exactly the passages containing any substring of the corpus, with or without counts (property)', async () => {
    const { index } = await sampleEngine();
    const texts = index.normalized;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 8 }), (p, at, length) => {
        const text = texts[p];
        const start = at % Math.max(1, text.length - length + 1);
        const needle = text.slice(start, start + length);
        expect([...findContaining(index.chars, texts, needle)]).toEqual(bruteForce(texts, needle));
        expect([...findOccurrences(index.chars, texts, needle).passages]).toEqual(bruteForce(texts, needle));
      }),
      { numRuns: 500 },
    );
  });

  it('counts each needle as often as it occurs in each passage, overlapping occurrences included', () => {
    const texts = ['哈哈哈哈，哈哈', '乡村振兴乡村振兴', '乡村', '振兴乡村振兴乡村振兴'];
    const index = buildCharIndex(texts);
    const counts = (needle: string) => {
      const found = findOccurrences(index, texts, needle);
      return [...found.passages].map((p, k) => [p, found.tfs[k]]);
    };
    expect(counts('哈哈哈')).toEqual([[0, 2]]);
    expect(counts('乡村振兴')).toEqual([[1, 2], [3, 2]]);
    expect(counts('哈哈')).toEqual([[0, 4]]);
    expect(counts('村')).toEqual([[1, 2], [2, 1], [3, 2]]);
  });

  it('finds nothing for a string that is not there, and handles one character by scanning', () => {
    const texts = ['乡村振兴', '振兴乡村', '人居环境'];
    const index = buildCharIndex(texts);
    expect([...findContaining(index, texts, '村振')]).toEqual([0]);
    expect([...findContaining(index, texts, '兴乡')]).toEqual([1]);
    expect([...findContaining(index, texts, '村')]).toEqual([0, 1]);
    expect([...findContaining(index, texts, '火星')]).toEqual([]);
  });
});

describe('buildCharIndex', () => {
  it('keeps, for every unit and pair, its passages and frequencies, over more pairs than its first hash table holds', () => {
    // 200 passages of 600 random units from a 2,000-unit range: ~100,000 distinct pairs, so the table grows twice.
    let seed = 7;
    const unit = () => 0x4e00 + ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 2000);
    const texts = Array.from({ length: 200 }, () => String.fromCharCode(...Array.from({ length: 600 }, unit)));
    texts.push('', '\u0000\u0000\u0000', '\uffff');
    const index = buildCharIndex(texts);
    const expected = new Map<number, Map<number, number>>();
    texts.forEach((t, p) => {
      for (let i = 0; i < t.length; i++) {
        const keys = [t.charCodeAt(i), ...(i + 1 < t.length ? [0x100000000 + t.charCodeAt(i) * 0x10000 + t.charCodeAt(i + 1)] : [])];
        for (const key of keys) {
          const lists = expected.get(key) ?? new Map<number, number>();
          lists.set(p, (lists.get(p) ?? 0) + 1);
          expected.set(key, lists);
        }
      }
    });
    expect([...index.keys]).toEqual([...expected.keys()].sort((a, b) => a - b));
    expect(index.keys.length).toBeGreaterThan(90_000);
    index.keys.forEach((key, r) => {
      const from = index.offsets[r];
      const to = index.offsets[r + 1];
      const want = [...expected.get(key)!.entries()];
      expect([...index.postings.subarray(from, to)]).toEqual(want.map(([p]) => p));
      expect([...index.tfs.subarray(from, to)]).toEqual(want.map(([, tf]) => Math.min(tf, 255)));
    });
  });
});

describe('sorted sets', () => {
  it('intersect, unite and subtract like sets (property)', () => {
    const sorted = fc.uniqueArray(fc.integer({ min: 0, max: 300 })).map((a) => Int32Array.from(a.sort((x, y) => x - y)));
    fc.assert(
      fc.property(sorted, sorted, (a, b) => {
        const inB = new Set(b);
        expect([...intersectSorted(a, b)]).toEqual([...a].filter((x) => inB.has(x)));
        expect([...subtractSorted(a, b)]).toEqual([...a].filter((x) => !inB.has(x)));
        expect([...unionSorted(a, b)]).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
      }),
    );
  });
});

describe('varint posting lists', () => {
  it('give back exactly the lists they encode (property)', () => {
    const lists = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 50 }), { maxLength: 20 });
    fc.assert(
      fc.property(lists, (raw) => {
        const sorted = raw.map((l) => [...l].sort((a, b) => a - b));
        const offsets = Uint32Array.from([0, ...sorted.map((_, i) => sorted.slice(0, i + 1).flat().length)]);
        const postings = Int32Array.from(sorted.flat());
        expect([...decodePostings(encodePostings(postings, offsets), offsets)]).toEqual([...postings]);
      }),
    );
  });

  it('refuses bytes that end early or run on', () => {
    const offsets = Uint32Array.from([0, 2]);
    const bytes = encodePostings(Int32Array.from([5, 300]), offsets);
    expect(() => decodePostings(bytes.subarray(0, bytes.length - 1), offsets)).toThrow(/end early/);
    expect(() => decodePostings(Buffer.concat([bytes, Buffer.from([1])]), offsets)).toThrow(/trailing/);
  });
});
