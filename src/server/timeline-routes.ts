import { Router, type Request } from 'express';
import { timeline, type TimelineSeries, type TimelineSplit } from '../analysis/timeline.js';
import type { Engine } from '../engine.js';
import { sendCsv, wantsCsv } from './csv.js';
import { seriesColour, seriesLabel, timelineSvg } from './timeline-chart.js';
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

/** Where a point of the chart leads: the concordance of that term in that year. */
const kwicLink = (s: TimelineSeries, year: number) => `/kwic?q=${encodeURIComponent(s.query)}&year=${year}`;

/** `/timeline` and `/api/timeline`: a term over the years, counted per year, as a chart, a table, JSON and CSV. */
export function timelineRoutes(engine: Engine): Router {
  const router = Router();
  router.get('/api/timeline', (req, res) => {
    const { queries, by } = timelineParams(req);
    if (queries.length === 0) throw new BadRequestError('q: required: a term to count over the years (q=…&q=… for several)');
    const series = timeline(engine.index, queries, by);
    if (wantsCsv(req)) {
      sendCsv(res, 'timeline', [['query', 'group', 'year', 'count', 'reports', 'rate'], ...series.flatMap((s) => s.years.map((y) => [s.query, s.group, y.year, y.count, y.reports, y.rate]))]);
      return;
    }
    res.json({ series: series.map((s) => ({ query: s.query, ...(s.group !== null ? { group: s.group } : {}), firstYear: s.firstYear, years: s.years })) });
  });
  router.get('/timeline', (req, res) => {
    const { queries, by } = timelineParams(req);
    const series = queries.length > 0 ? timeline(engine.index, queries, by) : [];
    const query = [...queries.map((q) => `q=${encodeURIComponent(q)}`), ...(by !== 'none' ? [`by=${by}`] : [])].join('&');
    const undated = engine.documents.filter((d) => d.year === null).length;
    res.render('timeline', {
      title: `${queries.join('、') || '时间线'} — 时间线 — 政策检索`,
      queries,
      by,
      series: series.map((s, k) => ({ ...s, label: seriesLabel(s), colour: seriesColour(k), kwic: (year: number) => kwicLink(s, year) })),
      svg: timelineSvg(series, kwicLink),
      undated,
      jsonUrl: queries.length ? `/api/timeline?${query}` : null,
      csvUrl: queries.length ? `/api/timeline?${query}&format=csv` : null,
    });
  });
  return router;
}
