import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { createApp } from '../../src/server/create-app.js';
import { createEngine } from '../../src/engine.js';
import { copiedCorpus } from '../fixtures/copied-corpus.js';
import { sampleEngine } from '../helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await sampleEngine();
  // Each background result that arrives empties the cache: these tests start once all are there.
  await Promise.all([engine.whenPhrasesReady(), engine.whenFiguresReady(), engine.whenCopiesReady()]);
});

describe('the response cache', () => {
  it('answers a repeated GET from the cache with the same body', async () => {
    const app = createApp(engine);
    // supertest listens on a new port each time: the Host is set as one browser would send it.
    const first = await request(app).get('/search').query({ q: '河长制' }).set('Host', 'search.example').expect(200);
    expect(first.headers['x-cache']).toBeUndefined();
    const second = await request(app).get('/search').query({ q: '河长制' }).set('Host', 'search.example').expect(200);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
  });

  it('keeps hosts apart (citations carry the origin) and never keeps an error', async () => {
    const app = createApp(engine);
    const doc = engine.documents[0].id;
    const a = await request(app).get(`/documents/${doc}`).set('Host', 'a.example').expect(200);
    const b = await request(app).get(`/documents/${doc}`).set('Host', 'b.example').expect(200);
    expect(b.headers['x-cache']).toBeUndefined();
    expect(a.text).toContain('http://a.example/documents/');
    expect(b.text).toContain('http://b.example/documents/');
    await request(app).get('/api/search').query({ q: '乡村', limit: 'ten' }).expect(400);
    const again = await request(app).get('/api/search').query({ q: '乡村', limit: 'ten' }).expect(400);
    expect(again.headers['x-cache']).toBeUndefined();
  });

  it('keeps CSV downloads with their file name', async () => {
    const app = createApp(engine);
    await request(app).get('/api/documents').query({ format: 'csv' }).set('Host', 'search.example').expect(200);
    const again = await request(app).get('/api/documents').query({ format: 'csv' }).set('Host', 'search.example').expect(200);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.headers['content-disposition']).toMatch(/documents\.csv/);
  });

  it('answers anew once the copies are found: a page cached before them gains its copy links', async () => {
    const fresh = await createEngine({ corpusDir: await copiedCorpus(), cacheDir: null });
    const app = createApp(fresh);
    const get = () => request(app).get('/search').query({ q: '三清三拆三整治' }).set('Host', 'search.example').expect(200);
    // Look at the copies only after the first answer, so that it is made without them.
    const before = await get();
    expect(before.text).not.toContain('class="copies-link"');
    await fresh.whenCopiesReady();
    const after = await get();
    expect(after.headers['x-cache']).toBeUndefined();
    expect(after.text).toContain('class="copies-link"');
  });
});

describe('answer tags', () => {
  it('name an answer by its URL and what it was made from: the same tag again, a 304 for it, a new one for a new basis', async () => {
    const fresh = await createEngine({ corpusDir: await copiedCorpus(), cacheDir: null });
    const app = createApp(fresh);
    const get = (q: string, tag?: string) => {
      const req = request(app).get('/api/search').query({ q }).set('Host', 'search.example');
      return tag ? req.set('If-None-Match', tag) : req;
    };
    const first = await get('三清三拆三整治').expect(200);
    const tag = first.headers.etag;
    expect(tag).toMatch(/^W\/".+"$/);
    expect((await get('三清三拆三整治').expect(200)).headers.etag).toBe(tag);
    expect((await get('人居环境').expect(200)).headers.etag).not.toBe(tag);
    const notModified = await get('三清三拆三整治', tag).expect(304);
    expect(notModified.text ?? '').toBe('');
    // The copies arriving change what answers are made from: the old tag no longer matches.
    await fresh.whenCopiesReady();
    const after = await get('三清三拆三整治', tag).expect(200);
    expect(after.headers.etag).not.toBe(tag);
    expect(after.body.total).toBe(first.body.total);
  });

  it('are the body hash for an error, as Express makes it, so that no 304 keeps an error', async () => {
    const app = createApp(engine);
    const bad = await request(app).get('/api/search').query({ q: '乡村', limit: 'ten' }).expect(400);
    const ok = await request(app).get('/api/search').query({ q: '乡村' }).expect(200);
    expect(bad.headers.etag).toBeDefined();
    expect(bad.headers.etag.split('.')).toHaveLength(1);
    expect(ok.headers.etag.split('.')).toHaveLength(3);
  });
});
