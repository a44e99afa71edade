import { Router, type Request } from 'express';
import type { Engine } from '../engine.js';
import { asksNothing, searchFor, searchParams } from './api-routes.js';
import { slogansInReport } from '../analysis/slogan-usage.js';
import { copiesInDocument, copyLink } from './copy-routes.js';
import { figureLinks } from './figure-routes.js';
import { corpusExamples } from './corpus-examples.js';
import { DOCUMENT_SORTS, documentPage, documentsPage, searchPage, type DocumentSort } from './page-models.js';
import { BadRequestError, MAX_QUERY_LENGTH, stringParam } from './validate-params.js';

/** Scheme and host for permalinks in citations: PUBLIC_URL when set, else the request's own. */
function origin(req: Request, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** The HTML pages: search, documents, document. */
export function pageRoutes(engine: Engine, publicUrl: string | null = null): Router {
  const router = Router();
  const search = (req: Request, res: import('express').Response) => {
    const params = searchParams(engine, req);
    const state = { q: params.q, regions: params.regions, years: params.years, levels: params.levels, offset: params.offset, limit: params.limit, expand: params.expand };
    const page = asksNothing(params) ? null : searchPage(searchFor(engine, { ...params, explain: true }), state);
    const withFigures = page ? { ...page, hits: page.hits.map((hit) => ({ ...hit, figureLinks: figureLinks(engine, hit.id), copyLink: copyLink(engine, hit.id), slogans: slogansInReport([hit], engine.slogans).map((s) => s.name) })) } : null;
    const corpus = { documents: engine.documents.length, regions: engine.regions, examples: corpusExamples(engine) };
    res.render('search', { title: page ? `${params.q} — 政策检索` : '政策检索', page: withFigures, state, corpus, examples: corpus.examples });
  };
  router.get('/', search);
  router.get('/search', search);
  router.get('/documents', (req, res) => {
    const sort = stringParam(req.query, 'sort', 20) || 'region';
    const dir = stringParam(req.query, 'dir', 4) || 'asc';
    if (!(DOCUMENT_SORTS as readonly string[]).includes(sort)) throw new BadRequestError(`sort: one of ${DOCUMENT_SORTS.join(', ')}, got "${sort}"`);
    if (dir !== 'asc' && dir !== 'desc') throw new BadRequestError(`dir: asc or desc, got "${dir}"`);
    res.render('documents', { title: '全部文档 — 政策检索', page: documentsPage(engine.documents, sort as DocumentSort, dir === 'desc', engine.skipped) });
  });
  router.get('/documents/:id', (req, res) => {
    const doc = engine.getDocument(req.params.id);
    if (!doc) {
      res.status(404).render('error', { title: '未找到 — 政策检索', status: 404, message: `没有 id 为“${req.params.id}”的文档。` });
      return;
    }
    const q = stringParam(req.query, 'q', MAX_QUERY_LENGTH);
    res.render('document', { title: `${doc.title} — 政策检索`, page: documentPage(doc, q, origin(req, publicUrl), q ? engine.matchesInDocument(doc.id, q) : new Set(), engine.slogans, copiesInDocument(engine, doc.id), (id) => figureLinks(engine, id)) });
  });
  return router;
}
