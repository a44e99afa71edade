import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/tokenize/normalize-text.js';
import { addJiebaWords, tokenizeText } from '../../src/tokenize/tokenize-text.js';
import { parseUserDictionary } from '../../src/tokenize/user-dictionary.js';
import { sampleEngine } from '../helpers.js';

const words = (text: string, parts = false) => tokenizeText(normalizeText(text), parts).map((t) => t.text);

describe('normalizeText', () => {
  it('maps full-width to half-width, upper to lower case and traditional to simplified, keeping the length', () => {
    expect(normalizeText('（一）１２３ＡＢＣ')).toBe('(一)123abc');
    expect(normalizeText('環境整治 鄉村振興')).toBe('环境整治 乡村振兴');
    for (const text of ['①㎡…', '（一）環境', '南山镇2021年']) expect(normalizeText(text)).toHaveLength(text.length);
  });
});

describe('tokenizeText', () => {
  it('keeps numbers whole: decimals, percentages, years, 1+3+6', () => {
    expect(words('完成6.9万亩，增长10.6%，2020年全镇落实“1+3+6”')).toEqual(['完成', '6.9', '万亩', '增长', '10.6%', '2020年', '全镇', '落实', '1+3+6']);
  });

  it('gives every token its offsets in the text (property over the sample corpus)', async () => {
    const engine = await sampleEngine();
    for (const text of engine.index.normalized) {
      for (const token of tokenizeText(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
    }
  });

  it('yields the parts of long words in search mode', () => {
    addJiebaWords([{ word: '乡村振兴' }]);
    expect(words('乡村振兴', true)).toEqual(expect.arrayContaining(['乡村', '振兴', '乡村振兴']));
  });

  it('keeps policy terms and the corpus region names as one word', async () => {
    await sampleEngine();
    expect(words('南山镇和港门镇开展人居环境整治和三清三拆三整治')).toEqual(['南山镇', '和', '港门镇', '开展', '人居环境整治', '和', '三清三拆三整治']);
  });
});

describe('parseUserDictionary', () => {
  it('reads words with optional frequency and tag, skipping comments', () => {
    const { words: parsed, errors } = parseUserDictionary('# terms\n河长制\n六稳 10 nz\n一肩挑 n\n', 'dict.txt');
    expect(parsed).toEqual([{ word: '河长制' }, { word: '六稳', tag: 'nz' }, { word: '一肩挑', tag: 'n' }]);
    expect(errors).toEqual([]);
  });

  it('reports a bad line with its line number', () => {
    const { words: parsed, errors } = parseUserDictionary('河长制\n六稳 many nz\n一 二 三 四\n', 'dict.txt');
    expect(parsed).toEqual([{ word: '河长制' }]);
    expect(errors.map((e) => [e.line, e.source])).toEqual([
      [2, 'dict.txt'],
      [3, 'dict.txt'],
    ]);
    expect(errors[0].message).toMatch(/frequency "many"/);
  });
});
