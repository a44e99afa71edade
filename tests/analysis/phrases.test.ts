import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { CONCORDANCE_SORTS, concordance, type ConcordanceLine } from '../../src/analysis/concordance.js';
import { distinctivePhrases, logLikelihood } from '../../src/analysis/distinctive-phrases.js';
import { phraseMatrix } from '../../src/analysis/phrase-matrix.js';
import type { PhraseTable } from '../../src/analysis/phrase-table.js';
import { sharedPhrases } from '../../src/analysis/shared-phrases.js';
import { STOP_WORDS } from '../../src/tokenize/stop-words.js';
import { tokenizeText } from '../../src/tokenize/tokenize-text.js';
import { sampleEngine } from '../helpers.js';

let engine: Engine;
let table: PhraseTable;
beforeAll(async () => {
  engine = await sampleEngine();
  table = await engine.whenPhrasesReady();
});

/** Non-overlapping occurrences of `needle` in every normalised passage, counted the slow way. */
function bruteForce(needle: string): Record<string, number> {
  const byRegion: Record<string, number> = {};
  engine.index.normalized.forEach((text, p) => {
    const n = text.split(needle).length - 1;
    const region = engine.index.documents[engine.index.passageDoc[p]].region ?? '';
    if (n > 0) byRegion[region] = (byRegion[region] ?? 0) + n;
  });
  return byRegion;
}

describe('shared phrases of the sample corpus', () => {
  it('list what a reader of the seven reports expects near the top', () => {
    const top = sharedPhrases(table, { limit: 60 }).phrases.map((p) => p.phrase);
    for (const phrase of ['乡村振兴', '疫情防控', '“六稳”', '“六保”', '河长制']) expect(top).toContain(phrase);
    expect(sharedPhrases(table, { limit: 300 }).phrases.map((p) => p.phrase)).toContain('人居环境整治');
  });

  it('are ranked by number of regions, then by count (without the corpus parts for dispersion)', () => {
    const { phrases } = sharedPhrases(table, { limit: 500 });
    for (let i = 1; i < phrases.length; i++) {
      const [a, b] = [phrases[i - 1], phrases[i]];
      expect(a.regions > b.regions || (a.regions === b.regions && a.count >= b.count)).toBe(true);
    }
    expect(phrases.every((p) => p.regions >= 2)).toBe(true);
    expect(sharedPhrases(table, { minRegions: 7, limit: 500 }).phrases.every((p) => p.regions === 7)).toBe(true);
  });

  it('filter the one ranked list: each filter keeps exactly the phrases it names, in the same order', () => {
    const all = sharedPhrases(table, { minRegions: 1, limit: 100_000 });
    const wordsOf = new Map(table.phrases.map((p) => [p.phrase, p.words]));
    const cases = [
      { options: { contains: '环境' }, keep: (p: (typeof all.phrases)[number]) => p.regions >= 2 && p.phrase.includes('环境') },
      { options: { minRegions: 3, minWords: 2, maxWords: 3 }, keep: (p: (typeof all.phrases)[number]) => p.regions >= 3 && (wordsOf.get(p.phrase) === 0 || [2, 3].includes(wordsOf.get(p.phrase)!)) },
    ];
    for (const { options, keep } of cases) {
      const expected = all.phrases.filter(keep);
      expect(expected.length).toBeGreaterThan(3);
      const listed = sharedPhrases(table, { ...options, limit: 100_000 });
      expect(listed.total).toBe(expected.length);
      expect(listed.phrases.map((p) => p.phrase)).toEqual(expected.map((p) => p.phrase));
      expect(sharedPhrases(table, { ...options, limit: 3 }).phrases).toEqual(expected.slice(0, 3));
    }
  });

  it('never start or end with punctuation, a bare number or a function word', () => {
    for (const { phrase } of sharedPhrases(table, { limit: 10000 }).phrases) {
      if (phrase.startsWith('“')) continue; // quoted formulations keep their quotes
      expect(phrase).not.toMatch(/^[\p{P}\p{S}]|[\p{P}\p{S}]$|^[\d.%]+$/u);
      const words = tokenizeText(phrase, false).map((t) => t.text);
      expect(STOP_WORDS.has(words[0]) || STOP_WORDS.has(words[words.length - 1]) ? phrase : 'ok').toBe('ok');
    }
  });

  it('have exact counts: every phrase of the table against a brute-force count over the text (property)', () => {
    for (const p of table.phrases) expect(p.byRegion).toEqual(bruteForce(p.phrase));
  });

  it('fold a phrase whose every occurrence lies inside a longer one, and only then', () => {
    const byPhrase = new Map(table.phrases.map((p) => [p.phrase, p]));
    for (const p of table.phrases) {
      if (!p.foldedInto) continue;
      const longer = byPhrase.get(p.foldedInto)!;
      expect(longer.phrase).toContain(p.phrase);
      const inside = longer.phrase.split(p.phrase).length - 1;
      expect(p.count).toBe(inside * longer.count);
    }
    const listed = sharedPhrases(table, { limit: 10000 }).phrases.map((p) => p.phrase);
    expect(listed).not.toContain('新时代中国特色');
  });
});

describe('concordance', () => {
  it('has exactly as many lines as every listed phrase has occurrences', () => {
    for (const p of sharedPhrases(table, { limit: 10000 }).phrases) expect(concordance(engine.index, p.phrase).total).toBe(p.count);
  });

  it('shows about 20 characters each side from the text as written, and sorts like AntConc', () => {
    const { lines } = concordance(engine.index, '人居环境', 'left');
    for (const line of lines) {
      expect(line.match).toBe('人居环境');
      expect(line.left.length).toBeLessThanOrEqual(20);
      expect(line.right.length).toBeLessThanOrEqual(20);
    }
    const keys = lines.map((l) => [...l.left].reverse().join(''));
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    const byRegion = concordance(engine.index, '人居环境', 'region').lines.map((l) => l.region ?? '');
    expect(byRegion).toEqual([...byRegion].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('orders as a plain sort of every line by its collated context would, and a window is that order cut', () => {
    const reversed = (s: string) => [...s].reverse().join('');
    const plain = { corpus: null, region: (a: ConcordanceLine, b: ConcordanceLine) => (a.region ?? '').localeCompare(b.region ?? '', 'zh-CN'), left: (a: ConcordanceLine, b: ConcordanceLine) => reversed(a.left).localeCompare(reversed(b.left), 'zh-CN'), right: (a: ConcordanceLine, b: ConcordanceLine) => a.right.localeCompare(b.right, 'zh-CN') };
    for (const [phrase, width] of [['的', 8], ['发展', 8], ['，', 8], ['工作', 8], ['2021', 8], ['发展', 1]] as const) {
      const corpusOrder = concordance(engine.index, phrase, 'corpus', width).lines;
      expect(corpusOrder.length, phrase).toBeGreaterThan(phrase === '2021' ? 5 : 50);
      for (const sort of CONCORDANCE_SORTS) {
        const compare = plain[sort];
        const expected = compare ? [...corpusOrder].sort(compare) : corpusOrder;
        const all = concordance(engine.index, phrase, sort, width);
        expect(all.lines, `${phrase} ${sort}`).toEqual(expected);
        for (const offset of [0, 1, 7, Math.floor(expected.length / 2), expected.length - 3, expected.length + 5]) {
          const page = concordance(engine.index, phrase, sort, width, undefined, { offset, limit: 10 });
          expect(page.total).toBe(expected.length);
          expect(page.lines, `${phrase} ${sort} @${offset}`).toEqual(expected.slice(offset, offset + 10));
        }
      }
    }
  });
});

describe('phrase × region matrix', () => {
  it('agrees with the phrase list, with row and column totals', () => {
    const phrases = sharedPhrases(table, { limit: 15 }).phrases;
    const matrix = phraseMatrix(engine.index, table, phrases.map((p) => p.phrase));
    expect(matrix.regions).toEqual(table.regions);
    matrix.rows.forEach((row, i) => {
      expect(row.counts).toEqual(table.regions.map((r) => phrases[i].byRegion[r] ?? 0));
      expect(row.total).toBe(phrases[i].count);
    });
    matrix.columnTotals.forEach((t, c) => expect(t).toBe(matrix.rows.reduce((sum, r) => sum + r.counts[c], 0)));
  });

  it('counts phrases the user types, normalised (traditional forms too)', () => {
    const matrix = phraseMatrix(engine.index, table, ['鄉村振興', '火星基地']);
    expect(matrix.rows[0].total).toBe(table.phrases.find((p) => p.phrase === '乡村振兴')!.count);
    expect(matrix.rows[1].total).toBe(0);
  });
});

describe('distinctive phrases', () => {
  it('computes Dunning log-likelihood', () => {
    // a=10 in 1,000 words against b=10 in 10,000: the classic textbook case.
    expect(logLikelihood(10, 10, 1000, 10000)).toBeCloseTo(2 * (10 * Math.log(10 / (1000 * 20 / 11000)) + 10 * Math.log(10 / (10000 * 20 / 11000))), 10);
    expect(logLikelihood(5, 50, 1000, 10000)).toBeCloseTo(0, 10);
  });

  it('lists what one region over-uses, with its counts, at least twice each, most surprising first', () => {
    const phrases = distinctivePhrases(table, '港门镇');
    expect(phrases.length).toBeGreaterThan(5);
    for (const p of phrases) {
      expect(p.count).toBeGreaterThanOrEqual(2);
      expect(p.rate).toBeGreaterThan(p.otherRate);
    }
    expect(phrases.map((p) => p.g2)).toEqual([...phrases.map((p) => p.g2)].sort((a, b) => b - a));
    expect(phrases.map((p) => p.phrase)).toContain('“三清三拆三整治”');
  });

  it('gives the shortest report sensible output too', () => {
    const shortest = [...table.regions].sort((a, b) => table.regionSizes[a] - table.regionSizes[b])[0];
    expect(distinctivePhrases(table, shortest).length).toBeGreaterThan(0);
  });
});

describe('suggestions for the search box', () => {
  it('complete a prefix with the corpus phrases, most widely used first, traditional forms too', () => {
    const completions = engine.suggest('乡村').map((s) => s.text);
    expect(completions[0]).toBe('乡村振兴');
    expect(completions.every((t) => t.startsWith('乡村'))).toBe(true);
    expect(engine.suggest('鄉村').map((s) => s.text)).toEqual(completions);
    expect(engine.suggest('“六').map((s) => s.text)).toEqual(expect.arrayContaining(['“六稳”', '“六保”']));
    expect(engine.suggest('')).toEqual([]);
  });
});
