import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { createApp } from '../../src/server/create-app.js';
import { altered, copiedCorpus, PLANTED } from '../fixtures/copied-corpus.js';

let engine: Engine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: await copiedCorpus(), cacheDir: null });
  await engine.whenCopiesReady();
  app = createApp(engine);
});

describe('copied passages over HTTP', () => {
  it('answers /api/copies in the documented shape, filtered by minSimilarity, and as CSV with both texts', async () => {
    const res = await request(app).get('/api/copies').expect(200);
    expect(res.body).toMatchObject({ minSimilarity: 0.8, total: 1, offset: 0 });
    const [pair] = res.body.pairs;
    expect(Object.keys(pair).sort()).toEqual(['a', 'b', 'similarity']);
    expect(Object.keys(pair.a).sort()).toEqual(['docId', 'passageId', 'region', 'title', 'url', 'year']);
    expect([pair.a.region, pair.b.region]).toEqual(['港门镇', '南山镇']);
    expect((await request(app).get('/api/copies').query({ minSimilarity: 0.99 }).expect(200)).body.total).toBe(0);
    const csv = (await request(app).get('/api/copies').query({ format: 'csv' }).expect(200)).text.replace(/^\ufeff/, '').split('\r\n');
    expect(csv[0]).toBe('similarity,aPassageId,aRegion,aYear,aTitle,aText,bPassageId,bRegion,bYear,bTitle,bText');
    expect(csv[1]).toContain(PLANTED);
  });

  it('says what is wrong with a bad minSimilarity or passage', async () => {
    expect((await request(app).get('/api/copies').query({ minSimilarity: '0.2' }).expect(400)).body.error).toMatch(/^minSimilarity: a number from 0.5 to 1/);
    expect((await request(app).get('/api/copies').query({ passage: 'nope-p1' }).expect(400)).body.error).toBe('passage: no passage "nope-p1"');
  });

  it('lists the pair by region pair on /copies and sets it side by side with the differing characters marked', async () => {
    const page = await request(app).get('/copies').expect(200);
    expect(page.text).toContain('<th scope="row">港门镇 — 南山镇</th>');
    const compare = page.text.match(/href="(\/copies\/compare\?a=[^"]+)"/)![1].replace(/&amp;/g, '&');
    const side = await request(app).get(compare).expect(200);
    const marked = [...side.text.matchAll(/<ins class="differs">([^<]*)<\/ins>/g)].map((m) => m[1]);
    // The altered copy differs in every twentieth character: 改 on the right, the original characters on the left.
    expect(marked.filter((m) => m === '改').length).toBe([...altered(PLANTED)].filter((c, i) => c !== [...PLANTED][i]).length);
    expect(side.text).toMatch(/相似度 <strong>0\.9\d+<\/strong>/);
  });

  it('marks on a report\'s page the passage that has a copy elsewhere, linking to it', async () => {
    const doc = engine.documents.find((d) => d.region === '港门镇')!;
    const page = await request(app).get(`/documents/${doc.id}`).expect(200);
    expect(page.text.match(/class="copies-link"/g)).toHaveLength(1);
    expect(page.text).toContain('其他报告中有 1 段相似 →');
    const hits = await request(app).get('/search').query({ q: '三清三拆三整治' }).expect(200);
    expect(hits.text.match(/class="copies-link" href="\/copies\?passage=[^"]+">其他报告中有 1 段相似 →/g)).toHaveLength(2);
  });
});
