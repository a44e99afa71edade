import { findTitlePlace } from './front-matter.js';
import { lookupPlace } from './gazetteer.js';

/** What a file's name says about its report: 2026_河北省_政府工作报告.txt, 1978年中华人民共和国国务院政府工作报告.txt. */
export interface FileNameMeta {
  /** The name as a title (2026年河北省政府工作报告), when it names a kind of report. */
  readonly title: string | null;
  readonly region: string | null;
  readonly year: number | null;
}

const KIND = /(?:政府工作报告|工作报告|工作总结|工作计划|工作打算|工作要点)/;

/** Reads region, year and a title from a file name; each null where the name does not say. */
export function findFileNameMeta(source: string): FileNameMeta {
  const stem = source.slice(source.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const yearMatch = /(?<![\dA-Za-z])(19[4-9]\d|20\d{2})(?![\dA-Za-z])/.exec(stem);
  const year = yearMatch ? Number(yearMatch[1]) : null;
  // 2026_河北省_政府工作报告 → 2026年河北省政府工作报告: the parts joined, the year given its 年.
  const joined = stem
    .replace(/^\d{1,4}[_\-\s.]+(?=\D)/, (m) => (year !== null && m.startsWith(String(year)) ? m : ''))
    .replace(/(?<![\dA-Za-z])(19[4-9]\d|20\d{2})(?![\dA-Za-z年])[_\-\s.]*/g, '$1年')
    .replace(/[_\-\s.]+/g, '');
  const region = findTitlePlace(joined)[0] ?? shortProvinceAtStart(joined);
  const title = KIND.test(joined) && /\p{Script=Han}/u.test(joined) ? joined : null;
  return { title, region, year };
}

/** A province's short form standing where a place would (2025年河北政府工作报告 → 河北省). */
function shortProvinceAtStart(text: string): string | null {
  const rest = text.replace(/^(?:19|20)\d{2}年?/, '');
  for (const length of [3, 2]) {
    const places = lookupPlace(rest.slice(0, length)).filter((p) => p.tier === 0);
    if (places.length === 1) return places[0].name;
  }
  return null;
}
