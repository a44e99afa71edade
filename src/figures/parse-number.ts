/**
 * Numbers as reports write them: Arabic digits with decimals and thousands separators (1,820; 16.36), Chinese
 * numerals (三千, 一千二百, 十五, 两), and either followed by 万 or 亿 (1.2万, 三千万) — the multiplier is read by the
 * unit table, so here 万 and 亿 inside a Chinese numeral (一万二千) are part of the number only when more follows.
 */

const DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** The pattern of a number a figure starts with: Arabic (with , and .) or Chinese numerals. */
export const NUMBER_PATTERN = '(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|[〇零一二三四五六七八九十百千两]+(?:[万亿][〇零一二三四五六七八九十百千]+)*)';

/** The value of a number as written (16.36, 1,820, 三千, 一千二百, 一万二千), or null when it is no number. */
export function parseNumber(text: string): number | null {
  if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (!/^[〇零一二三四五六七八九十百千万亿两]+$/.test(text)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGITS) {
      digit = DIGITS[c];
      continue;
    }
    if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c];
      digit = null;
      continue;
    }
    // 万 or 亿 closes a section: 一万二千 = (1) × 10,000 + 2,000.
    total = (total + section + (digit ?? 0)) * LARGE_UNITS[c];
    section = 0;
    digit = null;
  }
  const value = total + section + (digit ?? 0);
  // A run of bare digits (一九七八) is a year or a code, not a quantity.
  if (/^[〇零一二三四五六七八九两]{2,}$/.test(text)) return null;
  return value;
}
