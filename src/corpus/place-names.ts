import type { Level } from '../types.js';

/** Place-name shapes: what ends like an administrative name, and what only looks like one (全镇, XX镇). */

export const HAN = '\\p{Script=Han}';
/** Suffixes of administrative place names, longest first so that 自治县 wins over 县. */
const ADMIN_SUFFIX = '(?:特别行政区|自治区|自治州|自治县|自治旗|街道办事处|街道|省|市|州|盟|县|旗|区|镇|乡)';

/** Words that end like a place name but name no place (全镇, 我县, 乡镇…). */
const GENERIC_PLACES = new Set([
  '乡镇', '城镇', '集镇', '小城镇', '示范镇', '强镇', '重镇', '名镇', '城区', '社区', '园区', '景区', '小区', '街区', '地区', '辖区', '片区',
  '城市', '县市', '省市', '市县', '区县', '全国', '自治区', '自治州', '自治县', '特别行政区', '村镇',
  // The gazetteer lists these as townships of many counties; alone they name none (河南省开发区条例).
  '开发区', '经济开发区', '经济技术开发区', '高新区', '保税区', '工业园区', '民族乡', '新区', '老区', '风景名胜区', '风景区',
]);
const GENERIC_PREFIX = /^(?:全|我|本|该|各|每|外|市|县|区|乡|镇|省|新|老)/;
/** Words no place name contains: a capture that holds them is a clause (代表大会常务委员会或者市人民政府), not a name. */
const NOT_IN_NAMES = /或者|或|和|及|与|的|向|对|关于|委员会|大会|人民|政府|机构|部门|机关|单位|级|参与|听取|历史文化|名城|城乡/;

/** Whether a captured name is a real place name rather than 全镇, XX镇, 自治区 or 某县. */
export function isPlaceName(name: string): boolean {
  if (name.length < 2 || name.length > 14) return false;
  if (NOT_IN_NAMES.test(name) || /^[市县区省州镇乡旗盟]/.test(name)) return false;
  if (/[XxＸｘ某*＊○〇_]/.test(name)) return false;
  if (GENERIC_PLACES.has(name)) return false;
  return !(name.length === 2 && GENERIC_PREFIX.test(name));
}

/** The four municipalities directly under the central government: provincial level although named 市. */
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** The level of a place name from its suffix (南山镇 → 镇, 徐闻县 → 县, 广东省 → 省, 北京市 → 省). */
export function levelOf(region: string | null): Level | null {
  if (!region) return null;
  if (region === '全国' || region === '国务院') return '国家';
  if (MUNICIPALITIES.has(region) || /(?:省|自治区|特别行政区)$/.test(region)) return '省';
  if (/(?:市|自治州|州|盟)$/.test(region)) return '市';
  if (/(?:县|旗)$/.test(region)) return '县';
  if (/区$/.test(region)) return '区';
  if (/镇$/.test(region)) return '镇';
  if (/乡$/.test(region)) return '乡';
  if (/(?:街道|街道办事处)$/.test(region)) return '街道';
  return null;
}

/**
 * One place name of a chain. A suffix followed by 场, 民, 域… is part of a word (市场, 市民, 区域, 区块, 乡村), not
 * the end of a name (but 政府 follows one: 河北省政府; and 县城 is no word to stop at, as 城关镇 and 城郊乡 are towns);
 * 杭州市, 贵州省 and 新乡市 are one name although 州 and 乡 are suffixes too, while 商丘市市区 is 商丘市 and its 市区.
 */
export const PLACE_PART = `${HAN}+?${ADMIN_SUFFIX}(?:(?<=[州乡])(?:省|市))?(?![场民容值级域划别间块]|政(?!府)|(?<=乡)村)`;

/** Endings of common nouns that look like a place name and never name one (智慧城市, 中心城区, 住宅小区, 台湾地区). */
export const COMMON_NOUN_ENDING = /(?:城市|城区|小区|住宅区|地区|勘查区|洪区|涵养区)$/;

/** Endings of zones: a zone is a title's place when the title starts with it (泰山风景名胜区…), not after a city. */
export const ZONE_ENDING = /(?:景区|名胜区|度假区|产区|保护区|新区|开发区|示范区|实验区|试验区|集聚区|合作区)$/;

/** Splits a chain of place names (广东省徐闻县南山镇) into its parts. */
export function splitPlaceChain(chain: string): string[] {
  const part = new RegExp(PLACE_PART, 'uy');
  const parts: string[] = [];
  let rest = chain;
  while (rest) {
    part.lastIndex = 0;
    const m = part.exec(rest);
    if (!m) break;
    parts.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  return parts;
}

/** The last real place name of a chain (广东省徐闻县南山镇 → 南山镇), or null. */
export function lastPlace(text: string): string | null {
  const parts = splitPlaceChain(text).filter(isPlaceName);
  return parts.length > 0 ? parts[parts.length - 1] : null;
}
