import type { Slogan } from '../tokenize/slogan-thesaurus.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import type { ParsedQuery, QueryTerm, SloganExpansion } from './parse-query.js';

/**
 * Unfolds slogans in a query: a term marked `~六稳` (or every term that names a slogan, with `all`) becomes an OR
 * of the slogan and each of its parts (六稳 OR 稳就业 OR 稳金融 …), so a passage naming only the parts matches too.
 * Quotes around the name are optional (~“六稳”). A term that names no known slogan stays as typed.
 */
export function expandSlogans(query: ParsedQuery, slogans: readonly Slogan[], all = false): ParsedQuery {
  const unfolds = (term: QueryTerm) => term.expand || (all && !term.phrase);
  if (slogans.length === 0 || !query.groups.some((group) => group.some(unfolds))) return query;
  const byName = sloganNames(slogans);
  const expansions: SloganExpansion[] = [];
  const groups = query.groups.map((group) =>
    group.flatMap((term): QueryTerm[] => {
      const slogan = unfolds(term) ? byName.get(term.normalized.replace(/^“|”$/g, '')) : undefined;
      if (!slogan) return [term];
      const forms = [slogan.name, ...slogan.parts].map((text) => ({ text, normalized: normalizeText(text), phrase: false }));
      expansions.push({ slogan: slogan.name, forms: forms.map((f) => f.normalized) });
      return forms;
    }),
  );
  return expansions.length === 0 ? query : { ...query, groups, expansions: [...query.expansions, ...expansions] };
}

const namesOf = new WeakMap<readonly Slogan[], Map<string, Slogan>>();

/** The slogans by their normalised names, made once per list (not on every query). */
function sloganNames(slogans: readonly Slogan[]): Map<string, Slogan> {
  let byName = namesOf.get(slogans);
  if (!byName) namesOf.set(slogans, (byName = new Map(slogans.map((s) => [normalizeText(s.name), s]))));
  return byName;
}

/** The forms of the query's slogans that a passage holds (稳就业、稳外贸), joined as a reader lists them; null if none. */
export function matchedForm(normalizedText: string, expansions: readonly SloganExpansion[]): string | null {
  const found = expansions.flatMap((e) => e.forms.filter((f) => normalizedText.includes(f)));
  return found.length > 0 ? [...new Set(found)].join('、') : null;
}
