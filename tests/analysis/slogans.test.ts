import { beforeAll, describe, expect, it } from 'vitest';
import { findCorpusSlogans } from '../../src/analysis/find-slogans.js';
import { sloganUsage, slogansInReport } from '../../src/analysis/slogan-usage.js';
import type { Engine } from '../../src/engine.js';
import { normalizeText } from '../../src/tokenize/normalize-text.js';
import { sampleEngine } from '../helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await sampleEngine();
});

describe('slogans the corpus defines itself', () => {
  it('reads “X”即… and “X”（…） as a slogan and its parts, with the passage that defines it', () => {
    const passages = [
      { id: 'a-p1', text: '全面开展“三清三拆三整治”，“三清三拆三整治”即清理村巷道杂物、清理房前屋后、清理沟渠池塘，拆除危旧房、拆除乱搭建、拆除违规广告招牌，整治垃圾乱扔乱放、整治污水乱排、整治“三线”乱搭乱接。' },
      { id: 'b-p2', text: '加强农村“三资”（资金、资产、资源）管理。' },
      { id: 'c-p3', text: '做好“六稳”工作，落实“十四五”规划，“两山”理念深入人心。' },
      // A term defined in a law, not a slogan: its numerals (15) do not count its parts (2).
      { id: 'd-p4', text: '本条例所称“十五日”（工作日，不包括节假日）自受理之日起计算。' },
    ];
    const found = findCorpusSlogans(passages);
    expect(found.map((s) => [s.name, s.parts.length, s.passageId])).toEqual([['三清三拆三整治', 9, 'a-p1'], ['三资', 3, 'b-p2']]);
    expect(found[0].parts).toContain('整治“三线”乱搭乱接');
    expect(found[1].parts).toEqual(['资金', '资产', '资源']);
  });

  it('finds the one the sample reports define: “五带头”', () => {
    const found = findCorpusSlogans(engine.index.passages);
    expect(found.map((s) => s.name)).toEqual(['五带头']);
    expect(found[0].parts).toEqual(['带头学习提高', '带头争创佳绩', '带头服务群众', '带头遵纪守法', '带头弘扬正气']);
    expect(engine.slogans.find((s) => s.name === '五带头')).toMatchObject({ source: 'corpus', passageId: found[0].passageId });
  });
});

describe('how the corpus uses each slogan', () => {
  it('counts both forms as a brute-force scan does: the name outside longer names, and passages naming two parts (property)', () => {
    const names = engine.slogans.map((s) => normalizeText(s.name));
    for (const usage of sloganUsage(engine.index, engine.slogans)) {
      const name = normalizeText(usage.name);
      const longer = names.filter((n) => n !== name && n.includes(name));
      let count = 0;
      let passages = 0;
      let unfolded = 0;
      for (const text of engine.index.normalized) {
        const rest = longer.reduce((t, other) => t.split(other).join(' '), text);
        const n = rest.split(name).length - 1;
        count += n;
        if (n > 0) passages++;
        if (usage.parts.filter((part) => text.includes(normalizeText(part))).length >= 2) unfolded++;
      }
      expect([usage.name, usage.named, usage.unfolded.passages]).toEqual([usage.name, { count, passages }, unfolded]);
    }
  });

  it('does not count 三保 inside 三保障', () => {
    const usage = sloganUsage(engine.index, engine.slogans);
    const sanbao = usage.find((s) => s.name === '三保')!;
    const direct = engine.index.normalized.reduce((n, t) => n + (t.split('三保').length - 1), 0);
    expect(sanbao.named.count).toBeLessThan(direct);
  });

  it('lists the slogans a report uses, in the order they first appear', () => {
    const doc = engine.documents.find((d) => d.region === '南山镇')!;
    const used = slogansInReport(doc.passages, engine.slogans);
    expect(used.map((s) => s.name)).toContain('六稳');
    expect(used.map((s) => s.first)).toEqual([...used.map((s) => s.first)].sort((a, b) => a - b));
    const first = used.find((s) => s.name === '六稳')!.first;
    expect(doc.passages[first].text).toContain('六稳');
  });
});
