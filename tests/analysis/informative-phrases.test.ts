import { describe, expect, it } from 'vitest';
import { UNKNOWN_REGION, type PhraseStats, type PhraseTable } from '../../src/analysis/phrase-table.js';
import { corpusParts, deviationOfProportions, sharedPhrases, type CorpusParts } from '../../src/analysis/shared-phrases.js';
import { sampleEngine } from '../helpers.js';

/** A table of `n` regions, one report each of 1,000 characters, with the given phrases. */
function tableOf(n: number, phrases: { phrase: string; in: number[]; counts?: number[] }[]): { table: PhraseTable; parts: CorpusParts } {
  const regions = Array.from({ length: n }, (_, i) => `第${i + 1}镇`);
  const stats: PhraseStats[] = phrases.map((p) => {
    const byRegion: Record<string, number> = {};
    const byRegionYear: Record<string, number> = {};
    p.in.forEach((i, k) => {
      byRegion[regions[i]] = p.counts?.[k] ?? 1;
      byRegionYear[`${regions[i]}|2024`] = p.counts?.[k] ?? 1;
    });
    const count = p.in.reduce((n, _, k) => n + (p.counts?.[k] ?? 1), 0);
    return { phrase: p.phrase, words: 2, count, byRegion, byRegionYear, foldedInto: null, boundaries: { edgeShare: 1, leftEntropy: 2, rightEntropy: 2, rightOpen: 0.5, endsInModifier: false } };
  });
  const table: PhraseTable = { regions, regionYears: Object.fromEntries(regions.map((r) => [r, [2024]])), regionSizes: Object.fromEntries(regions.map((r) => [r, 1000])), phrases: stats };
  return { table, parts: { sizes: new Map(regions.map((r) => [`${r}|2024`, 1000])) } };
}

describe('phrases worth reading', () => {
  it('ranks the wording every report has last, as formulaic, in a corpus of ten reports or more', () => {
    const every = Array.from({ length: 12 }, (_, i) => i);
    const { table, parts } = tableOf(12, [{ phrase: '各位代表', in: every }, { phrase: '新质生产力', in: [0, 1, 2, 3, 4, 5] }]);
    const listed = sharedPhrases(table, {}, parts).phrases;
    expect(listed.map((p) => [p.phrase, p.formulaic])).toEqual([['新质生产力', false], ['各位代表', true]]);
    expect(listed[1].reportShare).toBe(1);
  });

  it('prefers, among phrases of as many regions, the one spread more evenly (Gries DP)', () => {
    const { table, parts } = tableOf(4, [{ phrase: '集中', in: [0, 1], counts: [17, 1] }, { phrase: '均匀', in: [0, 1, 2, 3], counts: [1, 1, 1, 1] }]);
    const listed = sharedPhrases(table, {}, parts).phrases;
    // 均匀 is in more regions as well; compare two of equal spread across regions instead:
    expect(listed.map((p) => p.phrase)).toEqual(['均匀', '集中']);
    const even = tableOf(4, [{ phrase: '集中', in: [0, 1], counts: [17, 1] }, { phrase: '均匀', in: [0, 1], counts: [2, 2] }]);
    expect(sharedPhrases(even.table, {}, even.parts).phrases.map((p) => p.phrase)).toEqual(['均匀', '集中']);
  });

  it('computes DP by its definition: half the summed gaps between shares of occurrences and shares of text', () => {
    const parts: CorpusParts = { sizes: new Map([['a|2024', 100], ['b|2024', 300]]) };
    // shares of text 0.25 / 0.75; occurrences 3 / 1 → shares 0.75 / 0.25 → DP = (0.5 + 0.5) / 2
    expect(deviationOfProportions({ count: 4, byRegionYear: { 'a|2024': 3, 'b|2024': 1 } }, parts)).toBeCloseTo(0.5, 6);
    expect(deviationOfProportions({ count: 4, byRegionYear: { 'a|2024': 1, 'b|2024': 3 } }, parts)).toBeCloseTo(0, 6);
  });

  it('gives every phrase of the sample corpus the DP that the definition summed over every part gives (property)', async () => {
    const engine = await sampleEngine();
    const table = await engine.whenPhrasesReady();
    const parts = corpusParts(engine.index);
    const total = [...parts.sizes.values()].reduce((a, b) => a + b, 0);
    for (const p of table.phrases) {
      const definition = [...parts.sizes].reduce((sum, [key, size]) => sum + Math.abs((p.byRegionYear[key] ?? 0) / p.count - size / total), 0) / 2;
      expect(deviationOfProportions(p, parts)).toBeCloseTo(definition, 9);
    }
  });

  it('does not count reports without a region as a region', () => {
    const built = tableOf(3, [{ phrase: '乡村振兴', in: [0] }]);
    const phrase = { ...built.table.phrases[0], byRegion: { ...built.table.phrases[0].byRegion, [UNKNOWN_REGION]: 2 } };
    const table = { ...built.table, phrases: [phrase] };
    const parts = built.parts;
    expect(sharedPhrases(table, { minRegions: 1 }, parts).phrases[0].regions).toBe(1);
    expect(sharedPhrases(table, { minRegions: 2 }, parts).phrases).toEqual([]);
  });
});
