import { fileURLToPath } from 'node:url';
import type { DictionaryError } from './user-dictionary.js';

/**
 * Numbered slogans and their parts: “六稳” = 稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期. Researchers search either
 * side, so `~六稳` finds the passages naming the slogan or any of its parts. The shipped thesaurus is
 * `slogans.txt`; the corpus adds the slogans it defines itself (analysis/find-slogans.ts).
 */

/** A slogan with its parts, and where it came from. */
export interface Slogan {
  /** The slogan as written, without quotes (六稳, 三清三拆三整治). */
  readonly name: string;
  readonly parts: readonly string[];
  /** From the thesaurus file, or defined by a passage of the corpus (`“三清三拆三整治”即清理…`). */
  readonly source: 'thesaurus' | 'corpus';
  /** The passage that defines it, for a slogan the corpus defines. */
  readonly passageId?: string;
}

/** The thesaurus shipped with the engine. */
export const SHIPPED_SLOGANS = fileURLToPath(new URL('./slogans.txt', import.meta.url));

/**
 * Parses a thesaurus from its text (so tests feed it strings): `名称：部分、部分、…` a line (a colon, full-width or
 * not, then parts separated by 、，or ,); `#` starts a comment. Bad lines are reported with their line number.
 */
export function parseSloganThesaurus(text: string, source: string): { slogans: Slogan[]; errors: DictionaryError[] } {
  const slogans: Slogan[] = [];
  const errors: DictionaryError[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const fail = (message: string) => errors.push({ source, line: i + 1, message: `${message}: "${raw.trim()}"` });
    const m = /^[“"]?([^：:“”"]+?)[”"]?\s*[：:]\s*(.+)$/.exec(line);
    if (!m) {
      fail('expected "名称：部分、部分"');
      continue;
    }
    const name = m[1].trim();
    const parts = [...new Set(m[2].split(/[、，,；;]/).map((p) => p.trim()).filter((p) => p !== ''))];
    if (parts.length < 2) {
      fail('a slogan needs at least two parts');
      continue;
    }
    if (seen.has(name)) {
      fail(`"${name}" is listed twice`);
      continue;
    }
    seen.add(name);
    slogans.push({ name, parts, source: 'thesaurus' });
  }
  return { slogans, errors };
}
