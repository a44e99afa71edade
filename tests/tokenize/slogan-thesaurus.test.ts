import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseSloganThesaurus, SHIPPED_SLOGANS } from '../../src/tokenize/slogan-thesaurus.js';

describe('the slogan thesaurus', () => {
  it('reads a slogan a line with its parts, with or without quotes and full-width colons', () => {
    const { slogans, errors } = parseSloganThesaurus('# 注释\n六稳：稳就业、稳金融、稳外贸\n“四风”:形式主义，官僚主义 # 行尾注释\n', 'test');
    expect(errors).toEqual([]);
    expect(slogans).toEqual([
      { name: '六稳', parts: ['稳就业', '稳金融', '稳外贸'], source: 'thesaurus' },
      { name: '四风', parts: ['形式主义', '官僚主义'], source: 'thesaurus' },
    ]);
  });

  it('reports a bad line with its number and keeps the rest', () => {
    const { slogans, errors } = parseSloganThesaurus('六稳：稳就业、稳金融\n没有冒号的行\n三农：农业\n六稳：稳外贸、稳外资\n', 'test.txt');
    expect(slogans.map((s) => s.name)).toEqual(['六稳']);
    expect(errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([[2, 'expected "名称：部分、部分"'], [3, 'a slogan needs at least two parts'], [4, '"六稳" is listed twice']]);
  });

  it('ships at least thirty national formulations, every line readable', async () => {
    const { slogans, errors } = parseSloganThesaurus(await readFile(SHIPPED_SLOGANS, 'utf8'), SHIPPED_SLOGANS);
    expect(errors).toEqual([]);
    expect(slogans.length).toBeGreaterThanOrEqual(30);
    for (const name of ['六稳', '六保', '两不愁三保障', '四个意识', '两个维护', '四个自信']) expect(slogans.map((s) => s.name)).toContain(name);
  });
});
