import { Router, type Request, type Response } from 'express';
import type { Engine } from '../engine.js';
import { CONCORDANCE_SORTS, concordance, type ConcordanceSort } from '../analysis/concordance.js';
import { BASELINES, distinctiveAgainst, referenceFor, type Baseline, type DistinctivePhrase } from '../analysis/distinctive-phrases.js';
import { phraseMatrix, type MatrixOrder } from '../analysis/phrase-matrix.js';
import type { CorpusParts } from '../analysis/corpus-parts.js';
import type { PhraseTable } from '../analysis/phrase-table.js';
import { sharedPhrases } from '../analysis/shared-phrases.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import { documentSummary, passageUrl } from './view-models.js';
import { distinctiveRows, KWIC_HEADER, kwicLineViews, kwicRow, matrixRows, sharedPhraseRows } from './analysis-tables.js';
import { sendCsv, streamCsv, wantsCsv } from './csv.js';
import { readyOr503 } from './ready-or-503.js';
import { partsOf, requestScope, scopedTableOf, scopeForm, scopeQuery } from './scoped-analysis.js';
import { BadRequestError, intParam, listParam, MAX_QUERY_LENGTH, stringParam } from './validate-params.js';

export { partsOf } from './scoped-analysis.js';

/**
 * The researcher's views: shared phrases, the phrase × region matrix, the concordance, and a region's
 * distinctive phrases — each as a page, as JSON under /api, and as CSV with `?format=csv`.
 */

/** The phrase table, or a "still counting" answer (503 with Retry-After) when the worker has not finished. */
export function tableOr503(engine: Engine, req: Request, res: Response): PhraseTable | null {
  return readyOr503(engine.phrases(), req, res, { api: 'phrases are still being counted', page: '正在统计短语' });
}

/** The most concordance lines one answer holds. */
const MAX_KWIC_LINES = 100_000;

function phraseParams(req: Request) {
  const minWords = intParam(req.query, 'minWords', 1, 1, 6);
  return {
    minRegions: intParam(req.query, 'minRegions', intParam(req.query, 'k', 2, 1, 1000), 1, 1000),
    minWords,
    maxWords: intParam(req.query, 'maxWords', 6, minWords, 6),
    contains: normalizeText(stringParam(req.query, 'contains', 50).trim()),
    limit: intParam(req.query, 'limit', 200, 1, 10000),
  };
}

/** Phrases from `p` (repeatable) or a pasted list, one a line; the top shared phrases of the scope when none is given. */
function matrixPhrases(req: Request, table: PhraseTable, parts: CorpusParts): string[] {
  const typed = [...listParam(req.query, 'p'), ...stringParam(req.query, 'lines', 20000).split(/\r?\n/)].map((p) => p.trim()).filter((p) => p !== '');
  if (typed.length > 200) throw new BadRequestError(`p: at most 200 phrases, got ${typed.length}`);
  return typed.length > 0 ? [...new Set(typed)] : sharedPhrases(table, { limit: 20 }, parts).phrases.map((p) => p.phrase);
}

/** How the matrix is laid out: column order (by total unless asked), empty columns hidden, shading by count or rate. */
function matrixView(req: Request): { order: MatrixOrder; hideEmpty: boolean; shade: 'count' | 'rate' } {
  const order = stringParam(req.query, 'order', 10) || 'total';
  if (order !== 'total' && order !== 'level' && order !== 'corpus') throw new BadRequestError(`order: total, level or corpus, got "${order}"`);
  const shadeBy = stringParam(req.query, 'shade', 10) || 'count';
  if (shadeBy !== 'count' && shadeBy !== 'rate') throw new BadRequestError(`shade: count or rate, got "${shadeBy}"`);
  return { order, hideEmpty: stringParam(req.query, 'hideEmpty', 5) === '1', shade: shadeBy };
}

function baselineParam(req: Request): Baseline {
  const baseline = stringParam(req.query, 'baseline', 20) || 'same-level-years';
  if (!(BASELINES as readonly string[]).includes(baseline)) throw new BadRequestError(`baseline: one of ${BASELINES.join(', ')}, got "${baseline}"`);
  return baseline as Baseline;
}

/** Distinctive phrases against the chosen baseline, or against everything else where that baseline is empty. */
function distinctiveFor(engine: Engine, table: PhraseTable, region: string, baseline: Baseline, minCount: number, limit: number) {
  let reference = referenceFor(engine.index, region, baseline, partsOf(engine));
  if (reference.characters === 0) reference = referenceFor(engine.index, region, 'all', partsOf(engine));
  return distinctiveAgainst(table, region, reference, minCount, limit);
}

function kwicParams(engine: Engine, req: Request) {
  const q = stringParam(req.query, 'q', MAX_QUERY_LENGTH);
  const sort = stringParam(req.query, 'sort', 10) || 'corpus';
  if (!(CONCORDANCE_SORTS as readonly string[]).includes(sort)) throw new BadRequestError(`sort: one of ${CONCORDANCE_SORTS.join(', ')}, got "${sort}"`);
  return { q, sort: sort as ConcordanceSort, scope: requestScope(engine, req), offset: intParam(req.query, 'offset', 0, 0, 10_000_000), limit: intParam(req.query, 'limit', 1000, 1, MAX_KWIC_LINES), width: intParam(req.query, 'width', 20, 5, 100) };
}

/**
 * The concordance of a request: the occurrences in the reports of its scope (`year=2021`, `level=省`, `region=…`),
 * all counted, the lines of the requested page made (all of them for a CSV).
 */
function concordanceFor(engine: Engine, params: ReturnType<typeof kwicParams>, all = false) {
  return concordance(engine.index, params.q, params.sort, params.width, params.scope, all ? undefined : { offset: params.offset, limit: params.limit });
}

function knownRegion(table: PhraseTable, region: string): string {
  if (!table.regions.includes(region)) throw new NotFoundError(`no region "${region}"; the corpus has ${table.regions.join('、')}`);
  return region;
}

/** A resource that does not exist (answered 404). */
class NotFoundError extends Error {
  readonly status = 404;
}

/** Heat-map shade 0–9 of a count relative to the largest in the table (classes, since the CSP forbids inline styles). */
function shade(count: number, max: number): number {
  return count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 9));
}

export function analysisRoutes(engine: Engine): Router {
  const router = Router();

  router.get('/api/phrases', (req, res) => {
    const params = phraseParams(req);
    const scope = requestScope(engine, req);
    const csv = wantsCsv(req);
    const full = tableOr503(engine, req, res);
    if (!full) return;
    const { table, parts } = scopedTableOf(engine, full, scope);
    const { total, phrases } = sharedPhrases(table, params, parts);
    if (csv) sendCsv(res, 'phrases', sharedPhraseRows(table.regions, phrases));
    else res.json({ total, phrases });
  });

  router.get('/phrases', (req, res) => {
    const params = phraseParams(req);
    const scope = requestScope(engine, req);
    const full = tableOr503(engine, req, res);
    if (!full) return;
    const { table, parts } = scopedTableOf(engine, full, scope);
    const { total, phrases } = sharedPhrases(table, params, parts);
    const max = Math.max(0, ...phrases.flatMap((p) => Object.values(p.byRegion)));
    const within = scopeQuery(scope);
    const rows = phrases.map((p) => ({ ...p, kwic: `/kwic?q=${encodeURIComponent(p.phrase)}${within}`, cells: table.regions.map((r) => ({ count: p.byRegion[r] ?? 0, shade: shade(p.byRegion[r] ?? 0, max) })) }));
    const query = new URLSearchParams(req.query as Record<string, string>).toString();
    const matrixUrl = '/phrases/matrix?' + phrases.slice(0, 30).map((p) => `p=${encodeURIComponent(p.phrase)}`).join('&') + within;
    res.render('phrases', { title: '共同表述 — 政策检索', params, scope: scopeForm(engine, scope), total, rows, regions: table.regions, matrixUrl, csvUrl: `/api/phrases?${query}${query ? '&' : ''}format=csv`, jsonUrl: `/api/phrases?${query}` });
  });

  router.get('/api/phrases/matrix', (req, res) => {
    const csv = wantsCsv(req);
    const scope = requestScope(engine, req);
    const full = tableOr503(engine, req, res);
    if (!full) return;
    const { table, parts } = scopedTableOf(engine, full, scope);
    const matrix = phraseMatrix(engine.index, table, matrixPhrases(req, table, parts), { ...matrixView(req), scope });
    if (csv) sendCsv(res, 'phrase-matrix', matrixRows(matrix));
    else res.json({ regions: matrix.regions, rows: matrix.rows, columnTotals: matrix.columnTotals, total: matrix.total });
  });

  router.get('/phrases/matrix', (req, res) => {
    const scope = requestScope(engine, req);
    const full = tableOr503(engine, req, res);
    if (!full) return;
    const { table, parts } = scopedTableOf(engine, full, scope);
    const phrases = matrixPhrases(req, table, parts);
    const view = matrixView(req);
    const matrix = phraseMatrix(engine.index, table, phrases, { ...view, scope });
    const within = scopeQuery(scope);
    // Shading by rate per 10,000 characters sets a long report's column against a short one's fairly.
    const value = (count: number, c: number) => (view.shade === 'rate' ? (matrix.columnSizes[c] ? (count / matrix.columnSizes[c]) * 10_000 : 0) : count);
    const max = Math.max(0, ...matrix.rows.flatMap((r) => r.counts.map(value)));
    const rows = matrix.rows.map((r) => ({ ...r, kwic: `/kwic?q=${encodeURIComponent(r.phrase)}${within}`, cells: r.counts.map((count, c) => ({ count, rate: Math.round(value(count, c) * 100) / 100, shade: shade(value(count, c), max) })) }));
    const query = phrases.map((p) => `p=${encodeURIComponent(p)}`).join('&');
    const typed = listParam(req.query, 'p').length + stringParam(req.query, 'lines', 20_000).trim().length > 0;
    res.render('matrix', { title: '短语 × 地区 — 政策检索', matrix, rows, typed, view, scope: scopeForm(engine, scope), lines: phrases.join('\n'), csvUrl: `/api/phrases/matrix?${query}${within}&format=csv`, jsonUrl: `/api/phrases/matrix?${query}${within}` });
  });

  router.get('/api/kwic', async (req, res) => {
    const params = kwicParams(engine, req);
    if (params.q.trim() === '') throw new BadRequestError('q: required: the phrase to show in context');
    const result = concordanceFor(engine, params, wantsCsv(req));
    if (wantsCsv(req)) {
      // Every line, whatever limit and offset say: the table behind the view, streamed.
      const views = kwicLineViews(result.lines);
      await streamCsv(res, 'concordance', KWIC_HEADER, views.length, (i) => kwicRow(views[i]));
      return;
    }
    res.json({ query: result.query, total: result.total, offset: params.offset, lines: kwicLineViews(result.lines) });
  });

  router.get('/kwic', (req, res) => {
    const params = kwicParams(engine, req);
    const result = params.q.trim() ? concordanceFor(engine, params) : null;
    const base = `q=${encodeURIComponent(params.q)}${scopeQuery(params.scope)}`;
    const sorts = CONCORDANCE_SORTS.map((s) => ({ key: s, label: { corpus: '原文顺序', region: '按地区', left: '按左侧语境', right: '按右侧语境' }[s], active: s === params.sort, url: `/kwic?${base}&sort=${s}` }));
    const lines = (result?.lines ?? []).map((l) => ({ ...l, url: passageUrl(l.docId, l.paragraph, params.q) }));
    const total = result?.total ?? 0;
    const page = (offset: number) => `/kwic?${base}&sort=${params.sort}${offset > 0 ? `&offset=${offset}` : ''}${params.limit !== 1000 ? `&limit=${params.limit}` : ''}`;
    const pages = {
      from: params.offset + 1,
      to: params.offset + lines.length,
      prev: params.offset > 0 ? page(Math.max(0, params.offset - params.limit)) : null,
      next: params.offset + params.limit < total ? page(params.offset + params.limit) : null,
    };
    res.render('kwic', { title: `${params.q || '语境'} — 语境索引 — 政策检索`, params, scope: scopeForm(engine, params.scope), result, lines, sorts, pages, searchUrl: `/search?q=${encodeURIComponent(`"${params.q}"`)}`, csvUrl: `/api/kwic?${base}&sort=${params.sort}&format=csv`, jsonUrl: `/api/kwic?${base}&sort=${params.sort}` });
  });

  router.get('/api/regions/:region/distinctive', (req, res) => {
    const minCount = intParam(req.query, 'minCount', 2, 1, 1000);
    const limit = intParam(req.query, 'limit', 50, 1, 1000);
    const csv = wantsCsv(req);
    const table = tableOr503(engine, req, res);
    if (!table) return;
    const region = knownRegion(table, req.params.region);
    const result = distinctiveFor(engine, table, region, baselineParam(req), minCount, limit);
    if (csv) sendCsv(res, `distinctive-${region}`, distinctiveRows([...result.phrases, ...result.selfReferences]));
    else res.json({ region, baseline: result.reference.baseline, reference: { regions: result.reference.regions, characters: result.reference.characters }, phrases: result.phrases, selfReferences: result.selfReferences });
  });

  router.get('/regions/:region', (req, res) => {
    const table = tableOr503(engine, req, res);
    if (!table) return;
    const region = knownRegion(table, req.params.region);
    const documents = engine.documents.filter((d) => (d.region ?? '') === region).map(documentSummary);
    const baseline = baselineParam(req);
    const result = distinctiveFor(engine, table, region, baseline, intParam(req.query, 'minCount', 2, 1, 1000), 50);
    const withKwic = (list: readonly DistinctivePhrase[]) => list.map((p) => ({ ...p, kwic: `/kwic?q=${encodeURIComponent(p.phrase)}&sort=region` }));
    const base = `/api/regions/${encodeURIComponent(region)}/distinctive?baseline=${baseline}`;
    res.render('region', { title: `${region} — 政策检索`, region, documents, baseline, reference: result.reference, phrases: withKwic(result.phrases), selfReferences: withKwic(result.selfReferences), csvUrl: `${base}&format=csv`, jsonUrl: base });
  });

  return router;
}
