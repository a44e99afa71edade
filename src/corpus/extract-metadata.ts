import type { DocumentMeta, Level } from '../types.js';

/**
 * Metadata rules, one function each, in the order they are trusted. They read a report's clean lines and work for
 * towns (南山镇), counties, provinces (广东省) and the State Council (国务院政府工作报告) alike.
 */

const HAN = '\\p{Script=Han}';
/** Suffixes of administrative place names, longest first so that 自治县 wins over 县. */
const ADMIN_SUFFIX = '(?:特别行政区|自治区|自治州|自治县|自治旗|街道办事处|街道|省|市|州|盟|县|旗|区|镇|乡)';

/** Words that end like a place name but name no place (全镇, 我县, 乡镇…). */
const GENERIC_PLACES = new Set([
  '乡镇', '城镇', '集镇', '小城镇', '示范镇', '强镇', '重镇', '名镇', '城区', '社区', '园区', '景区', '小区', '街区', '地区', '辖区', '片区',
  '城市', '县市', '省市', '市县', '区县', '全国',
]);
const GENERIC_PREFIX = /^(?:全|我|本|该|各|每|外|市|县|区|乡|镇|省|新|老)/;
/** Words no place name contains: a capture that holds them is a clause (代表大会常务委员会或者市人民政府), not a name. */
const NOT_IN_NAMES = /或者|或|和|及|与|的|向|对|关于|委员会|大会|人民|政府|机构|部门|机关|单位|级|参与|听取|历史文化|名城|城乡/;

/** Whether a captured name is a real place name rather than 全镇, XX镇 or 某县. */
export function isPlaceName(name: string): boolean {
  if (name.length < 2 || name.length > 14) return false;
  if (NOT_IN_NAMES.test(name) || /^[市县区省州镇乡旗盟]/.test(name)) return false;
  if (/[XxＸｘ某*＊○〇_]/.test(name)) return false;
  if (GENERIC_PLACES.has(name)) return false;
  return !(name.length === 2 && GENERIC_PREFIX.test(name));
}

/** The level of a place name, from its suffix (南山镇 → 镇, 徐闻县 → 县, 广东省 → 省). */
export function levelOf(region: string | null): Level | null {
  if (!region) return null;
  if (region === '全国' || region === '国务院') return '国家';
  if (/(?:省|自治区|特别行政区)$/.test(region)) return '省';
  if (/(?:市|自治州|州|盟)$/.test(region)) return '市';
  if (/(?:县|旗)$/.test(region)) return '县';
  if (/区$/.test(region)) return '区';
  if (/镇$/.test(region)) return '镇';
  if (/乡$/.test(region)) return '乡';
  if (/(?:街道|街道办事处)$/.test(region)) return '街道';
  return null;
}

/**
 * One place name of a chain. A suffix followed by 场, 民, 域… is part of a word (市场, 市民, 区域), not the end of
 * a name; 杭州市 is one name although 州 is a suffix too.
 */
const PLACE_PART = `${HAN}+?${ADMIN_SUFFIX}(?:市)?(?![场民政容值级域划别间])`;

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

/** The meeting line: ——2021年4月2日在南山镇第四届人民代表大会第八次会议上. */
export function findMeeting(lines: readonly string[]): { date: string; year: number; place: string | null } | null {
  const pattern = new RegExp(`^[—–-]{1,2}\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*在(${HAN}*?)(?:第[一二三四五六七八九十百\\d]+届|人民代表大会|人大)`, 'u');
  for (const line of lines) {
    const m = pattern.exec(line);
    if (!m) continue;
    const [, y, mo, d, before] = m;
    const place = before === '' && /全国人民代表大会/.test(line) ? '全国' : lastPlace(before);
    return { date: `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`, year: Number(y), place };
  }
  return null;
}

/** The speaker line: 南山镇人民政府镇长 詹庆发, 国务院总理 李强. */
export function findSpeaker(lines: readonly string[]): { region: string | null; post: string; name: string } | null {
  const local = new RegExp(`^(${HAN}{2,20}?)(?:人民政府|政府)(代理)?((?:代|副)?(?:镇长|乡长|县长|区长|市长|州长|省长|主席|主任))[\\s\\u00a0\\u3000]*(${HAN}{2,4})$`, 'u');
  const national = new RegExp(`^国务院(总理)[\\s\\u00a0\\u3000]*(${HAN}{2,4})$`, 'u');
  for (const line of lines) {
    const n = national.exec(line);
    if (n) return { region: '全国', post: n[1], name: n[2] };
    const m = local.exec(line);
    if (m) return { region: lastPlace(m[1]), post: (m[2] ?? '') + m[3], name: m[4] };
  }
  return null;
}

/** The place a title starts with (南山镇2021年政府工作报告 → 南山镇; 乡镇政府2023工作报告 → none). */
export function findTitlePlace(title: string): string[] {
  const m = new RegExp(`^((?:${PLACE_PART})+)(?=人民政府|政府|\\d|关于|工作|${HAN}*(?:报告|总结|条例|办法|规定|决定|细则|规划))`, 'u').exec(title);
  if (!m) return [];
  return splitPlaceChain(m[1]).filter(isPlaceName);
}

/** The place in the speaker's own voice: 我代表北蔡镇人民政府 (skipping the anonymised 我代表XX镇人民政府). */
export function findSelfNamedPlace(lines: readonly string[]): string | null {
  const pattern = new RegExp(`我(?:们)?(?:谨)?代表(${HAN}{1,14}?|[XxＸｘ]+${HAN})人民政府`, 'gu');
  for (const line of lines) {
    for (const m of line.matchAll(pattern)) {
      const place = lastPlace(m[1]);
      if (place) return place;
    }
  }
  return null;
}

/** The year: the meeting's, else the last year of the title (the plan year), else from the headings. */
export function findYear(title: string, lines: readonly string[], meetingYear: number | null): number | null {
  if (meetingYear) return meetingYear;
  const titleYears = [...title.matchAll(/(?:19|20)\d{2}/g)].map((m) => Number(m[0]));
  if (titleYears.length > 0) return titleYears[titleYears.length - 1];
  for (const line of lines) {
    const plan = /^(?:[一二三四五六七八九十]+、)?((?:19|20)\d{2})年(?:工作安排|主要任务|工作打算|工作计划|工作思路)/.exec(line);
    if (plan) return Number(plan[1]);
    const review = /^(?:[一二三四五六七八九十]+、)?((?:19|20)\d{2})年工作(?:回顾|总结)/.exec(line);
    if (review) return Number(review[1]) + 1;
  }
  return null;
}

/** The kind of text, from its title. */
export function findKind(title: string): string | null {
  for (const kind of ['政府工作报告', '工作总结', '工作报告', '工作计划', '工作打算', '工作要点']) {
    if (title.includes(kind)) return kind === '工作打算' ? '工作计划' : kind;
  }
  const legal = /(法|条例|规定|办法|决定|解释|细则|规则|意见|通知|批复)$/.exec(title.replace(/[（(][^）)]*[）)]$/, ''));
  return legal ? legal[1] : null;
}

/** Province and county named in the front matter (广东省徐闻县南山镇…). */
function findHigherLevels(places: readonly string[]): { province: string | null; county: string | null } {
  const province = places.find((p) => levelOf(p) === '省') ?? null;
  const county = places.find((p) => levelOf(p) === '县' || levelOf(p) === '区') ?? null;
  return { province, county };
}

function lastPlace(text: string): string | null {
  const parts = splitPlaceChain(text).filter(isPlaceName);
  return parts.length > 0 ? parts[parts.length - 1] : null;
}

/** Extracts a report's metadata from its clean lines; the first line is its title. */
export function extractMetadata(lines: readonly string[], source: string): DocumentMeta {
  const title = lines[0] ?? '';
  const front = lines.slice(0, 12).filter((line) => line.length < 60);
  const meeting = findMeeting(front);
  const speaker = findSpeaker(front);
  const titlePlaces = findTitlePlace(title);
  const region =
    titlePlaces[titlePlaces.length - 1] ?? meeting?.place ?? speaker?.region ?? findSelfNamedPlace(lines) ?? null;
  const chain = [...titlePlaces, ...(meeting ? splitPlaceChain(meeting.place ?? '') : [])];
  const { province, county } = findHigherLevels(chain.filter((p) => p !== region));
  return {
    title,
    region,
    level: levelOf(region),
    county,
    province: levelOf(region) === '省' ? null : province,
    year: findYear(title, lines, meeting?.year ?? null),
    date: meeting?.date ?? null,
    speaker: speaker ? `${speaker.post} ${speaker.name}` : null,
    kind: findKind(title),
    source,
  };
}
