import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { parseQuery } from '../../src/query/parse-query.js';
import { createApp } from '../../src/server/create-app.js';
import { tempDir } from '../helpers.js';

describe('level and year-range filters in the query language', () => {
  it('reads level:省, year:2020-2025 and their Chinese names; a level that is none or a span over a century is ignored', () => {
    expect(parseQuery('乡村振兴 level:省 year:2020-2023')).toMatchObject({ levels: ['省'], years: [2020, 2021, 2022, 2023], ignored: [] });
    expect(parseQuery('乡村振兴 级别:镇,乡 年份:2025~2024')).toMatchObject({ levels: ['镇', '乡'], years: [2024, 2025] });
    expect(parseQuery('乡村振兴 level:村').ignored).toEqual(['level:村']);
    expect(parseQuery('乡村振兴 year:1800-2025').ignored).toEqual(['year:1800-2025']);
  });
});

describe('filtering by level', () => {
  let engine: Engine;
  beforeAll(async () => {
    const dir = await tempDir();
    const body = '各位代表：过去一年，我们全面推进乡村振兴，各项工作取得新成效，群众获得感不断增强。';
    await writeFile(path.join(dir, 'a.txt'), `2024年河北省政府工作报告\n${body}`);
    await writeFile(path.join(dir, 'b.txt'), `港门镇2023年政府工作报告\n${body}`);
    await writeFile(path.join(dir, 'c.txt'), `港门镇2021年政府工作报告\n${body}`);
    engine = await createEngine({ corpusDir: dir, cacheDir: null });
  });

  it('keeps only that level, in totals and in both facets', () => {
    const all = engine.search({ q: '乡村振兴' });
    expect(all.total).toBe(3);
    const province = engine.search({ q: '乡村振兴 level:省' });
    expect(province.hits.map((h) => h.document.region)).toEqual(['河北省']);
    expect(province.facets.region).toEqual({ 河北省: 1 });
    expect(province.facets.year).toEqual({ 2024: 1 });
    expect(engine.search({ q: '乡村振兴 year:2022-2024' }).hits.map((h) => h.document.year).sort()).toEqual([2023, 2024]);
  });

  it('takes level= in the API, keeps it in the page links, and refuses a level that is none', async () => {
    const app = createApp(engine);
    expect((await request(app).get('/api/search').query({ q: '乡村振兴', level: '镇' }).expect(200)).body.total).toBe(2);
    expect((await request(app).get('/api/search').query({ q: '乡村振兴', level: '村' }).expect(400)).body.error).toMatch(/^level: one of/);
    const page = await request(app).get('/search').query({ q: '乡村振兴', level: '镇' }).expect(200);
    expect(page.text).toContain('级别：镇 ✕');
    expect(page.text).toContain('<input type="hidden" name="level" value="镇">');
  });
});
