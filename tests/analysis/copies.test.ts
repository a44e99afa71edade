import { beforeAll, describe, expect, it } from 'vitest';
import { copyGroups, findCopies } from '../../src/analysis/find-copies.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { sampleEngine } from '../helpers.js';
import { altered, copiedCorpus, OTHERS, PLANTED } from '../fixtures/copied-corpus.js';

/** 2 × the longest common subsequence of two texts' characters (spaces left out) / their lengths: the definition, by dynamic programming. */
function definition(x: string, y: string): number {
  const [a, b] = [x.replace(/[\s\u3000]+/g, ''), y.replace(/[\s\u3000]+/g, '')];
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const next = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) next[j] = a[i - 1] === b[j - 1] ? row[j - 1] + 1 : Math.max(row[j], next[j - 1]);
    row = next;
  }
  return Math.round(((2 * row[b.length]) / (a.length + b.length)) * 1000) / 1000;
}

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: await copiedCorpus(), cacheDir: null });
});

describe('text copied between reports', () => {
  it('finds a paragraph copied with 5% of its characters changed, and nothing else', () => {
    const { pairs } = findCopies(engine.index);
    expect(pairs).toHaveLength(1);
    const [a, b] = [engine.index.passages[pairs[0].a], engine.index.passages[pairs[0].b]];
    expect([a.text, b.text]).toEqual([PLANTED, altered(PLANTED)]);
    expect(pairs[0].similarity).toBe(definition(PLANTED, altered(PLANTED)));
    // Above the API's default threshold of 0.8: 5% of the characters changed keeps about 95% of them.
    expect(pairs[0].similarity).toBeGreaterThan(0.9);
  });

  it('pairs only passages of different reports, and no short line or heading', () => {
    const { pairs } = findCopies({ normalized: [PLANTED, PLANTED, '各位代表：', '各位代表：'], passageDoc: Int32Array.from([0, 0, 1, 2]), headings: new Uint8Array(4) });
    expect(pairs).toEqual([]);
  });

  it('sets aside a paragraph that most reports have (boilerplate), and keeps one copied between two', () => {
    const normalized = [PLANTED, PLANTED, PLANTED, PLANTED, OTHERS[0], OTHERS[0], OTHERS[1]];
    const copies = findCopies({ normalized, passageDoc: Int32Array.from([0, 1, 2, 3, 4, 5, 6]), headings: new Uint8Array(7) });
    expect(copies.boilerplate).toEqual([0, 1, 2, 3]);
    expect(copies.pairs).toEqual([{ a: 4, b: 5, similarity: 1 }]);
    expect(copyGroups([{ a: 0, b: 1, similarity: 1 }, { a: 1, b: 2, similarity: 1 }, { a: 5, b: 6, similarity: 1 }])).toEqual([[0, 1, 2], [5, 6]]);
  });

  it('gives every pair of the sample corpus the similarity of its definition (property)', async () => {
    const sample = await sampleEngine();
    const { pairs } = findCopies(sample.index, { minSimilarity: 0.3 });
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect(sample.index.passageDoc[p.a]).not.toBe(sample.index.passageDoc[p.b]);
      expect(p.similarity).toBe(definition(sample.index.normalized[p.a], sample.index.normalized[p.b]));
    }
  });
});
