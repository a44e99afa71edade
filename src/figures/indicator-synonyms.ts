import { fileURLToPath } from 'node:url';
import { normalizeText } from '../tokenize/normalize-text.js';
import type { DictionaryError } from '../tokenize/user-dictionary.js';

/**
 * Indicator names that mean the same quantity (一般公共预算收入 ≈ 地方一般公共预算收入; 地区生产总值 ≈ GDP), from a small
 * editable list: a figure is listed under its group's first name, so a table of 一般公共预算收入 holds every town's
 * figure whichever name its report uses.
 */

/** The list shipped with the engine. */
export const SHIPPED_INDICATOR_SYNONYMS = fileURLToPath(new URL('./indicator-synonyms.txt', import.meta.url));

/** Each listed name (normalised) and the name its group is listed under. */
export type IndicatorGroups = ReadonlyMap<string, string>;

/** Parses the list from its text (so tests feed it strings); a line with one name is reported with its number. */
export function parseIndicatorSynonyms(text: string, source: string): { groups: IndicatorGroups; errors: DictionaryError[] } {
  const groups = new Map<string, string>();
  const errors: DictionaryError[] = [];
  for (const [i, raw] of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const names = line.split(/\s*[=＝]\s*/).map((n) => n.trim()).filter((n) => n !== '');
    if (names.length < 2) {
      errors.push({ source, line: i + 1, message: `expected "名称 = 别名 = …" with two names or more: "${raw.trim()}"` });
      continue;
    }
    for (const name of names) groups.set(normalizeText(name), names[0]);
  }
  return { groups, errors };
}

/** The name an indicator is listed under: its group's first name, or itself. */
export function indicatorGroup(groups: IndicatorGroups, indicator: string): string {
  return groups.get(normalizeText(indicator)) ?? indicator;
}
