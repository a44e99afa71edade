import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/build-documents.js';
import type { Engine } from '../../src/engine.js';
import { findOccurrences } from '../../src/highlight/find-highlights.js';
import { buildCharIndex } from '../../src/search-index/char-index.js';
import { indexPassages, type SearchIndex } from '../../src/search-index/search-index.js';
import { buildWordStarts, passageStarts } from '../../src/search-index/word-starts.js';
import { runQuery } from '../../src/query/run-query.js';
import { sampleEngine } from '../helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await sampleEngine();
});

/** An index over a few lines of text, one passage each. */
function tinyIndex(lines: string[]): SearchIndex {
  const { documents } = buildCorpus([{ name: 't.txt', text: ['测试文本', ...lines].join('\n\n'), encoding: 'UTF-8', format: 'txt', headings: [] }]);
  const base = indexPassages(documents);
  return { ...base, chars: buildCharIndex(base.normalized), words: { bits: buildWordStarts(base.normalized, base.lengths).bits, passageStart: passageStarts(base.lengths) } };
}

const texts = () => engine.index.normalized;
const exactIds = (needle: string) => new Set(engine.index.passages.filter((_, i) => findOccurrences(texts()[i], needle).length > 0).map((p) => p.id));

describe('exact by default (properties over the sample corpus)', () => {
  it('every hit holds the term; total and facets equal a brute-force count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts().length - 1 }), fc.nat(), fc.integer({ min: 2, max: 6 }), (p, at, length) => {
        const text = texts()[p];
        const start = at % Math.max(1, text.length - length + 1);
        const needle = text.slice(start, start + length);
        if (!/^[\p{Script=Han}]+$/u.test(needle)) return;
        const result = engine.search({ q: needle, limit: 1000 });
        const expected = exactIds(needle);
        expect(result.total).toBe(expected.size);
        for (const hit of result.hits) expect(expected.has(hit.passage.id)).toBe(true);
        const regionSum = Object.values(result.facets.region).reduce((a, b) => a + b, 0);
        expect(regionSum).toBe(expected.size);
      }),
      { numRuns: 200 },
    );
  });

  it('related hits hold every word of the split term, are never exact hits and never in total', () => {
    for (const q of ['人居环境整治提升', '基层党建工作', '农村生活污水处理', '产业振兴发展', '新质生产力']) {
      const result = engine.search({ q, limit: 1000, related: true });
      const exact = new Set(result.hits.map((h) => h.passage.id));
      expect(result.total).toBe(exactIds(q).size);
      if (!result.related) continue;
      const words = result.related.words[q];
      expect(words.every((w) => w.length > 1)).toBe(true);
      for (const hit of result.related.hits) {
        expect(exact.has(hit.passage.id)).toBe(false);
        for (const w of words) expect(hit.passage.text).toContain(w);
      }
    }
  });

  it('offers related results by itself only when the exact ones are fewer than a page', () => {
    expect(engine.search({ q: '乡村振兴', limit: 10 }).related).toBeNull();
    expect(engine.search({ q: '乡村振兴战略规划', limit: 10 }).related).not.toBeNull();
  });

  it('highlights cover every occurrence of the term and nothing else', () => {
    for (const q of ['乡村振兴', '人居环境', '“六稳”', '16.36亿元']) {
      for (const hit of engine.search({ q, limit: 1000 }).hits) {
        const text = texts()[engine.index.passages.indexOf(hit.passage)];
        const occurrences = findOccurrences(text, q);
        const covered = new Set(occurrences.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i)));
        const marked = new Set(hit.highlights.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i)));
        expect([...marked].sort()).toEqual([...covered].sort());
      }
    }
  });
});

describe('Latin letters and digits match at word edges', () => {
  const index = tinyIndex(['the domain name was renewed in 12020 by mistake', '人工智能AI应用推广', '增长15%，超过预期', '增长5%，达到目标', '2020年实现目标', '完成6.25亿元', '完成6.2亿元']);
  const found = (q: string) => runQuery(index, { q, limit: 100 }).hits.map((h) => h.passage.text);

  it('AI is not found in domain, 5% not in 15%, 2020 not in 12020, 6.2 not in 6.25', () => {
    expect(found('AI')).toEqual(['人工智能AI应用推广']);
    expect(found('5%')).toEqual(['增长5%，达到目标']);
    expect(found('2020')).toEqual(['2020年实现目标']);
    expect(found('6.2')).toEqual(['完成6.2亿元']);
    expect(found('domain')).toEqual(['the domain name was renewed in 12020 by mistake']);
  });
});

describe('ranking', () => {
  it('puts an occurrence that stands as a word above one inside a longer word', () => {
    const index = tinyIndex(['切实保障和改善民生，办好群众身边事。', '切实保护人民生命安全，办好身边事。']);
    const hits = runQuery(index, { q: '民生', limit: 10 }).hits.map((h) => h.passage.text);
    expect(hits).toEqual(['切实保障和改善民生，办好群众身边事。', '切实保护人民生命安全，办好身边事。']);
    const reversed = tinyIndex(['切实保护人民生命安全，办好身边事。', '切实保障和改善民生，办好群众身边事。']);
    expect(runQuery(reversed, { q: '民生', limit: 10 }).hits[0].passage.text).toContain('改善民生');
  });

  it('ranks the same whatever the page size: pages join up to the long list', () => {
    for (const q of ['发展', '工作', '乡村振兴']) {
      const long = engine.search({ q, limit: 60 }).hits.map((h) => h.passage.id);
      const paged = [0, 1, 2, 3, 4, 5].flatMap((n) => engine.search({ q, limit: 10, offset: 10 * n }).hits.map((h) => h.passage.id));
      expect(paged).toEqual(long);
    }
  });
});
