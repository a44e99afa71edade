import { DATE_NUMERAL, parseSmallNumber, parseYear } from './chinese-numerals.js';
import { gazetteer } from './gazetteer.js';
import { COMMON_NOUN_ENDING, HAN, ZONE_ENDING, PLACE_PART, isPlaceName, lastPlace, splitPlaceChain } from './place-names.js';

/**
 * Rules that read a report's front matter — title, meeting line, speaker line — and its own voice (我代表…人民政府),
 * one function each, for towns, counties, provinces and the State Council alike.
 */

/** Whether the first line reads as a title, not as the salutation, a sentence or an invisible leftover. */
export function isTitleLine(line: string | undefined): line is string {
  if (!line || line.length < 4 || line.length > 60 || !new RegExp(HAN, 'u').test(line)) return false;
  if (/[。；！？!?]/.test(line) || /[：:，,、]$/.test(line)) return false;
  return !/^(?:各位代表|同志们|女士们|[—–-]{1,2}|[（(]?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月)/.test(line);
}

/** A title the nation issues: 国务院…, 中华人民共和国…(国务院政府工作报告, 宪法), 全国人民代表大会…, 中央人民政府…. */
const NATIONAL = /^(?:(?:19|20)\d{2}\s*年?\s*)?(?:中华人民共和国|全国人民代表大会|国务院|中央人民政府|政务院)/;

/** The place a title starts with, after a leading year (2025年河北省政府工作报告 → 河北省; 国务院… → 全国). */
export function findTitlePlace(title: string): string[] {
  if (NATIONAL.test(title)) return ['全国'];
  const rest = title.replace(/^(?:(?:19|20)\d{2}\s*年(?:度)?|[（(](?:19|20)\d{2}年?[）)])\s*/, '');
  const m = new RegExp(`^((?:${PLACE_PART})+)(?=人民政府|政府|\\d|关于|工作|${HAN}*(?:报告|总结|条例|办法|规定|决定|细则|规划))`, 'u').exec(rest);
  if (!m) return [];
  return splitPlaceChain(m[1]).filter((part, i) => namesPlace(part, i === 0));
}

/**
 * Whether a part of a title's place chain names a place: the gazetteer has it, or it is shaped like a name it
 * lacks (幸福里镇, renamed or merged since) — three characters at least, no common noun that ends like a place
 * (智慧城市, 住宅小区), a zone only where the title starts with it (泰山风景名胜区, but 青岛市崂山风景区 is 青岛市), no
 * word run into a county or city the gazetteer knows (促进浦东新区), and a bare 州 only whole (青岛市胶州湾… is
 * 青岛市, not 胶州).
 */
function namesPlace(part: string, first: boolean): boolean {
  if (!isPlaceName(part)) return false;
  const { byName } = gazetteer();
  if (byName.has(part)) return true;
  if (part.length < 3 || COMMON_NOUN_ENDING.test(part) || (!first && ZONE_ENDING.test(part)) || /[^治]州$/.test(part)) return false;
  for (let cut = 1; cut <= part.length - 3; cut++) {
    if (byName.get(part.slice(cut))?.some((place) => place.tier <= 2)) return false;
  }
  return true;
}

/** A meeting: its date, year, place, and any words run on after it (the speaker, in some publications). */
export interface Meeting {
  readonly date: string;
  readonly year: number;
  readonly place: string | null;
  /** The meeting's name: 南山镇第四届人民代表大会第八次会议. */
  readonly name: string;
  readonly rest: string;
}

/**
 * The meeting line, with or without the dash or brackets, in Arabic or Chinese numerals:
 * ——2021年4月2日在南山镇第四届人民代表大会第八次会议上; 一九七八年二月二十六日在第五届全国人民代表大会第一次会议上.
 */
export function findMeeting(lines: readonly string[]): Meeting | null {
  const n = DATE_NUMERAL;
  const pattern = new RegExp(`^[—–\\-－（(\\s]*(${n}{4})\\s*年\\s*(${n}{1,3})\\s*月\\s*(${n}{1,3})\\s*日\\s*在(${HAN}*?)(?:第[一二三四五六七八九十百\\d]+届|人民代表大会|人大)(.*)$`, 'u');
  for (const line of lines) {
    const m = pattern.exec(line);
    if (!m) continue;
    const [, y, mo, d, before, after] = m;
    const year = parseYear(y);
    const month = parseSmallNumber(mo);
    const day = parseSmallNumber(d);
    if (year === null || month === null || day === null) continue;
    const place = before === '' && /全国人民代表大会/.test(line) ? '全国' : lastPlace(before);
    const rest = /会议[上中]?[）)]?(.*)$/.exec(after)?.[1] ?? '';
    const name = /在(.*?会议)/u.exec(line)?.[1] ?? '';
    return { name, date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, year, place, rest };
  }
  return null;
}

/** The speaker: where the line names it, the post and the name. */
export interface Speaker {
  readonly region: string | null;
  readonly post: string;
  readonly name: string;
}

const POST = '(?:总理|省长|主席|市长|州长|盟长|县长|区长|旗长|镇长|乡长|主任)';
/** A person's name: two to four Han characters, or a transcribed name with a middle dot (艾尔肯·吐尼亚孜). */
const NAME = `(?:${HAN}{1,8}[·•・‧.]${HAN}{1,10}|${HAN}{2,4})`;
const SPEAKER = new RegExp(
  `^[—–\\-－]*((?:${HAN}{1,20}?)??)(?:人民政府|政府)?(代理|代)?(${POST})[\\s\\u00a0\\u3000]*(${NAME})(?:同志)?(?:作政府工作报告|作工作报告)?[。]?$`,
  'u',
);

/**
 * The speaker line: 南山镇人民政府镇长 詹庆发, 国务院总理 李强, 省长 李炳军, 代理主席 嘎玛泽登, 主席 艾尔肯·吐尼亚孜, a
 * post and a name over two lines (国务院总理 / 李克强), or the words run on after the meeting line.
 */
export function findSpeaker(lines: readonly string[], runOn = ''): Speaker | null {
  const candidates = [runOn, ...lines.flatMap((line, i) => [line, line + (lines[i + 1] ?? '')])].filter((l) => l !== '');
  for (const raw of candidates) {
    const m = SPEAKER.exec(raw.replace(/[\s\u00a0\u3000]+/g, ''));
    if (!m) continue;
    const [, place, acting, post, name] = m;
    const generic = /^(?:省|市|县|区|镇|乡|自治区|自治州|州|盟|旗)$/.test(place);
    if (place !== '' && !generic && !/^(?:中华人民共和国)?(?:国务院|政务院)$/.test(place) && lastPlace(place) === null) continue;
    const region = /(?:国务院|政务院)$/.test(place) ? '全国' : place === '' || generic ? null : lastPlace(place);
    return { region, post: (acting ?? '') + post, name };
  }
  return null;
}

/** The place in the speaker's own voice: 我代表北蔡镇人民政府 (not the anonymised XX镇); 我代表国务院 is national. */
export function findSelfNamedPlace(lines: readonly string[]): string | null {
  const pattern = new RegExp(`我(?:们)?(?:谨)?代表(?:(国务院|中央人民政府)|(${HAN}{1,14}?|[XxＸｘ]+${HAN})人民政府)`, 'gu');
  for (const line of lines) {
    for (const m of line.matchAll(pattern)) {
      if (m[1]) return '全国';
      const place = lastPlace(m[2]);
      if (place) return place;
    }
  }
  return null;
}

/** The level a report speaks from when it names no place: 我代表自治区人民政府 → 自治区, 我代表省人民政府 → 省. */
export function findSelfLevel(lines: readonly string[]): '自治区' | '省' | '市' | null {
  for (const line of lines) {
    const m = /我(?:们)?(?:谨)?代表(自治区|省|市)人民政府/.exec(line);
    if (m) return m[1] as '自治区' | '省' | '市';
  }
  return null;
}

/** The year a title or heading names last (the plan year: 2020年工作总结和2021年工作打算 → 2021). */
export function lastYearIn(text: string): number | null {
  const years = [...text.matchAll(/(?<![\dA-Za-z])(?:19[4-9]\d|20\d{2})(?![\dA-Za-z])/g)].map((m) => Number(m[0]));
  return years.length > 0 ? years[years.length - 1] : null;
}

/** The year of the headings: 2022年工作安排 → 2022, 2020年工作回顾 → 2021. */
export function findHeadingYear(lines: readonly string[]): number | null {
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

/** The kind a report without a title says it is: 向大会报告政府工作 → 政府工作报告. */
export function findBodyKind(lines: readonly string[]): string | null {
  return lines.slice(0, 20).some((l) => /报告政府工作|作政府工作报告|政府工作报告/.test(l)) ? '政府工作报告' : null;
}
