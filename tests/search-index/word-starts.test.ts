import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordSpans } from '../../src/search-index/word-starts.js';
import { tokenizeText } from '../../src/tokenize/tokenize-text.js';
import { createEngine } from '../../src/engine.js';
import { sampleEngine, tempDir } from '../helpers.js';

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
