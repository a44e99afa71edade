import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { inScope, type AnalysisScope } from '../../src/analysis/analysis-scope.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { createApp } from '../../src/server/create-app.js';
import { normalizeText } from '../../src/tokenize/normalize-text.js';
import { tempDir } from '../helpers.js';

let engine: Engine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  const dir = await tempDir();
  const body = (words: string) => `各位代表：过去一年，我们${words}，营商环境持续优化，各项工作取得新成效。`;
  const reports: [string, string][] = [
    ['a.txt', `2024年河北省政府工作报告\n${body('推进乡村振兴，发展新质生产力，培育新质生产力')}\n深化乡村振兴，优化营商环境。`],
    ['b.txt', `2024年广东省政府工作报告\n${body('发展新质生产力，推进乡村振兴')}\n推进粤港澳大湾区建设。`],
    ['c.txt', `2023年广东省政府工作报告\n${body('推进乡村振兴，全面推进乡村振兴')}`],
    ['d.txt', `港门镇2024年政府工作报告\n${body('推进乡村振兴，整治人居环境')}`],
    ['e.txt', `南山镇政府工作报告\n${body('推进乡村振兴，新质生产力起步')}`],
  ];
  for (const [name, text] of reports) await writeFile(path.join(dir, name), text);
  engine = await createEngine({ corpusDir: dir, cacheDir: null });
  await engine.whenPhrasesReady();
  app = createApp(engine);
});

/** Occurrences of a phrase in the reports of a scope, counted the slow way (non-overlapping, on normalised text). */
function bruteForce(phrase: string, scope: AnalysisScope): number {
  const needle = normalizeText(phrase);
  return engine.documents.filter((d) => inScope(scope, d)).reduce((n, d) => n + d.passages.reduce((m, p) => m + normalizeText(p.text).split(needle).length - 1, 0), 0);
}

const scope = (s: Partial<AnalysisScope>): AnalysisScope => ({ regions: [], years: [], levels: [], ...s });

describe('analysis views narrowed by region, year (and range) and level', () => {
  it('reads the fixture as two provinces and two towns, one report without a year', () => {
    expect(engine.documents.map((d) => [d.region, d.level, d.year])).toEqual([
      ['河北省', '省', 2024], ['广东省', '省', 2024], ['广东省', '省', 2023], ['港门镇', '镇', 2024], ['南山镇', '镇', null],
    ]);
  });

  it('counts the shared phrases of a level and of a range of years only in those reports', async () => {
    for (const [query, s] of [[{ level: '省' }, scope({ levels: ['省'] })], [{ year: '2023-2024' }, scope({ years: [2023, 2024] })], [{ region: '广东省', year: '2024' }, scope({ regions: ['广东省'], years: [2024] })]] as const) {
      const res = await request(app).get('/api/phrases').query({ ...query, minRegions: 1, limit: 1000 }).expect(200);
      expect(res.body.total).toBeGreaterThan(0);
      for (const p of res.body.phrases) {
        expect(p.count).toBe(bruteForce(p.phrase, s));
        for (const region of Object.keys(p.byRegion)) expect(engine.documents.some((d) => d.region === region && inScope(s, d))).toBe(true);
      }
    }
  });

  it('lays out the matrix of a level with cells that add up to totals equal to a brute-force count', async () => {
    const res = await request(app).get('/api/phrases/matrix').query({ p: ['乡村振兴', '新质生产力'], level: '镇' }).expect(200);
    expect(res.body.regions.sort()).toEqual(['南山镇', '港门镇']);
    for (const row of res.body.rows) {
      expect(row.total).toBe(bruteForce(row.phrase, scope({ levels: ['镇'] })));
      expect(row.counts.reduce((a: number, b: number) => a + b, 0)).toBe(row.total);
    }
  });

  it('gives the concordance of a level and a year: every line there, none elsewhere', async () => {
    const res = await request(app).get('/api/kwic').query({ q: '乡村振兴', level: '省', year: '2024' }).expect(200);
    expect(res.body.total).toBe(bruteForce('乡村振兴', scope({ levels: ['省'], years: [2024] })));
    expect(new Set(res.body.lines.map((l: { region: string }) => l.region))).toEqual(new Set(['河北省', '广东省']));
    const page = await request(app).get('/kwic').query({ q: '乡村振兴', level: '省', year: '2024' }).expect(200);
    expect(page.text).toContain(`在2024年 省级的报告中共出现 <strong>${res.body.total}</strong> 次`);
  });

  it('draws the timeline of a level, and counts the reports without a year in a row of their own', async () => {
    const provinces = (await request(app).get('/api/timeline').query({ q: '乡村振兴', level: '省' }).expect(200)).body.series[0];
    expect(provinces.years.map((y: { year: number }) => y.year)).toEqual([2023, 2024]);
    expect(provinces.years.map((y: { count: number }) => y.count)).toEqual([2023, 2024].map((year) => bruteForce('乡村振兴', scope({ levels: ['省'], years: [year] }))));
    expect(provinces.undated).toEqual({ count: 0, reports: 0 });
    const all = (await request(app).get('/api/timeline').query({ q: '新质生产力' }).expect(200)).body.series[0];
    expect(all.undated).toEqual({ count: bruteForce('新质生产力', scope({ regions: ['南山镇'] })), reports: 1 });
    expect(all.years.reduce((n: number, y: { count: number }) => n + y.count, all.undated.count)).toBe(bruteForce('新质生产力', scope({})));
    const page = await request(app).get('/timeline').query({ q: '新质生产力' }).expect(200);
    expect(page.text).toContain('未注明年份');
  });

  it('compares all reports of a level in two years', async () => {
    const res = await request(app).get('/api/compare').query({ level: '省', from: '2023', to: '2024', limit: 1000 }).expect(200);
    expect(res.body.a).toMatchObject({ region: null, level: '省', year: 2023, years: [2023] });
    const added = res.body.new.find((p: { phrase: string }) => p.phrase === '新质生产力');
    expect(added?.count).toBe(bruteForce('新质生产力', scope({ levels: ['省'], years: [2024] })));
    expect(bruteForce('新质生产力', scope({ levels: ['省'], years: [2023] }))).toBe(0);
  });

  it('takes a range of years on the search API too', async () => {
    const res = await request(app).get('/api/search').query({ q: '乡村振兴', year: '2023-2024', limit: 100 }).expect(200);
    expect(new Set(res.body.hits.map((h: { year: number }) => h.year))).toEqual(new Set([2023, 2024]));
  });

  it('says which parameter is wrong: a bad year, range or level', async () => {
    expect((await request(app).get('/api/phrases').query({ year: '20x4' }).expect(400)).body.error).toMatch(/^year: /);
    expect((await request(app).get('/api/kwic').query({ q: '乡村', year: '1800-2024' }).expect(400)).body.error).toMatch(/^year: a range of at most 100 years/);
    expect((await request(app).get('/api/timeline').query({ q: '乡村', level: '州' }).expect(400)).body.error).toMatch(/^level: one of/);
    expect((await request(app).get('/api/compare').query({ level: '镇', from: '2023', to: '2024' }).expect(400)).body.error).toBe('from: no reports of level 镇 in 2023');
  });
});
