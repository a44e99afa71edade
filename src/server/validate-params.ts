import type { AnalysisScope } from '../analysis/analysis-scope.js';
import { LEVEL_NAMES, MAX_YEAR_SPAN, readYears } from '../query/parse-query.js';

/** Validation of request parameters: each problem becomes a 400 that says which parameter and why. */

/** A bad request parameter. */
export class BadRequestError extends Error {
  readonly status = 400;
  readonly code = 'BAD_PARAMETER';
  constructor(message: string) {
    super(message);
  }
}

export const MAX_QUERY_LENGTH = 500;

type Query = Record<string, unknown>;

/** All values of a parameter given once or repeated (`?year=2021&year=2022`), as strings. */
export function listParam(query: Query, name: string): string[] {
  const raw = query[name];
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (values.some((v) => typeof v !== 'string')) throw new BadRequestError(`${name}: expected plain values`);
  return (values as string[]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** A single string parameter (the last if repeated). */
export function stringParam(query: Query, name: string, maxLength: number): string {
  const values = query[name] === undefined ? [] : Array.isArray(query[name]) ? (query[name] as unknown[]) : [query[name]];
  const value = values[values.length - 1] ?? '';
  if (typeof value !== 'string') throw new BadRequestError(`${name}: expected a plain value`);
  if (value.length > maxLength) throw new BadRequestError(`${name}: at most ${maxLength} characters, got ${value.length}`);
  return value;
}

/** A whole-number parameter within bounds, or its default when absent. */
export function intParam(query: Query, name: string, fallback: number, min: number, max: number): number {
  const text = stringParam(query, name, 20);
  if (text === '') return fallback;
  if (!/^\d+$/.test(text)) throw new BadRequestError(`${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new BadRequestError(`${name}: must be from ${min} to ${max}, got ${value}`);
  return value;
}

/** Years as four-digit numbers, each a year (`2021`) or a range (`2020-2025`), given once, repeated or with commas. */
export function yearsParam(query: Query): number[] {
  const years = listParam(query, 'year').flatMap((y) => {
    const read = readYears(y);
    if (read === 'too long') throw new BadRequestError(`year: a range of at most ${MAX_YEAR_SPAN} years, got "${y}"`);
    if (read === null) throw new BadRequestError(`year: expected a four-digit year such as 2021 or a range such as 2020-2025, got "${y}"`);
    return read;
  });
  return [...new Set(years)];
}

/** Administrative levels (`level=省`, repeatable), each one the corpus's levels can be. */
export function levelsParam(query: Query): string[] {
  const levels = listParam(query, 'level');
  const unknown = levels.find((l) => !(LEVEL_NAMES as readonly string[]).includes(l));
  if (unknown !== undefined) throw new BadRequestError(`level: one of ${LEVEL_NAMES.join('、')}, got "${unknown}"`);
  return levels;
}

/** The part of the corpus an analysis view looks at: `region=`, `year=` (ranges too) and `level=`, each repeatable. */
export function scopeParams(query: Query, knownRegions: readonly string[]): AnalysisScope {
  return { regions: regionsParam(query, knownRegions), years: yearsParam(query), levels: levelsParam(query) };
}

/** Regions, each of which must be a region of the corpus. */
export function regionsParam(query: Query, known: readonly string[]): string[] {
  const regions = listParam(query, 'region');
  checkRegions(regions, known);
  return regions;
}

/** Refuses regions the corpus does not have, naming the ones it does. */
export function checkRegions(regions: readonly string[], known: readonly string[]): void {
  const unknown = regions.filter((r) => !known.includes(r));
  if (unknown.length > 0) {
    throw new BadRequestError(`region: unknown region ${unknown.map((r) => `"${r}"`).join(', ')}; the corpus has ${known.join('、')}`);
  }
}

/** A yes/no flag (`related=1`, `explain=true`); absent is no. */
export function flagParam(query: Query, name: string): boolean {
  const value = query[name];
  if (value === undefined) return false;
  if (value === '1' || value === 'true' || value === '') return true;
  if (value === '0' || value === 'false') return false;
  throw new BadRequestError(`${name} must be 1 or 0 (got ${JSON.stringify(value)})`);
}
