import { Router, type Request } from 'express';
import type { AnalysisScope } from '../analysis/analysis-scope.js';
import { timeline, type TimelineSeries, type TimelineSplit } from '../analysis/timeline.js';
import type { Engine } from '../engine.js';
import { sendCsv, wantsCsv } from './csv.js';
import { seriesColour, seriesLabel, timelineSvg } from './timeline-chart.js';
import { requestScope, scopeForm, scopeQuery } from './scoped-analysis.js';
import { BadRequestError, listParam, stringParam } from './validate-params.js';

/** The most terms one timeline draws. */
const MAX_TERMS = 8;

function timelineParams(req: Request): { queries: string[]; by: TimelineSplit } {
  const queries = [...new Set(listParam(req.query, 'q').map((q) => q.trim()).filter((q) => q !== ''))];
  if (queries.length > MAX_TERMS) throw new BadRequestError(`q: at most ${MAX_TERMS} terms on one timeline, got ${queries.length}`);
  if (queries.some((q) => q.length > 50)) throw new BadRequestError('q: a term of at most 50 characters');
  const by = stringParam(req.query, 'by', 10) || 'none';
  if (by !== 'none' && by !== 'region' && by !== 'level') throw new BadRequestError(`by: none, region or level, got "${by}"`);
  return { queries, by };
}

/**
 * Where a point of the chart leads: the concordance of that term in that year, in the scope, and in the series' own
 * region or level when the chart is split (a group the corpus cannot name, such as reports without a region, adds none).
 */
function kwicLink(engine: Engine, s: TimelineSeries, year: number, by: TimelineSplit, scope: AnalysisScope): string {
  const named = s.group !== null && (by === 'level' || engine.regions.includes(s.group));
  const point: AnalysisScope = {
    regions: by === 'region' && named ? [s.group!] : scope.regions,
    years: [year],
    levels: by === 'level' && named ? [s.group!] : scope.levels,
  };
  return `/kwic?q=${encodeURIComponent(s.query)}${scopeQuery(point)}`;
}

/** `/timeline` and `/api/timeline`: a term over the years, counted per year, as a chart, a table, JSON and CSV. */
export function timelineRoutes(engine: Engine): Router {
  const router = Router();
  router.get('/api/timeline', (req, res) => {
    const { queries, by } = timelineParams(req);
    const scope = requestScope(engine, req);
    if (queries.length === 0) throw new BadRequestError('q: required: a term to count over the years (q=…&q=… for several)');
    const series = timeline(engine.index, queries, by, scope);
    if (wantsCsv(req)) {
      const rows = series.flatMap((s) => [...s.years.map((y) => [s.query, s.group, y.year, y.count, y.reports, y.rate]), ...(s.undated.count > 0 ? [[s.query, s.group, null, s.undated.count, s.undated.reports, null]] : [])]);
      sendCsv(res, 'timeline', [['query', 'group', 'year', 'count', 'reports', 'rate'], ...rows]);
      return;
    }
    res.json({ series: series.map((s) => ({ query: s.query, ...(s.group !== null ? { group: s.group } : {}), firstYear: s.firstYear, years: s.years, undated: s.undated })) });
  });
  router.get('/timeline', (req, res) => {
    const { queries, by } = timelineParams(req);
    const scope = requestScope(engine, req);
    const within = scopeQuery(scope);
    const series = queries.length > 0 ? timeline(engine.index, queries, by, scope) : [];
    const query = [...queries.map((q) => `q=${encodeURIComponent(q)}`), ...(by !== 'none' ? [`by=${by}`] : [])].join('&') + within;
    const link = (s: TimelineSeries, year: number) => kwicLink(engine, s, year, by, scope);
    const undated = series.some((s) => s.undated.count > 0);
    res.render('timeline', {
      title: `${queries.join('、') || '时间线'} — 时间线 — 政策检索`,
      queries,
      by,
      series: series.map((s, k) => ({ ...s, label: seriesLabel(s), colour: seriesColour(k), kwic: (year: number) => link(s, year), total: s.years.reduce((n, y) => n + y.count, s.undated.count) })),
      svg: timelineSvg(series, link),
      undated,
      scope: scopeForm(engine, scope),
      jsonUrl: queries.length ? `/api/timeline?${query}` : null,
      csvUrl: queries.length ? `/api/timeline?${query}&format=csv` : null,
    });
  });
  return router;
}
