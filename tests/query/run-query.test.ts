import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { findOccurrences } from '../../src/highlight/find-highlights.js';
import { sampleEngine } from '../helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await sampleEngine();
});

const all = (q: string, extra: object = {}) => engine.search({ q, limit: 1000, ...extra });
/** Brute force: the passages holding the string, at word edges where it starts or ends with a Latin letter or digit. */
const containing = (needle: string) => engine.index.passages.filter((_, i) => findOccurrences(engine.index.normalized[i], needle).length > 0).map((p) => p.id);

describe('the exact-match guarantee', () => {
  it('returns every passage containing a 2–8 character string of the corpus, plain or quoted (property)', () => {
    const texts = engine.index.normalized;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.nat(), fc.integer({ min: 2, max: 8 }), fc.boolean(), (p, at, length, quoted) => {
        const text = texts[p];
        const start = at % Math.max(1, text.length - length + 1);
        const needle = text.slice(start, start + length);
        if (/["\s]/.test(needle) || !/[\p{L}\p{N}]/u.test(needle) || /^-/.test(needle)) return; // not a single term
        const result = all(quoted ? `"${needle}"` : needle);
        const found = new Set(result.hits.map((h) => h.passage.id));
        for (const id of containing(needle)) expect(found.has(id)).toBe(true);
        for (const hit of result.hits) expect(engine.index.normalized[engine.index.passages.indexOf(hit.passage)]).toContain(needle);
        expect(result.total).toBe(containing(needle).length);
      }),
      { numRuns: 300 },
    );
  });

  it('finds words that jieba cuts across (村居, 民生 in 人民生命) and figures', () => {
    for (const q of ['村居', '民生', '16.36亿元', '97.2%', '营商环境']) {
      const expected = containing(q);
      expect(expected.length).toBeGreaterThan(0);
      expect(all(q).hits.map((h) => h.passage.id).sort()).toEqual([...expected].sort());
    }
  });

  it('matches traditional characters and full-width forms to the text', () => {
    expect(all('環境整治').total).toBe(all('环境整治').total);
    expect(all('（一）').total).toBe(all('(一)').total);
  });
});

describe('query semantics', () => {
  it('ANDs words, ORs alternatives and excludes', () => {
    const both = all('乡村振兴 人居环境');
    expect(both.total).toBeGreaterThan(0);
    for (const hit of both.hits) expect(hit.passage.text.includes('乡村振兴') && hit.passage.text.includes('人居环境')).toBe(true);
    expect(all('河长制 OR 林长制').total).toBe(new Set([...containing('河长制'), ...containing('林长制')]).size);
    for (const hit of all('乡村振兴 -脱贫').hits) expect(hit.passage.text).not.toContain('脱贫');
  });

  it('filters by region and year, and counts facets over all matches', () => {
    const result = all('乡村振兴 region:港门镇');
    expect(result.hits.every((h) => h.document.region === '港门镇')).toBe(true);
    expect(result.total).toBe(result.facets.region['港门镇']);
    const unfiltered = all('乡村振兴');
    expect(Object.values(unfiltered.facets.region).reduce((a, b) => a + b, 0)).toBe(unfiltered.total);
    expect(all('乡村振兴', { years: [2023] }).hits.every((h) => h.document.year === 2023)).toBe(true);
  });

  it('counts each facet over the matches the other filters keep, passages and reports, as a plain count does', () => {
    const regions = [...new Set(engine.documents.map((d) => d.region!))];
    const years = [...new Set(engine.documents.map((d) => d.year!))];
    const everyMatch = all('发展').hits;
    expect(everyMatch.length).toBe(all('发展').total); // all of them fit on the page
    const tally = (hits: typeof everyMatch, key: (h: (typeof everyMatch)[number]) => string) => {
      const passages: Record<string, number> = {};
      const reports: Record<string, Set<string>> = {};
      for (const h of hits) {
        passages[key(h)] = (passages[key(h)] ?? 0) + 1;
        (reports[key(h)] ??= new Set()).add(h.document.id);
      }
      return { passages, reports: Object.fromEntries(Object.entries(reports).map(([k, v]) => [k, v.size])) };
    };
    for (const region of [undefined, regions[0], regions[3]]) {
      for (const year of [undefined, years[0], years.at(-1)!]) {
        const result = all('发展', { regions: region ? [region] : [], years: year ? [year] : [] });
        const inYear = everyMatch.filter((h) => !year || h.document.year === year);
        const inRegion = everyMatch.filter((h) => !region || h.document.region === region);
        const byRegion = tally(inYear, (h) => h.document.region!);
        const byYear = tally(inRegion, (h) => String(h.document.year));
        expect(result.facets.region).toEqual(byRegion.passages);
        expect(result.facets.regionReports).toEqual(byRegion.reports);
        expect(result.facets.year).toEqual(byYear.passages);
        expect(result.facets.yearReports).toEqual(byYear.reports);
        expect(result.total).toBe(inYear.filter((h) => !region || h.document.region === region).length);
      }
    }
  });

  it('means exactly the unspaced string, and lists the passages with all its words apart as related', () => {
    const result = all('农村生活污水处理');
    expect(result.total).toBe(containing('农村生活污水处理').length);
    result.hits.forEach((h) => expect(h.passage.text).toContain('农村生活污水处理'));
    expect(result.related?.words).toEqual({ 农村生活污水处理: ['农村', '生活', '污水处理'] });
    expect(result.related?.total).toBeGreaterThan(0);
    for (const hit of result.related?.hits ?? []) {
      expect(hit.passage.text).not.toContain('农村生活污水处理');
      for (const word of ['农村', '生活', '污水处理']) expect(hit.passage.text).toContain(word);
    }
  });

  it('ranks a passage naming 退役军人服务站 first for 退役军人 服务站', () => {
    expect(all('退役军人 服务站').hits[0].passage.text).toContain('退役军人服务站');
  });

  it('breaks ties by document order and pages without overlap', () => {
    const page1 = engine.search({ q: '发展', limit: 10, offset: 0 }).hits.map((h) => h.passage.id);
    const page2 = engine.search({ q: '发展', limit: 10, offset: 10 }).hits.map((h) => h.passage.id);
    expect(new Set([...page1, ...page2]).size).toBe(20);
    expect(all('发展').hits.slice(0, 20).map((h) => h.passage.id)).toEqual([...page1, ...page2]);
  });
});

describe('highlights', () => {
  it('are sorted, non-overlapping and cover every occurrence of every query word', () => {
    for (const q of ['乡村振兴', '人居环境 整治', '“六稳”', '河长制 OR 营商环境']) {
      for (const hit of all(q).hits) {
        const marks = hit.highlights;
        marks.forEach(([s, e], i) => {
          expect(s).toBeLessThan(e);
          if (i > 0) expect(s).toBeGreaterThan(marks[i - 1][1]);
        });
        const text = engine.index.normalized[engine.index.passages.indexOf(hit.passage)];
        for (const word of q.split(/\s+|OR/).filter(Boolean)) {
          for (const [s, e] of findOccurrences(text, word)) expect(marks.some(([ms, me]) => ms <= s && e <= me)).toBe(true);
        }
      }
    }
  });
});
