import type { Slogan } from '../tokenize/slogan-thesaurus.js';

/**
 * Slogans a corpus defines itself: a quoted numbered formulation followed by its parts in the same passage —
 * `“三清三拆三整治”即清理…、清理…，拆除…`, `“两不愁三保障”是指…`, `“三资”（资金、资产、资源）` — as many parts as the
 * name's numerals add up to. Found by pattern over the passage texts; the thesaurus names the well-known ones, these
 * are the local ones.
 */

/** The numerals of a slogan's name and their values: a numbered formulation lists as many parts as they add up to. */
const NUMERALS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** What the numerals of a name add up to (三清三拆三整治 → 9, 两不愁三保障 → 5, 十五日 → 15), 0 without one. */
function numberedParts(name: string): number {
  return [...name].reduce((n, c) => n + (NUMERALS[c] ?? 0), 0);
}

/** `“X”` then 即/是指/就是/：, then the list up to the end of the sentence. */
const DEFINED_AFTER = /“([^“”\n]{2,12})”[，,]?\s*(?:即|是指|就是|指的是|[：:])\s*([^。；;！？\n]{4,300})/g;

/** `“X”（A、B、C）`: the parts in brackets right after the name. */
const DEFINED_IN_BRACKETS = /“([^“”\n]{2,12})”\s*[（(]([^（）()\n]{4,200})[）)]/g;

/** The longest part: a definition's part is a short phrase, not a clause of the sentence. */
const MAX_PART = 16;

/** The parts of a definition's list, or null when it does not read as a list of short parts. */
function listParts(list: string): string[] | null {
  const parts = list
    .split(/[、，,]/)
    .map((p) => p.trim().replace(/^(?:和|及|以及|与)/, '').replace(/等+$/, '').trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return null;
  const balanced = (p: string) => (p.match(/“/g)?.length ?? 0) === (p.match(/”/g)?.length ?? 0);
  if (parts.some((p) => p.length < 2 || p.length > MAX_PART || !balanced(p) || !/\p{Script=Han}/u.test(p))) return null;
  return [...new Set(parts)];
}

/** The slogans defined in the passages, each with the first passage that defines it. */
export function findCorpusSlogans(passages: readonly { readonly id: string; readonly text: string }[]): Slogan[] {
  const found = new Map<string, Slogan>();
  for (const passage of passages) {
    if (!passage.text.includes('“')) continue;
    for (const pattern of [DEFINED_AFTER, DEFINED_IN_BRACKETS]) {
      for (const m of passage.text.matchAll(pattern)) {
        const name = m[1].trim();
        if (found.has(name)) continue;
        const parts = listParts(m[2]);
        // 十五日（工作日，不包括节假日） defines a term, not a slogan: its numerals do not count its parts.
        if (parts && parts.length === numberedParts(name)) found.set(name, { name, parts, source: 'corpus', passageId: passage.id });
      }
    }
  }
  return [...found.values()];
}
