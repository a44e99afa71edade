import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.js';
import { countOccurrences } from '../../src/highlight/find-highlights.js';
import { createApp } from '../../src/server/create-app.js';
import { sampleAppWithPhrases, tempDir } from '../helpers.js';

let engine: Engine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  ({ engine, app } = await sampleAppWithPhrases());
});

/** Brute force: occurrences of a phrase in a region's reports of a year, and their characters. */
function side(region: string, year: number, phrase?: string) {
  const docs = engine.documents.filter((d) => d.region === region && d.year === year);
  const passages = docs.flatMap((d) => d.passages);
  return { count: phrase ? passages.reduce((n, p) => n + countOccurrences(p.text, phrase), 0) : 0, chars: passages.reduce((n, p) => n + p.text.length, 0) };
}

describe('comparing two reports', () => {
  it('lists phrases new in B, dropped from A, and those whose rate rose or fell, as brute force counts them', async () => {
    const res = await request(app).get('/api/compare').query({ a: '南山镇', b: '关路镇', year: 2021 }).expect(200);
    const c = res.body;
    expect(c.a).toMatchObject({ region: '南山镇', year: 2021, characters: side('南山镇', 2021).chars });
    expect(c.new.length + c.dropped.length + c.rose.length + c.fell.length).toBeGreaterThan(10);
    for (const p of c.new) {
      expect(side('南山镇', 2021, p.phrase).count).toBe(0);
      expect(side('关路镇', 2021, p.phrase).count).toBe(p.count);
      expect(p.count).toBeGreaterThanOrEqual(2);
    }
    for (const p of c.dropped) expect([side('南山镇', 2021, p.phrase).count, side('关路镇', 2021, p.phrase).count]).toEqual([p.count, 0]);
    for (const p of [...c.rose, ...c.fell]) {
      const [a, b] = [side('南山镇', 2021, p.phrase), side('关路镇', 2021, p.phrase)];
      expect(p.from).toBeCloseTo((a.count / a.chars) * 10_000, 2);
      expect(p.to).toBeCloseTo((b.count / b.chars) * 10_000, 2);
    }
    expect(c.rose.every((p: { from: number; to: number }) => p.to > p.from)).toBe(true);
    expect(c.fell.every((p: { from: number; to: number }) => p.to < p.from)).toBe(true);
  });

  it('says which parameter is wrong', async () => {
    expect((await request(app).get('/api/compare').query({ a: '南山镇', b: '火星镇', year: 2021 }).expect(400)).body.error).toMatch(/^b: no region "火星镇"/);
    expect((await request(app).get('/api/compare').query({ a: '南山镇', b: '港门镇', year: 2021 }).expect(400)).body.error).toMatch(/^b: 港门镇 has reports of 2022, not 2021/);
    await request(app).get('/api/compare').expect(400);
  });

  it('compares a town with itself over two years, and the page links each phrase to its lines on that side', async () => {
    const dir = await tempDir();
    const body = (words: string) => `各位代表：过去一年，我们${words}，各项工作取得新成效，群众获得感不断增强。`;
    await writeFile(path.join(dir, 'a.txt'), `港门镇2021年政府工作报告\n${body('全面推行河长制，落实河长制责任')}\n${body('全面推行河长制，完善河长制巡查')}`);
    await writeFile(path.join(dir, 'b.txt'), `港门镇2022年政府工作报告\n${body('全面推行林长制，落实林长制责任')}\n${body('全面推行林长制，完善林长制巡查')}`);
    const town = await createEngine({ corpusDir: dir, cacheDir: null });
    await town.whenPhrasesReady();
    const townApp = createApp(town);
    const c = (await request(townApp).get('/api/compare').query({ region: '港门镇', from: 2021, to: 2022 }).expect(200)).body;
    expect(c.new.map((p: { phrase: string }) => p.phrase)).toContain('林长制');
    expect(c.dropped.map((p: { phrase: string }) => p.phrase)).toContain('河长制');
    const page = await request(townApp).get('/compare').query({ region: '港门镇', from: 2021, to: 2022 }).expect(200);
    expect(page.text).toContain(`href="/kwic?q=${encodeURIComponent('林长制')}&amp;region=${encodeURIComponent('港门镇')}&amp;year=2022"`);
    const kwic = await request(townApp).get('/kwic').query({ q: '林长制', region: '港门镇', year: 2022 }).expect(200);
    expect(kwic.text).toMatch(/在港门镇 2022年的报告中共出现 <strong>4<\/strong> 次/);
  });
});
