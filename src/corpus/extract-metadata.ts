import type { DocumentMeta, MetaField, MetaSource } from '../types.js';
import { findFileNameMeta } from './file-name-meta.js';
import {
  findBodyKind, findHeadingYear, findKind, findMeeting, findSelfLevel, findSelfNamedPlace, findSpeaker, findTitlePlace, isTitleLine, lastYearIn,
} from './front-matter.js';
import { splitPlaceChain } from './place-names.js';
import { resolveRegion, type RegionCandidate } from './resolve-region.js';

/** Bumped whenever the metadata rules read a report differently: it is part of the index fingerprint. */
export const METADATA_RULES_VERSION = 2;

/** Lines at the top of a report that may hold the title, meeting and speaker lines. */
const FRONT_LINES = 12;

/**
 * Extracts a report's metadata from its clean lines and its file name, saying where each value came from. Rules
 * are tried in the order they are trusted: the title, the meeting line, the speaker line, the report's own voice,
 * the file name; the gazetteer places the region. `notes` receives why a value is missing or doubtful.
 */
export function extractMetadata(lines: readonly string[], source: string, notes: string[] = []): DocumentMeta {
  const sources: Partial<Record<MetaField, MetaSource>> = {};
  const set = <T>(field: MetaField, value: T | null | undefined, from: MetaSource): T | null => {
    if (value === null || value === undefined) return null;
    sources[field] = from;
    return value;
  };
  const file = findFileNameMeta(source);
  const textTitle = isTitleLine(lines[0]) ? lines[0] : null;
  const front = lines.slice(0, FRONT_LINES).filter((line) => line.length < 80);
  const meeting = findMeeting(front);
  const speaker = findSpeaker(front.filter((l) => !/^各位代表|^同志们/.test(l)), meeting?.rest);
  const titlePlaces = textTitle ? findTitlePlace(textTitle) : [];
  const candidates: RegionCandidate[] = [
    { name: titlePlaces[titlePlaces.length - 1] ?? null, source: 'title' },
    { name: meeting?.place ?? null, source: 'meeting' },
    { name: speaker?.region ?? null, source: 'speaker' },
    { name: findSelfNamedPlace(lines), source: 'body' },
    { name: file.region, source: 'file-name' },
  ];
  const chain = [...titlePlaces, ...(meeting?.place ? splitPlaceChain(meeting.place) : [])];
  const place = resolveRegion(candidates, `${lines.join('\n')}\n${source}`, findSelfLevel(lines), chain);
  notes.push(...place.notes);
  const region = place.source ? set('region', place.region, place.source) : null;
  const gazetteer = place.fromGazetteer ? 'gazetteer' : place.source ?? 'gazetteer';
  const year =
    set('year', meeting?.year, 'meeting') ??
    set('year', textTitle ? lastYearIn(textTitle) : null, 'title') ??
    set('year', file.year, 'file-name') ??
    set('year', findHeadingYear(lines), 'headings');
  const kind = set('kind', textTitle ? findKind(textTitle) : null, 'title') ?? set('kind', file.title ? findKind(file.title) : null, 'file-name') ?? set('kind', findBodyKind(lines), 'body');
  const title =
    set('title', textTitle, 'title') ??
    set('title', file.title, 'file-name') ??
    set('title', composeTitle(year, region, kind), 'composed') ??
    set('title', source.slice(source.lastIndexOf('/') + 1).replace(/\.[^.]+$/, ''), 'file-name') ??
    '';
  return {
    title,
    region,
    level: set('level', place.level, place.fromGazetteer ? 'gazetteer' : place.source ?? 'gazetteer'),
    county: set('county', place.county, gazetteer),
    city: set('city', place.city, gazetteer),
    province: set('province', place.level === '省' || place.level === '国家' ? null : place.province, gazetteer),
    code: set('code', place.code, 'gazetteer'),
    year,
    date: set('date', meeting?.date, 'meeting'),
    meeting: set('meeting', meeting?.name || null, 'meeting'),
    speaker: set('speaker', speaker ? `${speaker.post} ${speaker.name}` : null, 'speaker'),
    kind,
    source,
    sources,
  };
}

/** A title for a report whose text has none and whose file name gives none: 1978年国务院政府工作报告. */
function composeTitle(year: number | null, region: string | null, kind: string | null): string | null {
  if (year === null && region === null) return null;
  return `${year !== null ? `${year}年` : ''}${region === '全国' ? '国务院' : region ?? ''}${kind ?? '工作报告'}`;
}
