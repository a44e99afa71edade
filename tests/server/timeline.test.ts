import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { timeline } from '../../src/analysis/timeline.js';
import type { Engine } from '../../src/engine.js';
import { countOccurrences } from '../../src/highlight/find-highlights.js';
import { createApp } from '../../src/server/create-app.js';
import { sampleEngine } from '../helpers.js';

let engine: Engine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  engine = await sampleEngine();
  app = createApp(engine);
});

/** Brute force over the documents: occurrences, reports and characters of a year. */
function byHand(term: string, year: number) {
  const docs = engine.documents.filter((d) => d.year === year);
  const counts = docs.map((d) => d.passages.reduce((n, p) => n + countOccurrences(p.text, term), 0));
  const chars = docs.reduce((n, d) => n + d.passages.reduce((m, p) => m + p.text.length, 0), 0);
  return { count: counts.reduce((a, b) => a + b, 0), reports: counts.filter((c) => c > 0).length, chars };
}

describe('the timeline', () => {
  it('counts occurrences, reports and the rate per 10,000 characters of every year, as a brute-force count does', () => {
    for (const term of ['乡村振兴', '疫情防控', '河长制']) {
      const [series] = timeline(engine.index, [term]);
      expect(series.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
      for (const y of series.years) {
        const hand = byHand(term, y.year);
        expect([y.count, y.reports]).toEqual([hand.count, hand.reports]);
        expect(y.rate).toBeCloseTo((hand.count / hand.chars) * 10_000, 2);
      }
      expect(series.firstYear).toBe(series.years.find((y) => y.count > 0)?.year ?? null);
    }
  });

  it('splits by region, and the groups add up to the whole', () => {
    const whole = timeline(engine.index, ['乡村振兴'])[0];
    const parts = timeline(engine.index, ['乡村振兴'], 'region');
    expect(parts.map((s) => s.group)).toContain('港门镇');
    for (const [i, y] of whole.years.entries()) expect(parts.reduce((n, s) => n + s.years[i].count, 0)).toBe(y.count);
  });

  it('answers /api/timeline in the documented shape, and CSV', async () => {
    const res = await request(app).get('/api/timeline').query({ q: ['乡村振兴', '河长制'] }).expect(200);
    expect(res.body.series.map((s: { query: string }) => s.query)).toEqual(['乡村振兴', '河长制']);
    expect(Object.keys(res.body.series[0]).sort()).toEqual(['firstYear', 'query', 'undated', 'years']);
    expect(Object.keys(res.body.series[0].years[0]).sort()).toEqual(['count', 'rate', 'reports', 'year']);
    const csv = await request(app).get('/api/timeline').query({ q: '乡村振兴', format: 'csv' }).expect(200);
    expect(csv.text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('query,group,year,count,reports,rate');
    await request(app).get('/api/timeline').expect(400);
    await request(app).get('/api/timeline').query({ q: '乡村', by: 'town' }).expect(400);
  });

  it('draws a chart whose points lead to the concordance of that year, which shows that year only', async () => {
    const res = await request(app).get('/timeline').query({ q: '乡村振兴' }).expect(200);
    expect(res.text).toContain('<svg class="timeline-chart"');
    const link = /<a href="(\/kwic\?q=[^"]+&amp;year=(\d{4}))"/.exec(res.text)!;
    const year = Number(link[2]);
    const kwic = await request(app).get(link[1].replace(/&amp;/g, '&')).expect(200);
    const count = Number(/共出现 <strong>(\d+)<\/strong> 次/.exec(kwic.text)![1]);
    expect(kwic.text).toContain(`在${year}年的报告中`);
    expect(count).toBe(timeline(engine.index, ['乡村振兴'])[0].years.find((y) => y.year === year)!.count);
  });
});
