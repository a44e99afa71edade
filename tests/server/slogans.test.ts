import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { createApp } from '../../src/server/create-app.js';
import { normalizeText } from '../../src/tokenize/normalize-text.js';
import { sampleAppWithPhrases } from '../helpers.js';

let engine: Engine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  ({ engine, app } = await sampleAppWithPhrases());
});

const LIUWEN = ['六稳', '稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'];

describe('slogans unfolded in search', () => {
  it('finds with ~六稳 every passage naming the slogan or one of its parts, each hit saying which form matched', async () => {
    const res = await request(app).get('/api/search').query({ q: '~六稳', limit: 1000 }).expect(200);
    const expected = engine.index.normalized.filter((t) => LIUWEN.some((f) => t.includes(f))).length;
    expect(res.body.total).toBe(expected);
    expect(res.body.slogans).toEqual([{ slogan: '六稳', forms: LIUWEN }]);
    for (const hit of res.body.hits) {
      expect(hit.matchedForm.split('、').every((f: string) => LIUWEN.includes(f) && normalizeText(hit.text).includes(f))).toBe(true);
    }
    // A passage naming a part only: found by ~六稳, not by 六稳.
    const byPart = res.body.hits.filter((h: { matchedForm: string }) => !h.matchedForm.includes('六稳'));
    expect(byPart.length).toBeGreaterThan(0);
    const plain = await request(app).get('/api/search').query({ q: '六稳', limit: 1000 }).expect(200);
    expect(plain.body.total).toBe(expected - byPart.length);
    expect(plain.body.hits[0].matchedForm).toBeUndefined();
  });

  it('unfolds every slogan of the query with expand=1 (the page\'s 含展开), and leaves other words alone', async () => {
    const tilde = await request(app).get('/api/search').query({ q: '~六稳', limit: 1000 }).expect(200);
    const expand = await request(app).get('/api/search').query({ q: '六稳', expand: 1, limit: 1000 }).expect(200);
    expect(expand.body.total).toBe(tilde.body.total);
    const other = await request(app).get('/api/search').query({ q: '~乡村振兴' }).expect(200);
    expect(other.body.total).toBe((await request(app).get('/api/search').query({ q: '乡村振兴' })).body.total);
    expect(other.body.slogans).toBeUndefined();
  });

  it('shows the unfolding and the matched form on the search page, and marks the part on the document page', async () => {
    const page = await request(app).get('/search').query({ q: '~六稳', limit: 50 }).expect(200);
    expect(page.text).toContain('已展开：');
    expect(page.text).toMatch(/<span class="form">匹配：稳就业<\/span>/);
    const hit = (await request(app).get('/api/search').query({ q: '~六稳', limit: 1000 })).body.hits.find((h: { matchedForm: string }) => h.matchedForm === '稳就业');
    const doc = await request(app).get(`/documents/${hit.docId}`).query({ q: '~六稳' }).expect(200);
    expect(doc.text).toContain('<mark>稳就业</mark>');
  });
});

describe('the slogan page', () => {
  it('answers /api/slogans with each slogan, its parts, source, both forms\' counts, regions and years; and CSV', async () => {
    const res = await request(app).get('/api/slogans').expect(200);
    const liuwen = res.body.slogans.find((s: { name: string }) => s.name === '六稳');
    expect(Object.keys(liuwen).sort()).toEqual(['byRegion', 'byYear', 'definedAt', 'name', 'named', 'parts', 'source', 'unfolded']);
    expect(liuwen).toMatchObject({ source: 'thesaurus', definedAt: null, named: { count: 9, passages: 9 } });
    expect(Object.keys(liuwen.byRegion).length).toBe(6);
    const local = res.body.slogans.find((s: { name: string }) => s.name === '五带头');
    expect(local.source).toBe('corpus');
    expect(local.definedAt).toMatch(/^\/documents\/004_d4881d4d3e281476#p-\d+$/);
    const csv = await request(app).get('/api/slogans').query({ format: 'csv' }).expect(200);
    expect(csv.text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('name,source,parts,namedCount,namedPassages,unfoldedPassages,regions,years,definedAt');
  });

  it('renders /slogans with links to ~ searches; a hit and a document page link the slogans they use', async () => {
    const page = await request(app).get('/slogans').expect(200);
    expect(page.text).toContain('<a href="/search?q=~%E5%85%AD%E7%A8%B3">“六稳”</a>');
    const hits = await request(app).get('/search').query({ q: '六保' }).expect(200);
    expect(hits.text).toContain('提法：<a href="/slogans#%E5%85%AD%E7%A8%B3">“六稳”</a>');
    const nanshan = engine.documents.find((d) => d.region === '南山镇')!;
    const doc = await request(app).get(`/documents/${nanshan.id}`).expect(200);
    expect(doc.text).toMatch(/<nav class="slogans-used"[^>]*>[\s\S]*<a href="\/slogans#%E5%85%AD%E7%A8%B3">“六稳”<\/a>/);
  });
});
