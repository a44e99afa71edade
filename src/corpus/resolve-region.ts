import type { DocumentMeta, MetaSource } from '../types.js';
import { disambiguate, lookupPlace, mostNamed, placeChain, type Place } from './gazetteer.js';
import { isPlaceName, levelOf } from './place-names.js';

/** A region name offered by one rule, with the rule's name. */
export interface RegionCandidate {
  readonly name: string | null;
  readonly source: MetaSource;
}

/** A report's region with everything the gazetteer adds, or nulls, and notes saying why a value is missing. */
export interface ResolvedRegion extends Pick<DocumentMeta, 'region' | 'level' | 'county' | 'city' | 'province' | 'code'> {
  /** The rule the region came from. */
  readonly source: MetaSource | null;
  /** Whether county, city, province and code came from the gazetteer. */
  readonly fromGazetteer: boolean;
  readonly notes: readonly string[];
}

/**
 * The region of a report: the first candidate (in the order the rules are trusted) that is a name the gazetteer
 * knows — short forms resolve (河北 → 河北省) — or a clear place name it lacks; 自治区, 省 or XX镇 alone are never
 * regions. Namesakes (five 南山镇) are told apart by the county, city or province the text names. `chain` is the
 * place chain of the title and meeting line (广东省徐闻县南山镇), for a region the gazetteer lacks.
 */
export function resolveRegion(
  candidates: readonly RegionCandidate[],
  text: string,
  selfLevel: '自治区' | '省' | '市' | null,
  chain: readonly string[] = [],
): ResolvedRegion {
  const notes: string[] = [];
  for (const { name, source } of candidates) {
    if (!name) continue;
    if (name === '全国') return national(source);
    const places = lookupPlace(name);
    if (places.length > 0) {
      const place = disambiguate(places, text);
      if (place) return fromPlace(place, source, notes);
      notes.push(`${places[0].name}: ${places.length} places of that name (${places.map(describe).join('; ')}); the text names none of their counties, cities or provinces more than the others`);
      return { ...unplaced(places[0].name, source, notes), level: places[0].level };
    }
    if (isPlaceName(name) && levelOf(name)) {
      notes.push(`${name} is not in the gazetteer (renamed or merged since?): kept as written, without county, city or code`);
      return unplaced(name, source, notes, chain);
    }
  }
  if (selfLevel) {
    const accept = (p: Place) => (selfLevel === '自治区' ? p.tier === 0 && p.name.endsWith('自治区') : selfLevel === '省' ? p.tier === 0 && p.name.endsWith('省') : p.tier === 1 || (p.tier === 0 && p.name.endsWith('市')));
    const place = mostNamed(text, accept);
    if (place) return fromPlace(place, 'gazetteer', notes);
    notes.push(`the report speaks for the ${selfLevel}人民政府 without naming it, and no ${selfLevel} is named clearly more often than the others`);
  }
  return { region: null, level: null, county: null, city: null, province: null, code: null, source: null, fromGazetteer: false, notes };
}

function national(source: MetaSource): ResolvedRegion {
  return { region: '全国', level: '国家', county: null, city: null, province: null, code: null, source, fromGazetteer: false, notes: [] };
}

function fromPlace(place: Place, source: MetaSource, notes: string[]): ResolvedRegion {
  const chain = placeChain(place).slice(0, -1);
  const at = (tier: number) => chain.find((p) => p.tier === tier)?.name ?? null;
  return { region: place.name, level: place.level, county: at(2), city: at(1), province: at(0), code: place.code, source, fromGazetteer: true, notes };
}

/** A region the gazetteer cannot place: county and province only where the text's own chain names them. */
function unplaced(name: string, source: MetaSource, notes: string[], chain: readonly string[] = []): ResolvedRegion {
  const province = chain.find((p) => p !== name && levelOf(p) === '省') ?? null;
  const county = chain.find((p) => p !== name && (levelOf(p) === '县' || levelOf(p) === '区')) ?? null;
  return { region: name, level: levelOf(name), county, city: null, province, code: null, source, fromGazetteer: false, notes };
}

function describe(place: Place): string {
  return placeChain(place).slice(0, -1).map((p) => p.name).join('');
}
