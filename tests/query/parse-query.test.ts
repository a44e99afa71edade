import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse-query.js';

const texts = (q: string) => parseQuery(q).groups.map((g) => g.map((t) => (t.phrase ? `"${t.text}"` : t.text)));

describe('parseQuery', () => {
  it('ANDs words separated by spaces (ASCII or ideographic)', () => {
    expect(texts('乡村振兴 人居环境\u3000河长制')).toEqual([['乡村振兴'], ['人居环境'], ['河长制']]);
  });

  it('joins words around OR into one group', () => {
    expect(texts('河长制 OR 林长制 乡村')).toEqual([['河长制', '林长制'], ['乡村']]);
  });

  it('reads "…" as an exact phrase and keeps Chinese quotes as characters', () => {
    expect(texts('"农村 人居环境" “六稳”')).toEqual([['"农村 人居环境"'], ['“六稳”']]);
  });

  it('treats -词 as an exclusion', () => {
    const q = parseQuery('乡村振兴 -脱贫 -"巩固 成果"');
    expect(q.excluded.map((t) => t.text)).toEqual(['脱贫', '巩固 成果']);
  });

  it('reads region: and year: filters', () => {
    expect(parseQuery('乡村振兴 region:港门镇 year:2021,2022')).toMatchObject({ regions: ['港门镇'], years: [2021, 2022] });
  });

  it('normalises terms for matching but keeps them as typed', () => {
    const [[term]] = parseQuery('環境整治').groups;
    expect(term).toEqual({ text: '環境整治', normalized: '环境整治', phrase: false });
  });

  it('never fails on unbalanced quotes, stray operators or punctuation, and says what it ignored', () => {
    expect(texts('"人居环境')).toEqual([['"人居环境"']]);
    const q = parseQuery('OR ， - 乡村 OR');
    expect(texts('OR ， - 乡村 OR')).toEqual([['乡村']]);
    expect([...q.ignored].sort()).toEqual(['OR', '，', '-', 'OR'].sort());
    expect(parseQuery('year:abc').ignored).toEqual(['year:abc']);
    expect(parseQuery('"""').groups).toEqual([]);
  });
});
