import { Router, type Request } from 'express';
import type { Engine } from '../engine.js';
import { parseQuery } from '../query/parse-query.js';
import { refuseFormat, sendCsv, streamCsv, wantsCsv } from './csv.js';
import { documentDetail, documentRows, documentSummary, searchCsv, searchView, type SearchView } from './view-models.js';
import { BadRequestError, checkRegions, flagParam, intParam, levelsParam, MAX_QUERY_LENGTH, regionsParam, stringParam, yearsParam } from './validate-params.js';

/** The most terms a query may have: each is a pass over its postings, and a 1,000-term OR is no search. */
export const MAX_QUERY_TERMS = 32;

/** The most hits a search CSV holds. */
const MAX_CSV_HITS = 100_000;

/** Reads and checks the search parameters of a request; throws BadRequestError saying which is wrong. */
export function searchParams(engine: Engine, req: Request) {
  const q = stringParam(req.query, 'q', MAX_QUERY_LENGTH);
  const limit = intParam(req.query, 'limit', 10, 1, 1000);
  const offset = intParam(req.query, 'offset', 0, 0, 100_000);
  const years = yearsParam(req.query);
  const regions = regionsParam(req.query, engine.regions);
  const parsed = parseQuery(q);
  checkRegions(parsed.regions, engine.regions);
  const terms = parsed.groups.flat().length + parsed.excluded.length;
  if (terms > MAX_QUERY_TERMS) throw new BadRequestError(`q: at most ${MAX_QUERY_TERMS} terms (words, phrases, exclusions), got ${terms}`);
  const levels = levelsParam(req.query);
  return { q, limit, offset, years, regions, levels, related: flagParam(req.query, 'related'), explain: flagParam(req.query, 'explain'), expand: flagParam(req.query, 'expand') };
}

/** Whether the request asks for nothing: no term and no filter (the API refuses it, the page shows its start). */
export function asksNothing(params: ReturnType<typeof searchParams>): boolean {
  const parsed = parseQuery(params.q);
  return parsed.groups.length === 0 && parsed.regions.length + parsed.years.length + parsed.levels.length + parsed.comparisons.length + params.regions.length + params.years.length + params.levels.length === 0;
}

/** Runs a search for a request (shared by the API and the search page). */
export function searchFor(engine: Engine, params: ReturnType<typeof searchParams>): SearchView {
  const result = engine.search(params);
  return searchView(params.q, result, params.offset, params.limit, params.explain);
}

/** The JSON API: documents and search. */
export function apiRoutes(engine: Engine): Router {
  const router = Router();
  router.get('/documents', (req, res) => {
    const documents = engine.documents.map(documentSummary);
    if (wantsCsv(req)) sendCsv(res, 'documents', documentRows(documents));
    else res.json({ documents });
  });
  router.get('/documents/:id', (req, res) => {
    refuseFormat(req);
    const doc = engine.getDocument(req.params.id);
    if (!doc) {
      res.status(404).json({ error: `no document with id "${req.params.id}"` });
      return;
    }
    res.json(documentDetail(doc));
  });
  router.get('/suggest', (req, res) => {
    refuseFormat(req);
    const q = stringParam(req.query, 'q', 50);
    res.json({ query: q, suggestions: engine.suggest(q, intParam(req.query, 'limit', 8, 1, 50)) });
  });
  router.get('/search', async (req, res) => {
    const params = searchParams(engine, req);
    if (asksNothing(params)) throw new BadRequestError('q: required: a word, "an exact phrase", or a region:/year: filter');
    if (!wantsCsv(req)) {
      res.json(searchFor(engine, params));
      return;
    }
    // Every exact hit, whole passages and all metadata, in rank order (limit and offset do not apply).
    const all = engine.search({ ...params, offset: 0, limit: MAX_CSV_HITS });
    const csv = searchCsv(all.hits);
    await streamCsv(res, 'search', csv.header, all.hits.length, csv.row);
  });
  return router;
}
