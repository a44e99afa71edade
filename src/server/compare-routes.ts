import { Router, type Request } from 'express';
import { compareReports, sideKeys, type CompareSide, type Comparison } from '../analysis/compare-reports.js';
import type { PhraseTable } from '../analysis/phrase-table.js';
import type { Engine } from '../engine.js';
import { tableOr503 } from './analysis-routes.js';
import { partsOf, scopeQuery, yearsText } from './scoped-analysis.js';
import { sendCsv, wantsCsv } from './csv.js';
import { BadRequestError, intParam, levelsParam, stringParam, yearsParam } from './validate-params.js';

/** Years of a `from`, `to` or `year` parameter: a year or a range (`2020-2022`). */
function sideYears(req: Request, param: string): number[] {
  const years = yearsParam({ year: stringParam(req.query, param, 20) });
  if (years.length === 0) throw new BadRequestError(`${param}: required: a year such as 2025 or a range such as 2020-2022`);
  return years;
}

/**
 * The two sides a request compares: `region=…&from=2025&to=2026` (a region over two years), `level=省&from=…&to=…`
 * (all reports of a level in two years), or `a=…&b=…&year=2025` (two regions in one year); years may be ranges.
 * Null when the request names none of them (the page's start).
 */
function compareSides(req: Request, table: PhraseTable): [CompareSide, CompareSide] | null {
  const region = stringParam(req.query, 'region', 50);
  const [a, b] = [stringParam(req.query, 'a', 50), stringParam(req.query, 'b', 50)];
  const level = levelsParam(req.query)[0] ?? null;
  if (!region && !a && !b && !level) return null;
  const known = (name: string, param: string) => {
    if (!table.regions.includes(name)) throw new BadRequestError(`${param}: no region "${name}" in the corpus`);
    return name;
  };
  if (region || (level && !a && !b)) {
    const name = region ? known(region, 'region') : null;
    return [{ region: name, level, years: sideYears(req, 'from') }, { region: name, level, years: sideYears(req, 'to') }];
  }
  if (!a || !b) throw new BadRequestError('a and b: two regions to compare in one year (or region=, from= and to=)');
  const years = sideYears(req, 'year');
  return [{ region: known(a, 'a'), level: null, years }, { region: known(b, 'b'), level: null, years }];
}

/** The comparison of a request's two sides; a side without reports is a 400 that says which and what there is. */
function comparisonFor(engine: Engine, table: PhraseTable, [a, b]: [CompareSide, CompareSide], limit: number): Comparison {
  const [keysA, keysB] = [sideKeys(engine.documents, a), sideKeys(engine.documents, b)];
  const params = a.region !== b.region ? ['a', 'b'] : ['from', 'to'];
  for (const [side, keys, param] of [[a, keysA, params[0]], [b, keysB, params[1]]] as const) {
    if (keys.size > 0) continue;
    const years = yearsText(side.years);
    if (side.region) throw new BadRequestError(`${param}: ${side.region} has reports of ${(table.regionYears[side.region] ?? []).join(', ') || 'no year'}, not ${years}`);
    throw new BadRequestError(`${param}: no reports of level ${side.level} in ${years}`);
  }
  return compareReports(partsOf(engine), table, a, b, keysA, keysB, { limit });
}

/** A side in words: `港门镇 2022`, `省 2020–2022`. */
function sideLabel(side: CompareSide): string {
  return `${side.region ?? side.level ?? ''} ${yearsText(side.years).replace('-', '–')}`;
}

/** The lines of a phrase on one side, in the concordance. */
const linesOf = (phrase: string, side: CompareSide) =>
  `/kwic?q=${encodeURIComponent(phrase)}${scopeQuery({ regions: side.region ? [side.region] : [], years: side.years, levels: side.level ? [side.level] : [] })}`;

function comparisonRows(c: Comparison): (string | number | null)[][] {
  return [
    ['list', 'phrase', 'countA', 'countB', 'rateA', 'rateB'],
    ...c.new.map((p) => ['new', p.phrase, 0, p.count, 0, null]),
    ...c.dropped.map((p) => ['dropped', p.phrase, p.count, 0, null, 0]),
    ...c.rose.map((p) => ['rose', p.phrase, p.countFrom, p.countTo, p.from, p.to]),
    ...c.fell.map((p) => ['fell', p.phrase, p.countFrom, p.countTo, p.from, p.to]),
  ];
}

/** `/compare` and `/api/compare`: what is new, dropped, risen and fallen between two reports' phrases. */
export function compareRoutes(engine: Engine): Router {
  const router = Router();
  router.get('/api/compare', (req, res) => {
    const csv = wantsCsv(req);
    const table = tableOr503(engine, req, res);
    if (!table) return;
    const sides = compareSides(req, table);
    if (!sides) throw new BadRequestError('region (or level), from and to — or a, b and year: the reports to compare');
    const c = comparisonFor(engine, table, sides, intParam(req.query, 'limit', 50, 1, 1000));
    if (csv) sendCsv(res, 'compare', comparisonRows(c));
    else res.json(c);
  });
  router.get('/compare', (req, res) => {
    const table = tableOr503(engine, req, res);
    if (!table) return;
    const sides = compareSides(req, table);
    const c = sides ? comparisonFor(engine, table, sides, 50) : null;
    const several = table.regions.filter((r) => (table.regionYears[r] ?? []).length > 1);
    const query = new URLSearchParams(req.query as Record<string, string>).toString();
    const levels = [...new Set(engine.documents.map((d) => d.level).filter((l) => l !== null))];
    res.render('compare', { title: '比较 — 政策检索', c, table, several, levels, params: req.query, linesOf, sideLabel, jsonUrl: c ? `/api/compare?${query}` : null, csvUrl: c ? `/api/compare?${query}&format=csv` : null });
  });
  return router;
}
