import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isFragment, phraseBoundaries, requiredEntropy } from '../../src/analysis/phrase-boundaries.js';
import type { PhraseTable } from '../../src/analysis/phrase-table.js';
import { sharedPhrases } from '../../src/analysis/shared-phrases.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { sampleEngine, tempDir } from '../helpers.js';

let sample: Engine;
let table: PhraseTable;
beforeAll(async () => {
  sample = await sampleEngine();
  table = await sample.whenPhrasesReady();
});

const listed = (t: PhraseTable) => new Set(sharedPhrases(t, { minRegions: 1, limit: 100_000 }).phrases.map((p) => p.phrase));

/** Entropy in bits of a list of neighbours, where null is an open edge (each a neighbour of its own). */
function entropyOf(neighbours: (string | null)[]): number {
  const counts = new Map<string, number>();
  neighbours.forEach((c, k) => counts.set(c ?? `open${k}`, (counts.get(c ?? `open${k}`) ?? 0) + 1));
  let h = 0;
  for (const n of counts.values()) h -= (n / neighbours.length) * Math.log2(n / neighbours.length);
  return Math.round(h * 1000) / 1000;
}

describe('the fragment rule on the sample corpus', () => {
  it('lists none of the pieces of longer formulations found in the seven reports', () => {
    const phrases = listed(table);
    // 发展新(篇章), (习近平)新时代中国(特色…), (以习近平)同志为核心, (为)核心的党中央周围, 农村生活(污水), 巩固脱贫(成果),
    // 社会大局(和谐稳定), (不)忘初心, 习近平新时代(中国…), 工作总(基调)
    for (const fragment of ['发展新', '新时代中国', '同志为核心', '核心的党中央周围', '农村生活', '巩固脱贫', '社会大局', '忘初心', '习近平新时代', '工作总']) {
      expect(phrases.has(fragment) ? fragment : 'not listed').toBe('not listed');
    }
  });

  it('keeps the real formulations of the reports', () => {
    const phrases = listed(table);
    for (const formulation of ['乡村振兴', '河长制', '人居环境整治', '疫情防控', '脱贫攻坚', '营商环境', '高质量发展', '“六稳”', '“六保”', '全覆盖', '招商引资', '社会大局和谐稳定', '农村生活污水']) {
      expect(phrases.has(formulation) ? 'listed' : formulation).toBe('listed');
    }
  });

  it('gives every phrase of the table the figures a brute-force scan of every passage gives, and none is a fragment (property)', () => {
    const every = Array.from(sample.index.normalized.keys());
    for (const p of table.phrases) {
      // Whether it ends in a modifier comes from its words, which the scan does not see.
      expect(phraseBoundaries(sample.index, p.phrase, every, p.boundaries.endsInModifier)).toEqual(p.boundaries);
      expect(isFragment(p.words, p.count, p.boundaries) ? p.phrase : 'ok').toBe('ok');
    }
  });

  it('measures branching entropy as its formula says, over the characters next to each occurrence', () => {
    const phrase = '农村生活';
    const left: (string | null)[] = [];
    const right: (string | null)[] = [];
    for (const text of sample.index.normalized) {
      for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
        const [l, r] = [text[at - 1], text[at + phrase.length]];
        // Every neighbour here is a Han character or punctuation; none is a particle standing alone.
        left.push(l && /\p{Script=Han}/u.test(l) ? l : null);
        right.push(r && /\p{Script=Han}/u.test(r) ? r : null);
      }
    }
    const b = phraseBoundaries(sample.index, phrase, Array.from(sample.index.normalized.keys()), false);
    expect(b.leftEntropy).toBe(entropyOf(left));
    expect(b.rightEntropy).toBe(entropyOf(right));
    expect(b.rightEntropy).toBeLessThan(requiredEntropy(left.length));
  });
});

describe('the fragment rule on provincial reports', () => {
  let engine: Engine;
  beforeAll(async () => {
    const dir = await tempDir();
    const reports: [string, string, string][] = [
      ['a.txt', '河北省', '在以习近平同志为核心的党中央坚强领导下，我们全面贯彻新发展理念，加快发展新质生产力，经济运行取得新成效。培育新质生产力，科技创新取得新突破。'],
      ['b.txt', '广东省', '完整准确坚持新发展理念，因地制宜发展新质生产力，改革开放取得新进展。新质生产力加快形成，坚持以习近平同志为核心的党中央集中统一领导。'],
      ['c.txt', '浙江省', '紧紧团结在以习近平同志为核心的党中央周围，以科技创新引领新质生产力，全面践行新发展理念，民生事业取得新成绩，打造新质生产力。'],
    ];
    for (const [name, province, body] of reports) await writeFile(path.join(dir, name), `2025年${province}政府工作报告\n各位代表：${body}\n`);
    engine = await createEngine({ corpusDir: dir, cacheDir: null });
    await engine.whenPhrasesReady();
  });

  it('lists 新质生产力 and 新发展理念, not 新质, 发展新, 取得新, 全面贯彻新 or 同志为核心', () => {
    const phrases = listed(engine.phrases()!);
    for (const fragment of ['新质', '发展新', '取得新', '全面贯彻新', '同志为核心', '新发展', '核心的党中央']) expect(phrases.has(fragment) ? fragment : 'not listed').toBe('not listed');
    for (const formulation of ['新质生产力', '新发展理念']) expect(phrases.has(formulation) ? 'listed' : formulation).toBe('listed');
  });
});
