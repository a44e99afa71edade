import { Router, type Request } from 'express';
import { compareReports, type CompareSide, type Comparison } from '../analysis/compare-reports.js';
import type { PhraseTable } from '../analysis/phrase-table.js';
import type { Engine } from '../engine.js';
import { partsOf, tableOr503 } from './analysis-routes.js';
import { sendCsv, wantsCsv } from './csv.js';
import { BadRequestError, intParam, stringParam } from './validate-params.js';

/**
 * The two sides a request compares: `region=…&from=2025&to=2026` (a region over two years) or
 * `a=…&b=…&year=2025` (two regions in one year); null when the request names neither (the page's start).
 */
function compareSides(req: Request, table: PhraseTable): [CompareSide, CompareSide] | null {
  const region = stringParam(req.query, 'region', 50);
  const [a, b] = [stringParam(req.query, 'a', 50), stringParam(req.query, 'b', 50)];
  if (!region && !a && !b) return null;
  const side = (name: string, year: number, param: string): CompareSide => {
    if (!table.regions.includes(name)) throw new BadRequestError(`${param}: no region "${name}" in the corpus`);
    const years = table.regionYears[name] ?? [];
    if (!years.includes(year)) throw new BadRequestError(`${param}: ${name} has reports of ${years.join(', ') || 'no year'}, not ${year}`);
    return { region: name, year };
  };
  if (region) {
    const [from, to] = [intParam(req.query, 'from', 0, 1949, 2100), intParam(req.query, 'to', 0, 1949, 2100)];
    return [side(region, from, 'from'), side(region, to, 'to')];
  }
  if (!a || !b) throw new BadRequestError('a and b: two regions to compare in one year (or region=, from= and to=)');
  const year = intParam(req.query, 'year', 0, 1949, 2100);
  return [side(a, year, 'a'), side(b, year, 'b')];
}

/** The lines of a phrase on one side, in the concordance. */
const linesOf = (phrase: string, side: CompareSide) => `/kwic?q=${encodeURIComponent(phrase)}&region=${encodeURIComponent(side.region)}&year=${side.year}`;

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
    if (!sides) throw new BadRequestError('region, from and to (or a, b and year): the reports to compare');
    const c = compareReports(partsOf(engine), table, sides[0], sides[1], { limit: intParam(req.query, 'limit', 50, 1, 1000) });
    if (csv) sendCsv(res, 'compare', comparisonRows(c));
    else res.json(c);
  });
  router.get('/compare', (req, res) => {
    const table = tableOr503(engine, req, res);
    if (!table) return;
    const sides = compareSides(req, table);
    const c = sides ? compareReports(partsOf(engine), table, sides[0], sides[1]) : null;
    const several = table.regions.filter((r) => (table.regionYears[r] ?? []).length > 1);
    const query = new URLSearchParams(req.query as Record<string, string>).toString();
    res.render('compare', { title: '比较 — 政策检索', c, table, several, params: req.query, linesOf, jsonUrl: c ? `/api/compare?${query}` : null, csvUrl: c ? `/api/compare?${query}&format=csv` : null });
  });
  return router;
}
