import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { distinctiveAgainst, logLikelihood, referenceFor } from '../../src/analysis/distinctive-phrases.js';
import type { PhraseTable } from '../../src/analysis/phrase-table.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { createApp } from '../../src/server/create-app.js';
import { tempDir } from '../helpers.js';

let engine: Engine;
let table: PhraseTable;
beforeAll(async () => {
  const dir = await tempDir();
  const body = (words: string) => `各位代表：过去一年，我们${words}，各项工作取得新成效，人民群众获得感不断增强。`;
  const reports: [string, string][] = [
    ['a.txt', `2024年河北省政府工作报告\n${body('推进京津冀协同发展，深化京津冀协同发展，河北经济持续向好，河北人民团结奋斗')}`],
    ['b.txt', `2024年广东省政府工作报告\n${body('推进粤港澳大湾区建设，深化粤港澳大湾区合作')}`],
    ['c.txt', `2023年广东省政府工作报告\n${body('推进京津冀协同发展')}`],
    ['d.txt', `港门镇2024年政府工作报告\n${body('推进京津冀协同发展，京津冀协同发展')}`],
  ];
  for (const [name, text] of reports) await writeFile(path.join(dir, name), text);
  engine = await createEngine({ corpusDir: dir, cacheDir: null });
  table = await engine.whenPhrasesReady();
});

describe('distinctive phrases against a chosen baseline', () => {
  it('picks the reference: the same level and years, the same years, or everything else', () => {
    expect(referenceFor(engine.index, '河北省', 'same-level-years')).toMatchObject({ regions: ['广东省'], keys: ['广东省|2024'] });
    expect([...referenceFor(engine.index, '河北省', 'same-year').regions].sort()).toEqual(['广东省', '港门镇'].sort());
    expect([...referenceFor(engine.index, '河北省', 'all').keys].sort()).toEqual(['广东省|2023', '广东省|2024', '港门镇|2024'].sort());
  });

  it('scores by G² and the log ratio of the rates, as their formulas say, and sets the region\'s own name apart', () => {
    const reference = referenceFor(engine.index, '河北省', 'same-level-years');
    const result = distinctiveAgainst(table, '河北省', reference, 1);
    const size = table.regionSizes['河北省'];
    const phrase = result.phrases.find((p) => p.phrase === '京津冀协同发展')!;
    expect(phrase).toMatchObject({ count: 2, otherCount: 0 });
    expect(phrase.g2).toBeCloseTo(logLikelihood(2, 0, size, reference.characters), 2);
    expect(phrase.logRatio).toBeCloseTo(Math.log2((2 / size) / (0.5 / reference.characters)), 2);
    expect(result.selfReferences.every((p) => p.phrase.includes('河北'))).toBe(true);
    expect(result.phrases.some((p) => p.phrase.includes('河北'))).toBe(false);
  });

  it('takes baseline= in the API and the page, and refuses one that is none', async () => {
    const app = createApp(engine);
    const res = await request(app).get(`/api/regions/${encodeURIComponent('河北省')}/distinctive`).query({ baseline: 'same-year', minCount: 1 }).expect(200);
    expect(res.body).toMatchObject({ region: '河北省', baseline: 'same-year' });
    expect(res.body.reference.regions.sort()).toEqual(['广东省', '港门镇'].sort());
    expect(Object.keys(res.body.phrases[0]).sort()).toEqual(['count', 'g2', 'logRatio', 'otherCount', 'otherRate', 'phrase', 'rate']);
    await request(app).get(`/api/regions/${encodeURIComponent('河北省')}/distinctive`).query({ baseline: 'nearby' }).expect(400);
    const page = await request(app).get(`/regions/${encodeURIComponent('河北省')}`).expect(200);
    expect(page.text).toContain('对照：广东省（共');
  });
});
