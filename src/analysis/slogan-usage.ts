import { countOccurrences } from '../highlight/find-highlights.js';
import { passagesContaining, type SearchIndex } from '../search-index/search-index.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import type { Slogan } from '../tokenize/slogan-thesaurus.js';
import { regionOf } from './phrase-table.js';

/**
 * How a corpus uses each slogan, in both forms: named (六稳, with or without quotes) and unfolded (a passage naming
 * at least two of its parts: 稳就业、稳金融…), with the regions and years of the passages using either.
 */

/** A slogan's figures. */
export interface SloganUsage extends Slogan {
  /** Occurrences of the name (not inside a longer slogan's name: 三保 in 三保障), and the passages holding it. */
  readonly named: { readonly count: number; readonly passages: number };
  /** Passages naming at least two of the parts (all of them when there are only two). */
  readonly unfolded: { readonly passages: number };
  /** Passages using either form, per region label and per year (`未注明` for reports without one). */
  readonly byRegion: Readonly<Record<string, number>>;
  readonly byYear: Readonly<Record<string, number>>;
}

/** The parts a passage must name to count as the unfolded form. */
const MIN_PARTS = 2;

/** The names of the other slogans that contain a slogan's name (三保 in 三保障, 三保障 in 两不愁三保障). */
function longerNames(slogans: readonly Slogan[]): Map<string, string[]> {
  const names = slogans.map((s) => normalizeText(s.name));
  return new Map(names.map((name) => [name, names.filter((other) => other !== name && other.includes(name))]));
}

/** Occurrences of a name that are not part of a longer slogan's name (三保 in 三保障 is 三保障, not 三保). */
function nameOccurrences(text: string, name: string, longer: readonly string[]): number {
  let rest = text;
  for (const other of longer) rest = rest.split(other).join(' ');
  return countOccurrences(rest, name);
}

/** The usage of every slogan, in the thesaurus's order and then the corpus's. */
export function sloganUsage(index: SearchIndex, slogans: readonly Slogan[]): SloganUsage[] {
  const longer = longerNames(slogans);
  return slogans.map((slogan) => {
    const name = normalizeText(slogan.name);
    let count = 0;
    const namedIn: number[] = [];
    for (const p of passagesContaining(index, name)) {
      const n = nameOccurrences(index.normalized[p], name, longer.get(name) ?? []);
      count += n;
      if (n > 0) namedIn.push(p);
    }
    const partHits = new Map<number, number>();
    for (const part of new Set(slogan.parts.map(normalizeText))) {
      for (const p of passagesContaining(index, part)) partHits.set(p, (partHits.get(p) ?? 0) + 1);
    }
    const unfoldedIn = [...partHits].filter(([, n]) => n >= Math.min(MIN_PARTS, slogan.parts.length)).map(([p]) => p);
    const using = new Set<number>([...namedIn, ...unfoldedIn]);
    const byRegion: Record<string, number> = {};
    const byYear: Record<string, number> = {};
    for (const p of using) {
      const doc = index.documents[index.passageDoc[p]];
      byRegion[regionOf(doc.region)] = (byRegion[regionOf(doc.region)] ?? 0) + 1;
      const year = doc.year === null ? '未注明' : String(doc.year);
      byYear[year] = (byYear[year] ?? 0) + 1;
    }
    return { ...slogan, named: { count, passages: namedIn.length }, unfolded: { passages: unfoldedIn.length }, byRegion, byYear };
  });
}

/** A slogan a report uses: named, or unfolded (at least two parts in one passage), and where first. */
export interface SloganInReport {
  readonly name: string;
  /** Passages naming it, and passages unfolding it. */
  readonly named: number;
  readonly unfolded: number;
  /** The first passage using it (its position in the report). */
  readonly first: number;
}

/** The slogans a report's passages use, in either form, in the order they first appear. */
export function slogansInReport(passages: readonly { readonly text: string }[], slogans: readonly Slogan[]): SloganInReport[] {
  const texts = passages.map((p) => normalizeText(p.text));
  const longer = longerNames(slogans);
  const found: SloganInReport[] = [];
  for (const slogan of slogans) {
    const name = normalizeText(slogan.name);
    const parts = [...new Set(slogan.parts.map(normalizeText))];
    const need = Math.min(MIN_PARTS, parts.length);
    let [named, unfolded, first] = [0, 0, -1];
    texts.forEach((text, i) => {
      const isNamed = nameOccurrences(text, name, longer.get(name) ?? []) > 0;
      const isUnfolded = parts.filter((part) => text.includes(part)).length >= need;
      if (isNamed) named++;
      if (isUnfolded) unfolded++;
      if ((isNamed || isUnfolded) && first < 0) first = i;
    });
    if (first >= 0) found.push({ name: slogan.name, named, unfolded, first });
  }
  return found.sort((a, b) => a.first - b.first);
}
