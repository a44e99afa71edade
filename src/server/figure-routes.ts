import { Router, type Request, type Response } from 'express';
import { inScope, type AnalysisScope } from '../analysis/analysis-scope.js';
import { parseComparison, satisfies, type FigureComparison, type FigureTable } from '../figures/figure-table.js';
import type { Engine } from '../engine.js';
import { sendCsv, wantsCsv } from './csv.js';
import { readyOr503 } from './ready-or-503.js';
import { requestScope, scopeForm, scopeQuery } from './scoped-analysis.js';
import { BadRequestError, intParam, stringParam } from './validate-params.js';
import { passageNumber } from './passage-numbers.js';
import { passageUrl } from './view-models.js';

/** `/figures` and `/api/figures`: indicators by how many regions report them, and one indicator by region and year. */

/** The figures, or a "still reading" answer (503 with Retry-After) while its job has not finished. */
function figuresOr503(engine: Engine, req: Request, res: Response): FigureTable | null {
  return readyOr503(engine.figures(), req, res, { api: 'figures are still being read from the reports', page: '正在读取数字' });
}

/** `value=>1亿元`: a comparison the rows must meet, or null; a bad one is a 400 naming the parameter. */
function comparisonParam(req: Request): FigureComparison | null {
  const text = stringParam(req.query, 'value', 30).trim();
  if (text === '') return null;
  const comparison = parseComparison(text);
  if (!comparison) throw new BadRequestError(`value: a comparison such as >1亿元, >=5000万元 or <3%, got "${text}"`);
  return comparison;
}

/** Every indicator group with how many regions and reports give a figure of it. */
function indicatorList(engine: Engine, table: FigureTable, scope: AnalysisScope) {
  return [...table.byGroup].flatMap(([indicator, positions]) => {
    const docs = positions.map((k) => engine.index.documents[engine.index.passageDoc[table.records[k].passage]]).filter((d) => inScope(scope, d));
    if (docs.length === 0) return [];
    const regions = new Set(docs.map((d) => d.region).filter((r) => r !== null)).size;
    const units = [...new Set(positions.map((k) => table.records[k].unit))];
    return [{ indicator, regions, reports: new Set(docs).size, figures: docs.length, units }];
  }).sort((a, b) => b.regions - a.regions || b.reports - a.reports || b.figures - a.figures || a.indicator.localeCompare(b.indicator, 'zh-CN'));
}

/** The rows of one indicator: a figure each, in corpus order, with its region, year and passage. */
function indicatorRows(engine: Engine, table: FigureTable, indicator: string, scope: AnalysisScope, comparison: FigureComparison | null) {
  return (table.byGroup.get(indicator) ?? []).flatMap((k) => {
    const f = table.records[k];
    const passage = engine.index.passages[f.passage];
    const doc = engine.index.documents[engine.index.passageDoc[f.passage]];
    if (!inScope(scope, doc) || (comparison && !satisfies(f, comparison))) return [];
    const written = passage.text.slice(f.start, f.end);
    return [{
      region: doc.region, year: doc.year, level: doc.level, value: f.value, valueTo: f.valueTo, unit: f.unit, normalized: f.normalized, baseUnit: f.baseUnit,
      change: f.change, kind: f.kind, approximate: f.approximate, indicatorAsWritten: f.indicator, of: f.of,
      passageId: passage.id, docId: doc.id, title: doc.title, text: passage.text, written, start: f.start, end: f.end,
      url: passageUrl(doc.id, passage.index, `"${written}"`),
    }];
  });
}

/** The figures of a passage as links to their indicator's table (`地区生产总值 17.1亿元 →`), for hits and report pages. */
export function figureLinks(engine: Engine, passageId: string): { label: string; url: string }[] {
  const table = engine.backgroundResults()[1]; // links only: starting no job
  const p = passageNumber(engine, passageId);
  if (!table || p === undefined) return [];
  return (table.byPassage.get(p) ?? []).slice(0, 6).map((k) => {
    const f = table.records[k];
    return { label: `${f.indicator} ${engine.index.passages[p].text.slice(f.start, f.end)}`, url: `/figures?indicator=${encodeURIComponent(table.groups[k])}` };
  });
}

export function figureRoutes(engine: Engine): Router {
  const router = Router();
  router.get('/api/figures', (req, res) => {
    const csv = wantsCsv(req);
    const scope = requestScope(engine, req);
    const comparison = comparisonParam(req);
    const indicator = stringParam(req.query, 'indicator', 50).trim();
    const table = figuresOr503(engine, req, res);
    if (!table) return;
    if (!indicator) {
      const indicators = indicatorList(engine, table, scope);
      if (csv) sendCsv(res, 'indicators', [['indicator', 'regions', 'reports', 'figures', 'units'], ...indicators.map((i) => [i.indicator, i.regions, i.reports, i.figures, i.units.join('、')])]);
      else res.json({ indicators: indicators.slice(0, intParam(req.query, 'limit', 500, 1, 100_000)) });
      return;
    }
    const rows = indicatorRows(engine, table, indicator, scope, comparison);
    if (csv) {
      sendCsv(res, `figures-${indicator}`, [
        ['indicator', 'region', 'year', 'value', 'valueTo', 'unit', 'normalized', 'baseUnit', 'change', 'kind', 'approximate', 'indicatorAsWritten', 'of', 'passageId', 'text'],
        ...rows.map((r) => [indicator, r.region, r.year, r.value, r.valueTo, r.unit, r.normalized, r.baseUnit, r.change ? `${r.change.kind} ${r.change.value}${r.change.unit}` : null, r.kind, r.approximate, r.indicatorAsWritten, r.of, r.passageId, r.text]),
      ]);
      return;
    }
    res.json({ indicator, rows: rows.map(({ written: _w, docId: _d, title: _t, start: _s, end: _e, ...row }) => row) });
  });

  router.get('/figures', (req, res) => {
    const scope = requestScope(engine, req);
    const comparison = comparisonParam(req);
    const indicator = stringParam(req.query, 'indicator', 50).trim();
    const table = figuresOr503(engine, req, res);
    if (!table) return;
    const within = scopeQuery(scope) + (comparison ? `&value=${encodeURIComponent(comparison.text)}` : '');
    const common = { scope: scopeForm(engine, scope), value: comparison?.text ?? '', indicator };
    if (!indicator) {
      const indicators = indicatorList(engine, table, scope).slice(0, 300).map((i) => ({ ...i, url: `/figures?indicator=${encodeURIComponent(i.indicator)}${scopeQuery(scope)}` }));
      res.render('figures', { title: '数字与指标 — 政策检索', ...common, indicators, rows: null, jsonUrl: `/api/figures?${within.slice(1)}`, csvUrl: `/api/figures?format=csv${within}` });
      return;
    }
    const rows = indicatorRows(engine, table, indicator, scope, comparison);
    // The table: a row per region, a column per year (and one for reports without a year), every figure in its cell.
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (a ?? 9999) - (b ?? 9999));
    const regions = [...new Set(rows.map((r) => r.region ?? '（未注明地区）'))];
    const grid = regions.map((region) => ({ region, cells: years.map((year) => rows.filter((r) => (r.region ?? '（未注明地区）') === region && r.year === year)) }));
    const query = `indicator=${encodeURIComponent(indicator)}${within}`;
    res.render('figures', { title: `${indicator} — 数字与指标 — 政策检索`, ...common, indicators: null, rows, years, grid, jsonUrl: `/api/figures?${query}`, csvUrl: `/api/figures?${query}&format=csv` });
  });
  return router;
}
