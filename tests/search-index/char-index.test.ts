import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCharIndex, findContaining } from '../../src/search-index/char-index.js';
import { intersectSorted, subtractSorted, unionSorted } from '../../src/search-index/sorted-sets.js';
import { decodePostings, encodePostings } from '../../src/search-index/varint-postings.js';
import { sampleEngine } from '../helpers.js';

const bruteForce = (texts: readonly string[], needle: string) => texts.flatMap((t, i) => (t.includes(needle) ? [i] : []));

describe('findContaining', () => {
  it('finds exactly the passages containing any substring of the corpus (property)', async () => {
    const { index } = await sampleEngine();
    const texts = index.normalized;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.nat(), fc.integer({ min: 1, max: 8 }), (p, at, length) => {
        const text = texts[p];
        const start = at % Math.max(1, text.length - length + 1);
        const needle = text.slice(start, start + length);
        expect([...findContaining(index.chars, texts, needle)]).toEqual(bruteForce(texts, needle));
      }),
      { numRuns: 500 },
    );
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
