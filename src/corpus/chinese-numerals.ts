/** Chinese numerals as written in dates of older reports: 一九七八年二月二十六日, 二〇二五年. */

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A year written digit by digit (一九七八 → 1978), or a number in Arabic digits; null when it is neither. */
export function parseYear(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  if (text.length !== 4 || [...text].some((ch) => !(ch in DIGITS))) return null;
  return Number([...text].map((ch) => DIGITS[ch]).join(''));
}

/** A month or day (二十六 → 26, 十 → 10, 3 → 3), or null. */
export function parseSmallNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? DIGITS[tens] : null;
  return (tens ? DIGITS[tens] : 1) * 10 + (units ? DIGITS[units] : 0);
}

/** The numeral characters a date may use, for patterns. */
export const DATE_NUMERAL = '[\\d〇零一二三四五六七八九十两]';
