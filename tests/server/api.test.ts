import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { createApp } from '../../src/server/create-app.js';
import { SAMPLE_CORPUS, sampleEngine } from '../helpers.js';

let engine: Engine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  engine = await sampleEngine();
  app = createApp(engine);
});

describe('GET /api/documents', () => {
  it('lists every document with its metadata and passage count', async () => {
    const res = await request(app).get('/api/documents').expect(200);
    expect(res.body.documents).toHaveLength(7);
    expect(res.body.documents[0]).toEqual({
      id: '000_91bac9b46b5f3c10',
      title: '南山镇2021年政府工作报告',
      region: '南山镇',
      level: '镇',
      meeting: '南山镇第四届人民代表大会第八次会议',
      county: '徐闻县',
      city: '湛江市',
      province: '广东省',
      code: '440825113',
      year: 2021,
      date: '2021-04-02',
      speaker: '镇长 詹庆发',
      kind: '政府工作报告',
      source: '000_91bac9b46b5f3c10.txt',
      sources: {
        title: 'title', region: 'title', level: 'gazetteer', county: 'gazetteer', city: 'gazetteer', province: 'gazetteer',
        code: 'gazetteer', year: 'meeting', date: 'meeting', meeting: 'meeting', speaker: 'speaker', kind: 'title',
      },
      passages: engine.documents[0].passages.length,
    });
  });
});

describe('GET /api/documents/:id', () => {
  it('returns the passages with index, section path and text', async () => {
    const res = await request(app).get('/api/documents/002_d090e128778c2801').expect(200);
    expect(res.body.region).toBe('港门镇');
    const heading = res.body.passages.find((p: { text: string }) => p.text === '（二）乡村振兴续写脱贫新序章');
    expect(heading).toMatchObject({ id: `002_d090e128778c2801-p${heading.index}`, section: '二、2022年工作安排 › （二）乡村振兴续写脱贫新序章' });
    expect(res.body.passages[0]).toMatchObject({ index: 0, text: '政府工作报告' });
  });

  it('answers 404 with an error for an unknown id, and never touches the file system', async () => {
    expect((await request(app).get('/api/documents/nope').expect(404)).body.error).toMatch(/no document/);
    expect((await request(app).get('/api/documents/..%2F..%2Fpackage.json').expect(404)).body.error).toMatch(/no document/);
  });

  it('answers 400 for malformed percent-encoding', async () => {
    expect((await request(app).get('/api/documents/%E0%A4%A').expect(400)).body.error).toMatch(/percent-encoding/);
  });
});

describe('GET /api/search', () => {
  it('says in Server-Timing how long the server took, which is no less than the engine took', async () => {
    const res = await request(app).get('/api/search').query({ q: '乡村振兴 OR 河长制', limit: 3 }).expect(200);
    const dur = /^app;dur=(\d+\.\d{2})$/.exec(res.headers['server-timing'] ?? '')?.[1];
    expect(dur).toBeDefined();
    expect(Number(dur)).toBeGreaterThanOrEqual(res.body.tookMs - 0.01);
  });
  it('returns every passage that mentions 营商环境, each highlighted, in the documented shape', async () => {
    const res = await request(app).get('/api/search').query({ q: '营商环境', limit: 100 }).expect(200);
    const expected = engine.index.passages.filter((p) => p.text.includes('营商环境')).length;
    expect(res.body).toMatchObject({ query: '营商环境', total: expected, offset: 0, limit: 100 });
    expect(typeof res.body.tookMs).toBe('number');
    expect(res.body.hits).toHaveLength(expected);
    for (const hit of res.body.hits) {
      expect(Object.keys(hit).sort()).toEqual(['docId', 'highlights', 'id', 'paragraph', 'paragraphNumber', 'region', 'score', 'section', 'text', 'title', 'url', 'year']);
      expect(hit.highlights.some(([s, e]: [number, number]) => hit.text.slice(s, e) === '营商环境')).toBe(true);
      expect(hit.url).toBe(`/documents/${hit.docId}#p-${hit.paragraph}`);
    }
    expect(res.body.facets.region).toBeTypeOf('object');
    expect(res.body).toMatchObject({ related: null, didYouMean: [] });
  });

  it('lists related matches apart, outside total and facets, saying which words matched', async () => {
    const res = await request(app).get('/api/search').query({ q: '产业振兴发展' }).expect(200);
    expect(res.body.total).toBe(0);
    expect(res.body.facets.region).toEqual({});
    expect(res.body.related.words).toEqual({ 产业振兴发展: ['产业', '振兴', '发展'] });
    expect(res.body.related.total).toBeGreaterThan(0);
    expect(res.body.related.hits).toHaveLength(Math.min(10, res.body.related.total));
    for (const hit of res.body.related.hits) for (const w of ['产业', '振兴', '发展']) expect(hit.text).toContain(w);
  });

  it('explains how the query was read when asked', async () => {
    const res = await request(app).get('/api/search').query({ q: 'AI 乡村振兴 -脱贫', explain: 1 }).expect(200);
    expect(res.body.explain.groups[0][0]).toMatchObject({ text: 'AI', normalized: 'ai', edges: 'word edges' });
    expect(res.body.explain.groups[1][0]).toMatchObject({ text: '乡村振兴', edges: 'anywhere', related: [] });
    expect(res.body.explain.excluded).toEqual(['脱贫']);
    const split = await request(app).get('/api/search').query({ q: '基层党建工作', explain: 1 }).expect(200);
    expect(split.body.hits[0].why).toEqual({ match: 'exact', matched: ['基层党建工作'] });
    expect(split.body.related.hits[0].why.match).toBe('related');
    expect(new Set(split.body.related.hits[0].why.matched)).toEqual(new Set(['基层党建', '工作']));
    await request(app).get('/api/search').query({ q: '乡村', explain: 'maybe' }).expect(400);
  });

  it('offers corrections of a typo from the corpus vocabulary', async () => {
    await engine.whenPhrasesReady();
    const res = await request(app).get('/api/search').query({ q: '人居环竟整治' }).expect(200);
    expect(res.body.total).toBe(0);
    expect(res.body.didYouMean).toContain('人居环境整治');
  });

  it('offers no corrections of a word the corpus holds when a filter leaves few of its passages', async () => {
    await engine.whenPhrasesReady();
    // 低保 is in ten passages, one of them 港门镇's; 社保 and 居保 are one edit from it.
    const res = await request(app).get('/api/search').query({ q: '低保', region: '港门镇' }).expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.didYouMean).toEqual([]);
    const typo = await request(app).get('/api/search').query({ q: '低宝', region: '港门镇' }).expect(200);
    expect(typo.body.didYouMean).toContain('低保');
  });

  it('takes region and year as parameters', async () => {
    const res = await request(app).get('/api/search').query({ q: '乡村振兴', region: '港门镇', year: '2022' }).expect(200);
    expect(res.body.hits.every((h: { region: string; year: number }) => h.region === '港门镇' && h.year === 2022)).toBe(true);
  });

  it.each([
    [{ q: '乡村', limit: '0' }, /limit/],
    [{ q: '乡村', limit: '1001' }, /limit/],
    [{ q: '乡村', limit: 'ten' }, /limit/],
    [{ q: '乡村', offset: '-1' }, /offset/],
    [{ q: '乡村', year: '21' }, /year/],
    [{ q: '乡村', region: '火星镇' }, /unknown region "火星镇"/],
    [{ q: '乡村 region:火星镇' }, /unknown region/],
    [{ q: '' }, /q: required/],
    [{ q: '乡'.repeat(501) }, /q: at most 500/],
    [{ q: Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join(' OR ') }, /q: at most 32 terms/],
  ])('answers 400 naming the parameter for %j', async (query, message) => {
    const res = await request(app).get('/api/search').query(query).expect(400);
    expect(res.body.error).toMatch(message);
  });

  it('answers 400 for malformed percent-encoding in the query string', async () => {
    expect((await request(app).get('/api/search?q=%E0%A4%A').expect(400)).body.error).toMatch(/percent-encoding/);
  });

  it('never fails on odd queries', async () => {
    for (const q of ['"', '-', 'OR', '"人居环境', '<script>alert(1)</script>', '）（', '\u0000']) {
      await request(app).get('/api/search').query({ q }).expect((res) => expect([200, 400]).toContain(res.status));
    }
  });
});

describe('GET /api/status', () => {
  it('says which background results are ready', async () => {
    const fresh = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: null });
    const app = createApp(fresh);
    const before = (await request(app).get('/api/status').expect(200)).body;
    expect(before).toMatchObject({ documents: 7, phrases: 'counting', figures: 'reading', copies: 'searching' });
    await fresh.whenFiguresReady();
    await fresh.whenPhrasesReady();
    await fresh.whenCopiesReady();
    expect((await request(app).get('/api/status').expect(200)).body).toMatchObject({ phrases: 'ready', figures: 'ready', copies: 'ready' });
  });

  it("gives the process's memory, the heap within the RSS", async () => {
    const { memory } = (await request(createApp(engine)).get('/api/status').expect(200)).body;
    expect(Object.keys(memory).sort()).toEqual(['arrayBuffersMB', 'heapTotalMB', 'heapUsedMB', 'rssMB']);
    expect(memory.heapUsedMB).toBeGreaterThan(0);
    expect(memory.heapUsedMB).toBeLessThanOrEqual(memory.heapTotalMB);
    expect(memory.heapTotalMB).toBeLessThan(memory.rssMB);
  });
});
