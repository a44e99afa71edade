/**
 * The units figures are written in, and what each normalises to: money to 元 (1.2亿元 → 120,000,000 元), area to 亩
 * (1 公顷 = 15 亩), people to 人 (名 too), households to 户; a 万 or 亿 before any unit multiplies it (12万人, 3万户).
 * A bare 万 (村集体收入537.65万) keeps no base unit: the text does not say of what.
 */

/** A unit as written and what a value in it is in its base unit. */
export interface FigureUnit {
  /** As written: 亿元, 万人, %, 个百分点. */
  readonly unit: string;
  /** The base unit of its kind: 元, 亩, 人, %, 个百分点… ('' for a bare 万). */
  readonly base: string;
  readonly factor: number;
}

/** Base units, longest first within each kind, with the factor to their base. */
const BASES: readonly [string, string, number][] = [
  ['元', '元', 1],
  ['公顷', '亩', 15],
  ['亩', '亩', 1],
  ['平方公里', '平方公里', 1],
  ['平方米', '平方米', 1],
  ['立方米', '立方米', 1],
  ['人次', '人次', 1],
  ['人', '人', 1],
  ['名', '人', 1],
  ['户', '户', 1],
  ['个百分点', '个百分点', 1],
  ['%', '%', 1],
  ['％', '%', 1],
  ['公里', '公里', 1],
  ['千米', '公里', 1],
  ['km', '公里', 1],
  ['千瓦时', '千瓦时', 1],
  ['千瓦', '千瓦', 1],
  ['吨', '吨', 1],
  ['公斤', '公斤', 1],
  ['头', '头', 1],
  ['家', '家', 1],
  ['所', '所', 1],
  ['座', '座', 1],
  ['处', '处', 1],
  ['项', '项', 1],
  ['宗', '宗', 1],
  ['套', '套', 1],
  ['间', '间', 1],
  ['辆', '辆', 1],
  ['台', '台', 1],
  ['场', '场', 1],
  ['期', '期', 1],
  ['批', '批', 1],
  ['件', '件', 1],
  ['株', '株', 1],
  ['盏', '盏', 1],
  ['份', '份', 1],
  ['支', '支', 1],
  ['只', '只', 1],
  ['起', '起', 1],
  ['次', '次', 1],
  ['张', '张', 1],
  ['棵', '棵', 1],
  ['个', '个', 1],
  ['条', '条', 1],
  ['米', '米', 1],
];

/** Multipliers before a base unit. */
const MULTIPLIERS: readonly [string, number][] = [['万亿', 1e12], ['千万', 1e7], ['百万', 1e6], ['亿', 1e8], ['万', 1e4], ['千', 1e3]];

/** The pattern of a unit: 余/多 before or after an optional multiplier (50余万元, 12万余人), a base unit — or a bare 万/亿. */
export const UNIT_PATTERN = `(?:[余多]?(?:万亿|千万|百万|亿|万|千)?[余多]?(?:${BASES.map(([u]) => u.replace('%', '%')).join('|')})|[余多]?万|[余多]?亿)`;

/** Reads a unit as written (余 and 多 left out: they say "more than", not what): 万余人 → 万人, ×10,000 人. */
export function readUnit(written: string): FigureUnit | null {
  const unit = written.replace(/[余多]/g, '');
  // A base first: 千米 and 千瓦 are units of their own, not a thousand 米 or 瓦.
  const direct = BASES.find(([u]) => u === unit);
  if (direct) return { unit, base: direct[1], factor: direct[2] };
  for (const [multiplier, times] of MULTIPLIERS) {
    if (unit === multiplier) return { unit, base: '', factor: times };
    if (!unit.startsWith(multiplier)) continue;
    const base = BASES.find(([u]) => u === unit.slice(multiplier.length));
    if (base) return { unit, base: base[1], factor: times * base[2] };
  }
  return null;
}
