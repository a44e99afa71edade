import { describe, expect, it } from 'vitest';
import { matchQuery } from '../../src/query/match-query.js';
import { parseQuery } from '../../src/query/parse-query.js';
import { scorePassages, selectTop, settledScores } from '../../src/query/rank-passages.js';
import { sampleEngine } from '../helpers.js';

describe('settledScores', () => {
  it('gives the best passages exactly as scoring every candidate in full does, for any depth (property over sample queries)', async () => {
    const { index } = await sampleEngine();
    // Words and pairs of the corpus itself: common ones (发展, 工作) and rare ones, where the section boost decides.
    const texts = index.normalized.filter((t) => t.length > 20);
    const queries = ['发展', '工作', '镇', '乡村振兴', '人居环境 整治', '党委 政府', '农村 污水', ...texts.slice(0, 60).map((t, i) => t.slice(i % 10, (i % 10) + 2 + (i % 3)))];
    // Two terms from one passage, near and far apart, where proximity decides.
    queries.push(...texts.slice(60, 100).map((t, i) => `${t.slice(0, 2)} ${t.slice(3 + (i % 15), 5 + (i % 15))}`));
    let compared = 0;
    for (const q of queries) {
      const m = matchQuery(index, parseQuery(q));
      const full = scorePassages(index, m.passages, m.units);
      const settled = settledScores(index, m.passages, m.units);
      for (const need of [1, 10, 40, 1000]) {
        expect([q, need, settled.settle(need)]).toEqual([q, need, selectTop(m.passages, full, need)]);
        compared++;
      }
    }
    expect(compared).toBe(queries.length * 4);
  });

  it('leaves a passage out only when it cannot reach the best: its bound stays below the last kept score', async () => {
    const { index } = await sampleEngine();
    const m = matchQuery(index, parseQuery('发展'));
    const settled = settledScores(index, m.passages, m.units);
    const best = settled.settle(10);
    const full = scorePassages(index, m.passages, m.units);
    expect(m.passages.length).toBeGreaterThan(50);
    const last = best[best.length - 1].score;
    const kept = new Set(best.map((b) => b.passage));
    m.passages.forEach((p, k) => {
      if (!kept.has(p)) expect(full[k] <= last).toBe(true);
    });
    // Fewer than all were scored in full: the bounds of most were enough.
    expect(Array.from(settled.scores).filter((s, k) => s !== full[k]).length).toBeGreaterThan(0);
  });

});
