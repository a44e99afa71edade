import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWordStarts, passageStarts, wordSpans } from '../../src/search-index/word-starts.js';
import { tokenizeText } from '../../src/tokenize/tokenize-text.js';
import { createEngine } from '../../src/engine.js';
import { recordingLogger, SAMPLE_CORPUS, sampleEngine, tempDir } from '../helpers.js';

describe('wordSpans', () => {
  it("reads back jieba's cut of every sample passage from the index's word edges", async () => {
    const { index } = await sampleEngine();
    let words = 0;
    index.normalized.forEach((text, p) => {
      const cut = tokenizeText(text, false).flatMap((t) => [t.start, t.end]);
      expect(wordSpans(index.words, p, text)).toEqual(cut);
      words += cut.length / 2;
    });
    expect(words).toBeGreaterThan(10000);
  });

  it('keeps numbers, Latin words and words between punctuation, and drops punctuation and spaces', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a.txt'), '2023年某镇工作总结\n\n全年完成GDP 16.36亿元，增长6.9%。“六稳”——稳就业、稳金融！\n');
    const { index } = await createEngine({ corpusDir: dir, cacheDir: null });
    index.normalized.forEach((text, p) => {
      const spans = wordSpans(index.words, p, text);
      expect(spans).toEqual(tokenizeText(text, false).flatMap((t) => [t.start, t.end]));
      const words = spans.flatMap((s, i) => (i % 2 === 0 ? [text.slice(s, spans[i + 1])] : []));
      expect(words.every((w) => /[\p{L}\p{N}]/u.test(w))).toBe(true);
      if (text.includes('gdp')) expect(words).toEqual(expect.arrayContaining(['gdp', '16.36', '6.9%', '六稳']));
    });
  });
});

describe('word edges taken over from an earlier build', () => {
  it('are the bits jieba gives, for passages kept, moved, changed, added and removed', async () => {
    const { index } = await sampleEngine();
    const texts = index.normalized;
    const full = buildWordStarts(texts, index.lengths);
    // The earlier build: every third passage changed, the last twenty gone, the order shifted by a new first one.
    const before = ['一段已经删去的文字：推进河长制。', ...texts.slice(0, -20).map((t, i) => (i % 3 === 0 ? `${t}（旧）` : t))];
    const lengths = Uint32Array.from(before, (t) => t.length);
    const previous = { normalized: before.join(''), lengths, bits: buildWordStarts(before, lengths).bits };
    const again = buildWordStarts(texts, index.lengths, previous);
    expect(Buffer.from(again.bits).equals(Buffer.from(full.bits))).toBe(true);
    const kept = new Set(before);
    expect(again.reused).toBe(texts.filter((t) => kept.has(t)).length);
    expect(again.reused).toBeGreaterThan(texts.length / 2);
    expect(again.reused).toBeLessThan(texts.length - 20);
  });

  it('are copied, not cut again: wrong bits in the earlier build show through', async () => {
    const texts = ['推进乡村振兴', '整治人居环境'];
    const lengths = Uint32Array.from(texts, (t) => t.length);
    const previous = { normalized: texts.join(''), lengths, bits: new Uint8Array(buildWordStarts(texts, lengths).bits.length).fill(0xff) };
    const { bits, reused } = buildWordStarts(texts, lengths, previous);
    expect(reused).toBe(2);
    const starts = passageStarts(lengths);
    expect(wordSpans({ bits, passageStart: starts }, 0, texts[0])).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
  });

  it('come from the cache on a rebuild after one file changed, equal to a build from nothing', async () => {
    const corpus = await tempDir();
    const cache = await tempDir();
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    await createEngine({ corpusDir: corpus, cacheDir: cache });
    const file = path.join(corpus, '000_91bac9b46b5f3c10.txt');
    await writeFile(file, `${await readFile(file, 'utf8')}\n我镇新增一段文字，推进农村人居环境整治。\n`);
    const logger = recordingLogger();
    const rebuilt = await createEngine({ corpusDir: corpus, cacheDir: cache, logger });
    expect(rebuilt.origin.from).toBe('build');
    const line = logger.lines.find((l) => l.startsWith('building the index: word edges')) ?? '';
    const [, reused, total] = /\((\d+) of (\d+) passages as cut by the last build/.exec(line) ?? [];
    expect(Number(total)).toBe(rebuilt.index.passages.length);
    expect(Number(reused)).toBeGreaterThan(Number(total) - 40);
    expect(Number(reused)).toBeLessThan(Number(total));
    const fresh = await createEngine({ corpusDir: corpus, cacheDir: null });
    expect(Buffer.from(rebuilt.index.words.bits).equals(Buffer.from(fresh.index.words.bits))).toBe(true);
  });

  it('are cut again when the vocabulary changed (a user dictionary added)', async () => {
    const corpus = await tempDir();
    const cache = await tempDir();
    await writeFile(path.join(corpus, 'a.txt'), '港门镇2022年政府工作报告\n我们推进乡村振兴和三清三拆三整治。\n');
    await createEngine({ corpusDir: corpus, cacheDir: cache });
    const dict = path.join(await tempDir(), 'user.txt');
    await writeFile(dict, '三清三拆三整治 n\n');
    const logger = recordingLogger();
    const rebuilt = await createEngine({ corpusDir: corpus, cacheDir: cache, userDict: dict, logger });
    expect(rebuilt.origin.from).toBe('build');
    expect(logger.lines.find((l) => l.startsWith('building the index: word edges'))).not.toMatch(/as cut by the last build/);
  });
});
