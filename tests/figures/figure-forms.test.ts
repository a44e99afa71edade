import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/extract-figures.js';
import { readUnit } from '../../src/figures/figure-units.js';
import { parseNumber } from '../../src/figures/parse-number.js';

const one = (text: string, section: string[] = []) => {
  const figures = extractFigures(text, section);
  expect(figures).toHaveLength(1);
  return figures[0];
};

describe('numbers and units as reports write them', () => {
  it('reads Arabic, Chinese and mixed numbers', () => {
    expect([parseNumber('16.36'), parseNumber('1,820'), parseNumber('三千'), parseNumber('一千二百'), parseNumber('十五'), parseNumber('一万二千'), parseNumber('两')]).toEqual([16.36, 1820, 3000, 1200, 15, 12000, 2]);
    expect(parseNumber('一九七八')).toBeNull();
  });

  it('normalises units to their base: 亿元 and 万元 to 元, 公顷 to 亩, 万人 to 人', () => {
    expect(readUnit('亿元')).toEqual({ unit: '亿元', base: '元', factor: 1e8 });
    expect(readUnit('万余人')).toEqual({ unit: '万人', base: '人', factor: 1e4 });
    expect(readUnit('公顷')).toEqual({ unit: '公顷', base: '亩', factor: 15 });
    expect(readUnit('千米')).toEqual({ unit: '千米', base: '公里', factor: 1 });
    expect(readUnit('个百分点')).toEqual({ unit: '个百分点', base: '个百分点', factor: 1 });
  });
});

describe('figures with their indicator, value, unit and change', () => {
  it('reads 完成地区生产总值17.1亿元，同比增长10.6% as one figure with its change', () => {
    expect(one('完成地区生产总值17.1亿元，同比增长10.6%。')).toMatchObject({ indicator: '地区生产总值', value: 17.1, unit: '亿元', normalized: 1.71e9, baseUnit: '元', change: { kind: '同比增长', value: 10.6, unit: '%' }, kind: 'result', start: 8, end: 14 });
  });

  it('reads changes in 倍 and 个百分点, and falls', () => {
    expect(one('外贸进出口总额8.5亿元，增长2倍。').change).toEqual({ kind: '增长', value: 2, unit: '倍' });
    expect(one('城镇化率62.3%，比上年提高1.2个百分点。').change).toEqual({ kind: '比上年提高', value: 1.2, unit: '个百分点' });
    expect(one('能耗总量12万吨，下降3.5%。').change).toEqual({ kind: '下降', value: 3.5, unit: '%' });
  });

  it('reads 1.2万, 三千余, 12万余人, 近5亿元 and 超过 with how exact they are', () => {
    expect(one('城镇新增就业1.2万人。')).toMatchObject({ indicator: '城镇新增就业', value: 1.2, unit: '万人', normalized: 12000, approximate: 'exact' });
    expect(one('转移农村劳动力三千余人。')).toMatchObject({ value: 3000, unit: '人', approximate: 'over' });
    expect(one('接待游客12万余人次。')).toMatchObject({ value: 12, unit: '万人次', normalized: 120000, approximate: 'over' });
    expect(one('完成投资近5亿元。')).toMatchObject({ indicator: '投资', value: 5, normalized: 5e8, approximate: 'about' });
    expect(one('粮食播种面积超过3万亩。')).toMatchObject({ indicator: '粮食播种面积', normalized: 30000, approximate: 'over' });
  });

  it('reads ranges, and targets apart from results', () => {
    expect(one('预期目标：地区生产总值增长5%—6%。')).toMatchObject({ value: 5, valueTo: 6, unit: '%', kind: 'target' });
    expect(one('一般公共预算收入力争达到1.5亿元。')).toMatchObject({ indicator: '一般公共预算收入', kind: 'target' });
    expect(one('新建公厕12座。', ['二、2024年工作安排'])).toMatchObject({ kind: 'target' });
    expect(one('新建公厕12座。', ['一、2023年工作回顾'])).toMatchObject({ kind: 'result' });
  });

  it('reads the sub-items of a sentence as parts of the figure before 其中', () => {
    const figures = extractFigures('地区生产总值17.1亿元。其中，第一产业8.76亿元，第二产业2.14亿元。固定资产投资1.25亿元。');
    expect(figures.map((f) => [f.indicator, f.of])).toEqual([['地区生产总值', null], ['第一产业', '地区生产总值'], ['第二产业', '地区生产总值'], ['固定资产投资', null]]);
  });

  it('takes no year, date, ordinal or numbered formulation for a figure', () => {
    expect(extractFigures('2021年3月5日，第三次会议，增强“四个意识”、做到“两个维护”，落实三项制度，守住不漏一人的底线。')).toEqual([]);
  });
});
