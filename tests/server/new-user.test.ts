import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { createApp } from '../../src/server/create-app.js';
import { sampleAppWithPhrases, tempDir } from '../helpers.js';

/** Small things a new user hit on a real corpus (issue 13): each answered by a route here. */
let engine: Engine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  ({ engine, app } = await sampleAppWithPhrases());
});

describe('the home page on another corpus', () => {
  it('takes its examples and syntax help from that corpus, not from the samples', async () => {
    const dir = await tempDir();
    const report = (place: string, year: number, figure: string) =>
      `${place}${year}年政府工作报告\n各位代表：\n过去一年，全县地区生产总值达到${figure}，乡村振兴和生态文明建设取得新进展，营商环境持续优化，民生保障有力有效。`;
    await writeFile(path.join(dir, 'a.txt'), report('太和县', 2024, '385.2亿元'));
    await writeFile(path.join(dir, 'b.txt'), report('临泉县', 2025, '402.7亿元'));
    const other = await createEngine({ corpusDir: dir, cacheDir: null });
    await other.whenPhrasesReady();
    const res = await request(createApp(other)).get('/').expect(200);
    expect(res.text).not.toContain('16.36亿元');
    expect(res.text).not.toContain('港门镇');
    expect(res.text).toContain('href="/search?q=385.2%E4%BA%BF%E5%85%83"');
    expect(res.text).toMatch(/<code>region:(?:太和县|临泉县) year:202[45]<\/code>/);
    const example = /class="example" href="\/search\?q=([^"]+)"/.exec(res.text)![1];
    const found = await request(createApp(other)).get('/api/search').query({ q: decodeURIComponent(example) }).expect(200);
    expect(found.body.total).toBeGreaterThan(0);
  });
});

describe('facets', () => {
  it('count reports as well as passages, on the page and in the API', async () => {
    const res = await request(app).get('/api/search').query({ q: '乡村振兴' }).expect(200);
    const { region, regionReports, yearReports } = res.body.facets;
    for (const name of Object.keys(region)) {
      const reports = engine.documents.filter((d) => d.region === name && d.passages.some((p) => p.text.includes('乡村振兴'))).length;
      expect(regionReports[name]).toBe(reports);
    }
    const withTerm = engine.documents.filter((d) => d.year !== null && d.passages.some((p) => p.text.includes('乡村振兴'))).length;
    expect(Object.values(yearReports).reduce((a, b) => (a as number) + (b as number), 0)).toBe(withTerm);
    const page = await request(app).get('/search').query({ q: '乡村振兴' }).expect(200);
    expect(page.text).toContain('段落 · 报告');
  });
});

describe('format=csv', () => {
  it('exports every search hit with its whole passage and metadata', async () => {
    const json = await request(app).get('/api/search').query({ q: '乡村振兴', limit: 5 }).expect(200);
    const res = await request(app).get('/api/search').query({ q: '乡村振兴', limit: 5, format: 'csv' }).expect(200).expect('content-type', /text\/csv/);
    const lines = res.text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('rank,passage,region,level,county,city,province,year,date,speaker,kind,title,source,section,paragraph,text,url');
    expect(lines).toHaveLength(json.body.total + 1);
    expect(lines[1].startsWith(`1,${json.body.hits[0].id},`)).toBe(true);
  });

  it('exports the documents, and refuses CSV where there is none, naming the parameter', async () => {
    const docs = await request(app).get('/api/documents').query({ format: 'csv' }).expect(200).expect('content-type', /text\/csv/);
    expect(docs.text.replace(/^\ufeff/, '').trim().split('\r\n')).toHaveLength(8);
    for (const url of ['/api/documents/002_d090e128778c2801', '/api/suggest?q=乡村']) {
      const res = await request(app).get(encodeURI(url)).query({ format: 'csv' }).expect(400);
      expect(res.body.error).toMatch(/^format: this endpoint answers JSON only/);
    }
    await request(app).get('/api/search').query({ q: '乡村', format: 'xml' }).expect(400);
  });
});

describe('favicon', () => {
  it('is served, so a page load logs no 404', async () => {
    const res = await request(app).get('/favicon.ico').expect(200);
    expect(res.headers['content-type']).toMatch(/image\/(?:x-icon|vnd\.microsoft\.icon)/);
    expect((await request(app).get('/')).text).toContain('<link rel="icon" href="/favicon.ico"');
  });
});

describe('pages say what they cannot show', () => {
  it('the concordance says which lines it shows of how many, pages through them, and offers every line as CSV', async () => {
    const res = await request(app).get('/kwic').query({ q: '发展', limit: 5 }).expect(200);
    const total = Number(/共出现 <strong>(\d+)<\/strong> 次/.exec(res.text)![1]);
    expect(res.text).toContain('本页显示第 1–5 次');
    expect(res.text).toContain(`下载 CSV（全部 ${total} 次）`);
    const next = /<a href="([^"]+)" rel="next">/.exec(res.text)![1].replace(/&amp;/g, '&');
    expect((await request(app).get(next).expect(200)).text).toContain('本页显示第 6–10 次');
  });

  it('the matrix gives reports without a year their own column, so that cells add up, and says when it shows the top phrases', async () => {
    const dir = await tempDir();
    // 港门镇 has reports of two years, so its columns are split by year; a third report of it has no year.
    const body = '各位代表：推进河长制工作，落实河长制责任，确保河湖水质稳定向好，群众满意度持续提升。';
    await writeFile(path.join(dir, 'a.txt'), `港门镇2021年政府工作报告\n${body}`);
    await writeFile(path.join(dir, 'b.txt'), `港门镇2022年政府工作报告\n${body}`);
    await writeFile(path.join(dir, 'c.txt'), `港门镇政府工作报告\n${body}`);
    const other = await createEngine({ corpusDir: dir, cacheDir: null });
    await other.whenPhrasesReady();
    const res = await request(createApp(other)).get('/api/phrases/matrix').query({ p: '河长制', order: 'corpus' }).expect(200);
    expect(res.body.regions).toEqual(['港门镇 2021', '港门镇 2022', '港门镇 （未注明年份）']);
    expect(res.body.rows[0]).toMatchObject({ counts: [2, 2, 2], total: 6 });
    const top = await request(app).get('/phrases/matrix').expect(200);
    expect(top.text).toContain('未输入短语，显示分布地区最多的 20 个共同表述');
  });

  it('the matrix orders columns by total, hides empty ones on request, and shades by rate', async () => {
    const byTotal = (await request(app).get('/api/phrases/matrix').query({ p: ['河长制', '营商环境'] }).expect(200)).body;
    expect(byTotal.columnTotals).toEqual([...byTotal.columnTotals].sort((a: number, b: number) => b - a));
    const hidden = (await request(app).get('/api/phrases/matrix').query({ p: '营商环境', hideEmpty: 1 }).expect(200)).body;
    expect(hidden.columnTotals.every((t: number) => t > 0)).toBe(true);
    expect(hidden.regions.length).toBeLessThan(byTotal.regions.length);
    const page = await request(app).get('/phrases/matrix').query({ p: '河长制', shade: 'rate' }).expect(200);
    expect(page.text).toMatch(/title="每万字 \d/);
    await request(app).get('/phrases/matrix').query({ p: '河长制', order: 'size' }).expect(400);
  });
});

describe('the document page', () => {
  it('marks as many passages as the search counts in that document, also for several words', async () => {
    for (const q of ['乡村振兴 人居环境', '河长制', '乡村振兴 -脱贫']) {
      const search = engine.search({ q, limit: 1000 });
      const doc = search.hits[0].document;
      const inDoc = search.hits.filter((h) => h.document.id === doc.id).length;
      const res = await request(app).get(`/documents/${doc.id}`).query({ q }).expect(200);
      expect(res.text).toContain(`：${inDoc} 个段落。`);
      expect((res.text.match(/class="passage[^"]* marked"/g) ?? []).length).toBe(inDoc);
    }
  });
});
