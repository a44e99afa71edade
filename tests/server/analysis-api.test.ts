import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { createApp } from '../../src/server/create-app.js';
import { SAMPLE_CORPUS, sampleAppWithPhrases } from '../helpers.js';

let engine: Engine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  ({ engine, app } = await sampleAppWithPhrases());
});

describe('analysis API', () => {
  it('GET /api/phrases lists shared phrases in the documented shape', async () => {
    const res = await request(app).get('/api/phrases').query({ minRegions: 3, limit: 5 }).expect(200);
    expect(res.body.phrases).toHaveLength(5);
    for (const p of res.body.phrases) {
      expect(Object.keys(p).sort()).toEqual(['boundaries', 'byRegion', 'count', 'dp', 'formulaic', 'phrase', 'rate', 'regions', 'reportShare']);
      expect(p.regions).toBeGreaterThanOrEqual(3);
      expect(Object.values(p.byRegion as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(p.count);
    }
  });

  it('GET /api/kwic gives every occurrence with context and a link', async () => {
    const res = await request(app).get('/api/kwic').query({ q: '人居环境' }).expect(200);
    expect(res.body).toMatchObject({ query: '人居环境', total: 21 });
    expect(res.body.lines).toHaveLength(21);
    expect(Object.keys(res.body.lines[0]).sort()).toEqual(['docId', 'left', 'match', 'passageId', 'region', 'right', 'source', 'title', 'url', 'year']);
  });

  it('GET /api/kwic pages with offset, and its CSV holds every line whatever the limit', async () => {
    const all = (await request(app).get('/api/kwic').query({ q: '人居环境' }).expect(200)).body.lines;
    const page = (await request(app).get('/api/kwic').query({ q: '人居环境', offset: 10, limit: 5 }).expect(200)).body;
    expect(page).toMatchObject({ total: 21, offset: 10 });
    expect(page.lines).toEqual(all.slice(10, 15));
    const csv = await request(app).get('/api/kwic').query({ q: '人居环境', limit: 3, format: 'csv' }).expect(200);
    const rows = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(rows[0]).toBe('left,match,right,region,year,title,source,docId,passageId,url');
    expect(rows).toHaveLength(22);
  });

  it('GET /api/phrases/matrix counts the given phrases per region', async () => {
    const res = await request(app).get('/api/phrases/matrix?p=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4&p=%E6%B2%B3%E9%95%BF%E5%88%B6').expect(200);
    expect(res.body.regions).toHaveLength(7);
    expect(res.body.rows.map((r: { phrase: string; total: number }) => [r.phrase, r.total])).toEqual([
      ['乡村振兴', 39],
      ['河长制', 7],
    ]);
  });

  it('GET /api/regions/:region/distinctive scores phrases, 404 for an unknown region', async () => {
    const res = await request(app).get(`/api/regions/${encodeURIComponent('港门镇')}/distinctive`).expect(200);
    expect(res.body.region).toBe('港门镇');
    expect(res.body.phrases[0]).toHaveProperty('g2');
    await request(app).get(`/api/regions/${encodeURIComponent('火星镇')}/distinctive`).expect(404);
  });

  it('downloads CSV as UTF-8 with a BOM, agreeing with the JSON', async () => {
    const csv = await request(app).get('/api/phrases').query({ limit: 10, format: 'csv' }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    const json = (await request(app).get('/api/phrases').query({ limit: 10 })).body.phrases;
    expect(lines).toHaveLength(11);
    expect(lines[1].split(',').slice(0, 3)).toEqual([json[0].phrase, String(json[0].regions), String(json[0].count)]);
    const kwic = await request(app).get('/api/kwic').query({ q: '人居环境', format: 'csv' }).expect(200);
    expect(kwic.text.trim().split('\r\n')).toHaveLength(22);
  });

  it('answers 400 for bad parameters', async () => {
    await request(app).get('/api/phrases').query({ minRegions: 'x' }).expect(400);
    await request(app).get('/api/kwic').query({ q: '' }).expect(400);
    await request(app).get('/api/kwic').query({ q: '人居', sort: 'sideways' }).expect(400);
  });
});

describe('analysis pages', () => {
  it('render the phrase list, the heat map, the concordance and a region', async () => {
    expect((await request(app).get('/phrases').expect(200)).text).toMatch(/<a href="\/kwic\?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4" title="在词边界上 \d+% · 左邻熵 [\d.]+ · 右邻熵 [\d.]+ 比特">乡村振兴<\/a>/);
    const matrix = await request(app).get('/phrases/matrix').query({ lines: '乡村振兴\n河长制' }).expect(200);
    expect(matrix.text).toMatch(/<td class="num h\d">\d+<\/td>/);
    const kwic = await request(app).get('/kwic').query({ q: '人居环境', sort: 'right' }).expect(200);
    expect(kwic.text.match(/<mark>人居环境<\/mark>/g)).toHaveLength(21);
    expect((await request(app).get(`/regions/${encodeURIComponent('港门镇')}`).expect(200)).text).toContain('特色表述');
  });

  it('say the phrases are still being counted (503) before their job is done, then serve them', async () => {
    // The first request starts the count: each of API and page is asked first of an engine of its own.
    const page = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: null });
    expect((await request(createApp(page)).get('/phrases').expect(503)).text).toContain('正在统计短语');
    const fresh = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: null });
    const freshApp = createApp(fresh);
    const busy = await request(freshApp).get('/api/phrases').expect(503);
    expect(busy.headers['retry-after']).toBe('5');
    await fresh.whenPhrasesReady();
    await request(freshApp).get('/api/phrases').expect(200);
  });
});

describe('GET /api/suggest', () => {
  it('returns completions of the last thing typed', async () => {
    const res = await request(app).get('/api/suggest').query({ q: '人居' }).expect(200);
    expect(res.body.suggestions[0]).toEqual({ text: '人居环境', count: 21, regions: 6 });
    await request(app).get('/api/suggest').query({ q: '人'.repeat(51) }).expect(400);
  });
});
