import { tagOf, tokenizeText } from '../tokenize/tokenize-text.js';
import { readUnit, UNIT_PATTERN } from './figure-units.js';
import { NUMBER_PATTERN, parseNumber } from './parse-number.js';

/**
 * Figures and indicators from a passage's text: `完成地区生产总值17.1亿元，同比增长10.6%` → { indicator: 地区生产总值,
 * value: 17.1, unit: 亿元, normalized: 1.71e9, change: { kind: 同比增长, value: 10.6, unit: % } }. Precision over
 * recall: a number is a figure only with a unit and an indicator before it; years, dates, ordinals (第三), and
 * numbered formulations (四个意识, 两个维护) are not figures.
 */

/** A change stated with a figure: 同比增长 10.6 %, 增长 2 倍, 提高 1.5 个百分点. */
export interface FigureChange {
  readonly kind: string;
  readonly value: number;
  readonly unit: string;
}

/** One figure of a passage, with where it stands (`[start, end)` of value and unit, UTF-16 units). */
export interface Figure {
  /** The indicator as written (地区生产总值, 一般公共预算收入, 城镇新增就业). */
  readonly indicator: string;
  readonly value: number;
  /** The upper end of a range (5%—6%), or null. */
  readonly valueTo: number | null;
  readonly unit: string;
  /** The value in its base unit (元, 亩, 人, %…), and that unit. */
  readonly normalized: number;
  readonly baseUnit: string;
  /** 近5亿元 → about; 超过, 逾, 突破, 三千余 → over; else exact. */
  readonly approximate: 'exact' | 'about' | 'over' | 'under';
  readonly change: FigureChange | null;
  /** A target (预期目标, 力争, 计划) or a result (完成, 实现). */
  readonly kind: 'result' | 'target';
  /** For a sub-item (其中，第一产业8.76亿元): the indicator it is part of. */
  readonly of: string | null;
  readonly start: number;
  readonly end: number;
}

/** The version of the figure rules: figures cached by other rules are read again. */
export const FIGURE_RULES_VERSION = 1;

const QUALIFIER = '(近|约|超过|逾|突破|达到|超|不足|不到|将近|达|共|共计|合计|累计|总计)?';
const FIGURE = new RegExp(`${QUALIFIER}(${NUMBER_PATTERN})((?:\\s*[—\\-~～至到]\\s*${NUMBER_PATTERN})?)\\s*(${UNIT_PATTERN})`, 'g');
/** The upper end of a range written with its unit on both ends: 5%—6%, 3亿元至4亿元. */
const RANGE_AFTER = new RegExp(`^\\s*[—\\-~～至到]\\s*(${NUMBER_PATTERN})\\s*(${UNIT_PATTERN})`);
const CHANGE = new RegExp(`^[，,]?\\s*(?:同比|比上年|较上年|比去年|较去年|比上年同期|较上年同期|年均)?(增长|下降|减少|提高|降低|上升|增加|增|降)(?:了)?\\s*(${NUMBER_PATTERN})\\s*(%|％|个百分点|倍|成)`);

/** Where a clause starts: after punctuation, or the passage's start. */
const CLAUSE_BREAK = /[，,。；;：:！？!?、（(）)\n]/;

/** Where a sentence ends: a sub-item's parent (其中…) holds to the end of its sentence. */
const SENTENCE_BREAK = /[。；;！？!?\n]/;

/** Words before an indicator that are not part of it: places, time, totals. */
const LEADING = /^(?:其中|以上|全部落实|全部|预计完成|预计实现|预计|计划(?!生育)|力争|确保|争取|完成|实现|发放|领取|享受|办理|集中开展|开展|配备|有效|全年|全镇|全县|全区|全市|全省|全乡|全街道|我镇|我县|我区|我市|我省|本镇|今年|去年|当年|年内|目前|现有|累计|共计|总计|合计|共有|共|已|并|和|及|同时|截至\d*年?底?|\d{4}\s*[-—–至]\s*\d{4}年|\d{1,2}\s*[-—–至]\s*\d{1,2}月|\d{4}年(?:度|底|末)?|[一二三四五六七八九十]+是)+/;

/** Words after an indicator that are not part of it: the verb that carries the figure. */
const TRAILING = /(?:的|了|和|及|与|均可|均|力争|争取|确保|预计|完成|实现|达到|达|为|是|增至|增加到|突破|超过|涉及|共计|共有|共|计|累计|总计|合计|约|近|有|已|逾|将近|不足|不到)+$/;

/** Words that mark a target (预期, 力争) in the clause before a figure. */
const TARGET_WORDS = /预期|目标|力争|计划(?!生育)|预计|争取|确保/;

/** Section names of the plans part of a report. */
const PLAN_SECTION = /打算|安排|计划|目标|思路|谋划/;

/** The units a Chinese numeral may count with a word after them (三千万元资金): money, land, shares. */
const QUANTITY_KINDS = new Set(['元', '亩', '%', '个百分点', '平方米', '平方公里', '']);

/**
 * Every figure of a passage. `section` is its heading path, which tells a plan (下一步工作安排) from a review when the
 * clause itself does not (预期, 完成).
 */
export function extractFigures(text: string, section: readonly string[] = []): Figure[] {
  const figures: Figure[] = [];
  const planned = section.some((s) => PLAN_SECTION.test(s)) && !section.some((s) => /回顾|总结|成绩/.test(s));
  let parent: { indicator: string; sentence: number; bracketed: number } | null = null;
  let changeEnd = -1;
  const fallbacks: string[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, qualifier = '', number, range, written] = m;
    const at = m.index!;
    const valueStart = at + qualifier.length;
    if (valueStart < changeEnd) continue; // the change of the figure before (增长10.6%)
    const value = parseNumber(number);
    const unit = readUnit(written);
    if (value === null || unit === null || !isFigure(text, at, number, unit.base, at + whole.length)) continue;
    const before = text.slice(0, at);
    const clauseStart = clauseStartOf(before);
    const sentence = lastBreak(before, SENTENCE_BREAK);
    const clause = before.slice(clauseStart);
    // 其中，第一产业8.76亿元，第二产业…: the figures after 其中 are parts of the one before it, to the sentence's end
    // (or to the closing bracket of （其中…）).
    if (parent && (parent.sentence !== sentence || (parent.bracketed >= 0 && /[)）]/.test(text.slice(parent.bracketed, at))))) parent = null;
    if (/其中[，,：:\s]*$/.test(before.slice(0, clauseStart)) || /^\s*其中/.test(clause)) {
      const last = figures[figures.length - 1];
      const opened = /[(（]\s*(?:其中)?[，,：:\s]*$/.test(before.slice(0, clauseStart)) || /[(（]\s*其中/.test(before.slice(Math.max(0, clauseStart - 4)));
      if (last && !parent) parent = { indicator: last.of ?? last.indicator, sentence, bracketed: opened ? clauseStart : -1 };
    }
    const upper = RANGE_AFTER.exec(text.slice(at + whole.length));
    const rangeTo = upper && readUnit(upper[2])?.unit === unit.unit ? parseNumber(upper[1]) : null;
    const end = at + whole.length + (rangeTo !== null ? upper![0].length : 0);
    if (rangeTo !== null) changeEnd = Math.max(changeEnd, end);
    // 100只以上的家庭养殖户: a threshold inside the words that name another figure; 以上53条线索: a back-reference;
    // 处一万元以上十万元以下罚款: a bound inside a condition too. At a clause's end (50万元以上。) it means "over".
    if (/^(?:以上|以下|以内|以外)的?[\p{Script=Han}\d]/u.test(text.slice(end)) || /^(?:以上|上述)$/.test(clause.trim())) continue;
    // 3个月, 十五个工作日: a duration, not a count.
    if (unit.unit === '个' && /^(?:月|小时|工作日|星期|季度)/.test(text.slice(end))) continue;
    const named = cleanIndicator(clause);
    // 引进2家大型养猪企业, 以村为单位成立了22个股份经济合作社: the number first, what it counts after it; with
    // nothing after (摸排确定5户21人纳入…) the figure takes the indicator of the next.
    // Words before that end in 和 (69人困难残疾人生活补贴和73人…) belong to the figure before: this one's follow.
    const around = /\d\D*[和及与]\s*$/.test(clause) ? indicatorAround('', text.slice(end)) : indicatorAround(named, text.slice(end));
    const indicator = inherited(figures, text, at, unit.base) || around.indicator;
    fallbacks.push(around.fallback);
    // A bare 万 (村集体收入537.65万, …补助83万、退耕还林54万) is money; after anything else it does not say what it counts.
    const last = figures[figures.length - 1];
    const inMoneyList = last?.baseUnit === '' && /^、[^，,。；;]*$/.test(text.slice(last.end, at));
    if (unit.base === '' && !MONEY_WORDS.test(indicator || clause) && !inMoneyList) continue;
    const change = readChange(text.slice(end));
    if (change) changeEnd = end + change.length;
    const rangeValue = range ? parseNumber(range.replace(/^\s*[—\-~～至到]\s*/, '')) : rangeTo;
    figures.push({
      indicator,
      value,
      valueTo: rangeValue,
      unit: unit.unit,
      normalized: Math.round(value * unit.factor * 1e6) / 1e6,
      baseUnit: unit.base,
      approximate: approximation(qualifier, written, before),
      change: change?.change ?? null,
      kind: TARGET_WORDS.test(introduced(before, clauseStart) + clause) ? 'target' : /完成|实现/.test(clause) ? 'result' : planned ? 'target' : 'result',
      of: parent !== null && parent.indicator !== indicator ? parent.indicator : null,
      start: valueStart,
      end,
    });
  }
  // 566户1239人纳入低保救助: a figure without an indicator shares that of the figure right after it in another unit;
  // when that one has none either (住院报账454人次170.89万元), both keep the words before them.
  for (let k = figures.length - 1; k >= 0; k--) {
    const [f, next] = [figures[k], figures[k + 1]];
    if (f.indicator !== '') continue;
    const shares = next && next.baseUnit !== f.baseUnit && /^\s*[、，,]?\s*$/.test(text.slice(f.end, next.start));
    figures[k] = { ...f, indicator: shares && next.indicator !== '' ? next.indicator : fallbacks[k] };
  }
  for (let k = 1; k < figures.length; k++) {
    const [before, f] = [figures[k - 1], figures[k]];
    if (f.indicator === '' && before.baseUnit !== f.baseUnit && /^\s*[、，,]?\s*$/.test(text.slice(before.end, f.start))) figures[k] = { ...f, indicator: before.indicator };
  }
  return figures.filter((f) => f.indicator !== '');
}

/**
 * The indicator of a figure from the words before it (`named`) and after it: the words before, unless they hold no
 * indicator (nothing, or another quantity: 初砌17个村总计) or end in the verb acting on what follows (引进2家大型养猪
 * 企业, 成立了22个股份经济合作社) — then the words after; with a number right after (摸排确定5户21人纳入…), none yet:
 * the figure shares the next one's.
 */
function indicatorAround(named: string, after: string): { indicator: string; fallback: string } {
  const rest = named.replace(/\d+(?:\.\d+)?\s*\S?(?:以上|以下|以内)的?/g, '');
  const quantity = /\d+(?:\.\d+)?(?:个|户|人|家|座|名|条|处|万|亿|元|亩|人次)/g;
  // 为5426人农村居民发放养老金623990元: what follows the quantity before names this figure.
  const tail = quantity.test(rest) ? (rest.split(quantity).pop() ?? '') : null;
  const own = tail === null ? named : cleanIndicator(tail);
  const verb = own !== '' && leansOnWhatFollows(own);
  // What follows names the object only when it does not go on with the subject's verb (贫困学生619人全部落实…).
  const object = /^[\p{Script=Han}“]/u.test(after) && (own === '' || !/^(?:全部|全面|已|均|都|也|还|就近|实现|落实|完成|达到)/.test(after));
  if (object && (own === '' || verb)) return { indicator: indicatorAfter(after) || own, fallback: own };
  if (/^\d/.test(after) && verb) return { indicator: '', fallback: own };
  return { indicator: own, fallback: own };
}

/**
 * Whether the words before a number act on what follows it rather than name it: one word (申报69人困难残疾人生活补贴,
 * 发展5户养殖大户), or words ending in a verb (摸排确定, 以村为单位成立了). jieba's tags alone cannot say it: 申报 is
 * tagged nz and 保费 v.
 */
function leansOnWhatFollows(words: string): boolean {
  const cut = tokenizeText(words, false);
  return cut.length === 1 || tagOf(cut[cut.length - 1].text) === 'v';
}

/** The words after a unit that say what the number counts: up to the next break, number or conjunction. */
function indicatorAfter(after: string): string {
  const m = /^[^，,。；;：:！？!?、（(）)\n\d和及与等]{2,16}/.exec(after);
  return m ? cleanIndicator(m[0]) : '';
}

/** Where the clause before a figure starts; a clause ending in a bracketed aside (公益性岗位(保洁员)安置) reaches back over it. */
function clauseStartOf(before: string): number {
  let start = lastBreak(before, CLAUSE_BREAK);
  // The clause closes a bracket it did not open (华煌公司)工作岗位), or starts right after one: take in the bracket.
  for (let guard = 0; guard < 3 && start > 0; guard++) {
    const clause = before.slice(start);
    const unopened = (clause.match(/[)）]/g)?.length ?? 0) > (clause.match(/[(（]/g)?.length ?? 0);
    if (!unopened && !/[)）]/.test(before[start - 1])) break;
    const open = Math.max(before.lastIndexOf('(', start - 1), before.lastIndexOf('（', start - 1));
    if (open < 0) break;
    start = lastBreak(before.slice(0, open), CLAUSE_BREAK);
  }
  return start;
}

/** The clause a colon ends right before this one, which introduces it (预期目标：地区生产总值增长5%—6%), or ''. */
function introduced(before: string, clauseStart: number): string {
  if (!/[：:]$/.test(before.slice(0, clauseStart))) return '';
  const head = before.slice(0, clauseStart - 1);
  return head.slice(lastBreak(head, CLAUSE_BREAK));
}

/** Where the clause (or sentence) before a figure starts: after the last break. */
function lastBreak(before: string, breaks: RegExp): number {
  for (let i = before.length - 1; i >= 0; i--) if (breaks.test(before[i])) return i + 1;
  return 0;
}

/** Whether a number with a unit is a figure here: no ordinal (第三), no numbered formulation (四个意识), no date. */
function isFigure(text: string, at: number, number: string, base: string, end: number): boolean {
  if (text[at - 1] === '第' || /[\d.]$/.test(text.slice(0, at))) return false;
  const chinese = !/\d/.test(number);
  // 不漏一人, 四个意识, 三项制度: a Chinese numeral before a word is part of a phrase, unless it counts money, land or a share.
  if (chinese && (number === '一' || !QUANTITY_KINDS.has(base)) && !/^[，,。；;、）)\s]|^$/.test(text.slice(end, end + 1))) return false;
  // A Chinese numeral inside quotes names a formulation (“三清三拆”), not a quantity.
  if (chinese && (text.slice(0, at).split('“').length - text.slice(0, at).split('”').length) > 0) return false;
  return true;
}

/** Indicators a bare 万 or 亿 can measure: money. */
const MONEY_WORDS = /收入|资金|投资|产值|税|金|额|款|费|值|利润|营业|补|奖|助|资/;

/** The indicator of a clause: its words before the value, without the place, time and verb around them. */
function cleanIndicator(clause: string): string {
  let s = clause.trim();
  for (let i = 0; i < 3; i++) s = s.replace(LEADING, '').replace(TRAILING, '').trim();
  if (s.length < 2 || s.length > 32 || !/\p{Script=Han}{2}/u.test(s)) return '';
  return s;
}

/** A figure right after another in another unit (低保1207户，4044人; 大病救助201户533人) measures the same thing. */
function inherited(figures: readonly Figure[], text: string, at: number, base: string): string {
  const last = figures[figures.length - 1];
  return last && last.baseUnit !== base && /^\s*[、，,]?\s*$/.test(text.slice(last.end, at)) ? last.indicator : '';
}

/** The change stated right after a figure, and how many characters it takes. */
function readChange(after: string): { change: FigureChange; length: number } | null {
  const m = CHANGE.exec(after);
  const value = m ? parseNumber(m[2]) : null;
  if (!m || value === null) return null;
  const kind = m[0].replace(/^[，,]?\s*/, '').replace(/(?:了)?\s*[\d.,〇零一二三四五六七八九十百千两万亿]+\s*(?:%|％|个百分点|倍|成)$/, '');
  return { change: { kind, value, unit: m[3] === '％' ? '%' : m[3] }, length: m[0].length };
}

/** How exact a figure is, from the words around it: 近 about, 超过/逾/余 over, 不足 under. */
function approximation(qualifier: string, unit: string, before: string): Figure['approximate'] {
  if (/[余多]/.test(unit) || /超过|逾|突破|超/.test(qualifier) || /超过$|以上$/.test(before)) return 'over';
  if (/近|约|将近/.test(qualifier) || /约$|近$/.test(before)) return 'about';
  if (/不足|不到/.test(qualifier)) return 'under';
  return 'exact';
}
