import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { satisfies, parseComparison, type FigureTable } from '../../src/figures/figure-table.js';
import { createApp } from '../../src/server/create-app.js';
import { SAMPLE_CORPUS, sampleEngine } from '../helpers.js';

let engine: Engine;
let table: FigureTable;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  engine = await sampleEngine();
  table = await engine.whenFiguresReady();
  app = createApp(engine);
});

/** The records of a group, with their documents: what every view of it must list. */
const recordsOf = (group: string) => (table.byGroup.get(group) ?? []).map((k) => ({ f: table.records[k], doc: engine.index.documents[engine.index.passageDoc[table.records[k].passage]] }));

describe('figures over HTTP', () => {
  it('lists indicators by how many regions report them, synonyms under one name', async () => {
    const res = await request(app).get('/api/figures').expect(200);
    const list = res.body.indicators as { indicator: string; regions: number; reports: number; figures: number }[];
    expect(list.map((i) => i.regions)).toEqual([...list.map((i) => i.regions)].sort((a, b) => b - a));
    const gdp = list.find((i) => i.indicator === '地区生产总值')!;
    // 南山镇 writes 生产总值, 港门镇 地区生产总值: one indicator.
    expect(gdp.regions).toBe(new Set(recordsOf('地区生产总值').map((r) => r.doc.region)).size);
    expect(gdp.regions).toBeGreaterThanOrEqual(2);
  });

  it('answers /api/figures?indicator= in the documented shape, each row a record of that indicator, and CSV', async () => {
    const res = await request(app).get('/api/figures').query({ indicator: '一般公共预算收入' }).expect(200);
    expect(res.body.indicator).toBe('一般公共预算收入');
    for (const key of ['region', 'year', 'value', 'unit', 'normalized', 'change', 'passageId', 'text']) expect(res.body.rows[0]).toHaveProperty(key);
    expect(res.body.rows.map((r: { passageId: string; value: number }) => `${r.passageId}|${r.value}`)).toEqual(recordsOf('一般公共预算收入').map((r) => `${engine.index.passages[r.f.passage].id}|${r.f.value}`));
    const gangmen = res.body.rows.find((r: { region: string }) => r.region === '港门镇');
    expect(gangmen).toMatchObject({ year: 2022, value: 1820, unit: '万元', normalized: 18_200_000, change: { kind: '同比增长', value: 5, unit: '%' } });
    const csv = await request(app).get('/api/figures').query({ indicator: '一般公共预算收入', format: 'csv' }).expect(200);
    expect(csv.text.replace(/^\ufeff/, '').split('\r\n')).toHaveLength(res.body.rows.length + 2);
  });

  it('filters by a comparison and by region, year and level, and says what is wrong with a bad one', async () => {
    const over = await request(app).get('/api/figures').query({ indicator: '固定资产投资', value: '>2亿元' }).expect(200);
    const c = parseComparison('>2亿元')!;
    expect(over.body.rows.length).toBe(recordsOf('固定资产投资').filter((r) => satisfies(r.f, c)).length);
    expect(over.body.rows.every((r: { normalized: number }) => r.normalized > 2e8)).toBe(true);
    const y2023 = await request(app).get('/api/figures').query({ indicator: '固定资产投资', year: '2023' }).expect(200);
    expect(y2023.body.rows.every((r: { year: number }) => r.year === 2023)).toBe(true);
    expect((await request(app).get('/api/figures').query({ indicator: '固定资产投资', value: '大于一亿' }).expect(400)).body.error).toMatch(/^value: a comparison such as/);
  });

  it('shows the indicator table by region and year, each figure linking to its passage with the figure marked', async () => {
    const page = await request(app).get('/figures').query({ indicator: '地区生产总值' }).expect(200);
    expect(page.text).toContain('<th scope="row">南山镇</th>');
    const link = page.text.match(/<td class="num"><a href="([^"]+)"/)![1].replace(/&amp;/g, '&');
    const [path, anchor] = link.split('#');
    const doc = await request(app).get(path).expect(200);
    expect(doc.text).toContain(`id="${anchor}" class="passage marked"`);
    expect(doc.text).toMatch(/<mark>[\d.]+亿元<\/mark>/);
  });
});

describe('figure queries in search', () => {
  it('finds with 财政收入 >1000万元 the passages holding such a figure of that indicator, the figure marked', async () => {
    const res = await request(app).get('/api/search').query({ q: '财政收入 >1000万元', limit: 100 }).expect(200);
    const c = parseComparison('>1000万元')!;
    const expected = new Set(table.records.filter((f, k) => (f.indicator.includes('财政收入') || table.groups[k].includes('财政收入')) && satisfies(f, c)).map((f) => engine.index.passages[f.passage].id));
    expect(new Set(res.body.hits.map((h: { id: string }) => h.id))).toEqual(expected);
    expect(res.body.total).toBe(expected.size);
    for (const hit of res.body.hits) expect(hit.highlights.map(([s, e]: [number, number]) => hit.text.slice(s, e)).some((m: string) => /万元$/.test(m))).toBe(true);
  });

  it('finds 地区生产总值 under a synonym the report writes (生产总值16.36亿元), and narrows by year', async () => {
    const res = await request(app).get('/api/search').query({ q: '地区生产总值 >10亿元', limit: 100 }).expect(200);
    expect(res.body.hits.map((h: { region: string }) => h.region).sort()).toEqual(['南山镇', '港门镇']);
    expect((await request(app).get('/api/search').query({ q: '地区生产总值 >10亿元 year:2022' }).expect(200)).body.total).toBe(1);
  });

  it('answers a figure query 503 with Retry-After until the figures are read, then answers it', async () => {
    const engine = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: null });
    const fresh = createApp(engine);
    // A plain search does not start reading the figures; a figure query does, and says to try again.
    await request(fresh).get('/api/search').query({ q: '财政收入' }).expect(200);
    const res = await request(fresh).get('/api/search').query({ q: '财政收入 >1000万元' }).expect(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body.error).toMatch(/figures are still being read/);
    await engine.whenFiguresReady();
    expect((await request(fresh).get('/api/search').query({ q: '财政收入 >1000万元' }).expect(200)).body.total).toBe(2);
  });

  it('links a hit and a report passage to the tables of their figures', async () => {
    const page = await request(app).get('/search').query({ q: '一般公共预算收入' }).expect(200);
    expect(page.text).toMatch(/<p class="figure-links">数字：.*<a href="\/figures\?indicator=%E4%B8%80%E8%88%AC%E5%85%AC%E5%85%B1%E9%A2%84%E7%AE%97%E6%94%B6%E5%85%A5">一般公共预算收入 1820万元<\/a>/);
    const doc = await request(app).get('/documents/002_d090e128778c2801').expect(200);
    expect(doc.text).toContain('<a href="/figures?indicator=%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC">地区生产总值 17.1亿元</a>');
  });
});
