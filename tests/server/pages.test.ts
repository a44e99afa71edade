import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { createApp } from '../../src/server/create-app.js';
import { sampleEngine } from '../helpers.js';

let engine: Engine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  engine = await sampleEngine();
  app = createApp(engine);
});

describe('search page', () => {
  it('shows a search box, examples and the corpus size on the home page', async () => {
    const res = await request(app).get('/').expect(200).expect('content-type', /html/);
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.text).toMatch(/<label for="q"/);
    expect(res.text).toContain('7 篇报告');
  });

  it('shows ranked hits with marks, metadata, facets, a link into the document and the JSON link', async () => {
    const res = await request(app).get('/search').query({ q: '乡村振兴' }).expect(200);
    expect(res.text).toContain('找到 <strong>23</strong> 个段落');
    expect(res.text).toContain('<mark>乡村振兴</mark>');
    expect(res.text).toMatch(/href="\/documents\/[^"?]+\?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4#p-\d+"/);
    expect(res.text).toContain('南山镇 <span class="count" title="6 个段落，1 篇报告">6 · 1</span>');
    expect(res.text).toContain('href="/api/search?q=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4"');
    expect(res.text).toContain('value="乡村振兴"');
  });

  it('narrows by a facet, shows the filter as removable, and keeps it in pagination links', async () => {
    const res = await request(app).get('/search').query({ q: '发展', region: '南山镇' }).expect(200);
    expect(res.text).toContain('地区：南山镇 ✕');
    expect(res.text).toMatch(/<a href="\/search\?q=%E5%8F%91%E5%B1%95&amp;region=%E5%8D%97%E5%B1%B1%E9%95%87&amp;offset=10" rel="next">/);
    const regions = [...res.text.matchAll(/<span class="region">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(new Set(regions)).toEqual(new Set(['南山镇']));
  });

  it('says when nothing matched and suggests what to try', async () => {
    const res = await request(app).get('/search').query({ q: '火星基地 region:港门镇' }).expect(200);
    expect(res.text).toContain('没有找到');
    expect(res.text).toContain('去掉地区、年份和级别筛选再搜');
  });

  it('shows a query with markup as text', async () => {
    const res = await request(app).get('/search').query({ q: '<script>alert(1)</script>' }).expect(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers a bad parameter with a 400 page in the layout', async () => {
    const res = await request(app).get('/search').query({ q: '乡村', limit: 'x' }).expect(400);
    expect(res.text).toContain('请求有误');
    expect(res.text).toContain('limit');
    expect(res.text).toContain('<header class="site">');
  });

  it('sends security headers with a Content-Security-Policy that needs no inline script', async () => {
    const res = await request(app).get('/').expect(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).not.toMatch(/<script>(?!alert)/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('document page', () => {
  it('shows metadata, an outline linking to anchors, every passage with its anchor and a citation', async () => {
    const doc = engine.documents[0];
    const res = await request(app).get(`/documents/${doc.id}`).expect(200);
    expect(res.text).toContain('<h1>南山镇2021年政府工作报告</h1>');
    expect(res.text).toContain('镇长 詹庆发');
    expect(res.text).toContain('2021-04-02');
    for (const p of doc.passages) expect(res.text).toContain(`id="p-${p.index}"`);
    const heading = doc.passages.find((p) => p.text === '2021年工作安排')!;
    expect(res.text).toContain(`<a href="#p-${heading.index}">2021年工作安排</a>`);
    expect(res.text).toMatch(new RegExp(`南山镇人民政府\\. 南山镇2021年政府工作报告\\[R\\]\\. 南山镇第四届人民代表大会第八次会议, 2021-04-02\\. 报告人: 镇长 詹庆发\\. 标题: “2021年工作安排”\\. http://127\\.0\\.0\\.1:\\d+/documents/${doc.id}#p-${heading.index}`));
  });

  it('cites a body paragraph by the number a reader counts, with its section and quoted text', async () => {
    const doc = engine.documents[2];
    const res = await request(app).get(`/documents/${doc.id}`).expect(200);
    const opening = doc.passages.find((p) => p.text.startsWith('现在，我代表港门镇人民政府'))!;
    const second = doc.passages.find((p) => p.text.startsWith('刚刚过去的2021年'))!;
    expect(res.text).toContain(`<a class="num" href="#p-${opening.index}" title="本段链接">1</a>`);
    expect(res.text).toContain(`<a class="num" href="#p-${second.index}" title="本段链接">2</a>`);
    expect(res.text).toContain(`<a class="num" href="#p-${second.index - 1}" title="本段链接">¶</a>`);
    expect(res.text).toMatch(/港门镇人民政府\. 政府工作报告\[R\]\. 港门镇第十八届人民代表大会第二次会议, 2022-03-18\. 报告人: 镇长 罗允升\. 一、2021年工作回顾, 第2段: “刚刚过去的2021年是党和国家历史上/);
  });

  it('takes the permalink origin from PUBLIC_URL when set', async () => {
    const doc = engine.documents[0];
    const res = await request(createApp(engine, { publicUrl: 'https://search.example.org' })).get(`/documents/${doc.id}`).set('Host', 'evil.example').expect(200);
    expect(res.text).toContain(`https://search.example.org/documents/${doc.id}#p-`);
    expect(res.text).not.toContain('evil.example');
  });

  it('marks the searched words when arriving from a search', async () => {
    const res = await request(app).get(`/documents/${engine.documents[2].id}`).query({ q: '乡村振兴' }).expect(200);
    expect(res.text).toContain('<mark>乡村振兴</mark>');
    expect(res.text).toContain('已标出“乡村振兴”');
  });

  it('answers 404 for an unknown document in the layout', async () => {
    const res = await request(app).get('/documents/nope').expect(404);
    expect(res.text).toContain('未找到');
    expect(res.text).toContain('<header class="site">');
  });

  it('answers 400, not 500, for malformed percent-encoding', async () => {
    await request(app).get('/documents/%E0%A4%A').expect(400);
    await request(app).get('/search?q=%E0%A4%A').expect(400);
  });
});

describe('documents page', () => {
  it('lists every document and sorts by a column', async () => {
    const res = await request(app).get('/documents').query({ sort: 'passages', dir: 'desc' }).expect(200);
    const counts = [...res.text.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(counts).toHaveLength(7);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await request(app).get('/documents').query({ sort: 'nonsense' }).expect(400);
  });

  it('shows each document\'s source file, date and the divisions above its region, and sorts by them', async () => {
    const res = await request(app).get('/documents').query({ sort: 'source' }).expect(200);
    expect(res.text).toContain('<code title="002_d090e128778c2801.txt">002_d090e128778c2801.txt</code>');
    expect(res.text).toContain('广东省 湛江市 遂溪县');
    expect(res.text).toContain('2022-03-18');
    const sources = [...res.text.matchAll(/<code title="([^"]+)">/g)].map((m) => m[1]);
    expect(sources).toEqual([...sources].sort());
    expect(res.text).not.toContain('缺少元数据的文档');
  });
});

describe('documents lacking metadata', () => {
  it('are counted and listed on the documents page with how to supply the values', async () => {
    const { createEngine } = await import('../../src/engine.js');
    const { tempDir } = await import('../helpers.js');
    const { writeFile } = await import('node:fs/promises');
    const dir = await tempDir();
    await writeFile(`${dir}/a.txt`, '各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议，并请列席会议的同志提出意见。\n');
    const res = await request(createApp(await createEngine({ corpusDir: dir, cacheDir: null }))).get('/documents').expect(200);
    expect(res.text).toContain('1 篇缺地区，1 篇缺年份');
    expect(res.text).toMatch(/<h3>缺地区（1）<\/h3>\s*<ul><li><a href="\/documents\/a">a<\/a>/);
    expect(res.text).toContain('metadata.csv');
  });
});

describe('document page metadata', () => {
  it('says where each value came from', async () => {
    const res = await request(app).get('/documents/002_d090e128778c2801').expect(200);
    expect(res.text).toMatch(/港门镇（镇） <small class="src" title="来源">会议行<\/small>/);
    expect(res.text).toContain('广东省 湛江市 遂溪县 · 代码 440823112');
    expect(res.text).toMatch(/2022 <small class="src" title="来源">会议行<\/small>/);
  });
});

describe('unknown pages', () => {
  it('answer 404 in the layout, and nothing leaks a stack trace', async () => {
    const res = await request(app).get('/no/such/page').expect(404);
    expect(res.text).toContain('没有这个页面');
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
});
