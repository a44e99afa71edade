import { Router } from 'express';
import { sloganUsage, type SloganUsage } from '../analysis/slogan-usage.js';
import type { Engine } from '../engine.js';
import { sendCsv, wantsCsv } from './csv.js';
import { passageUrl } from './view-models.js';

/** `/slogans` and `/api/slogans`: every slogan with its parts, where it comes from, and how the corpus uses both forms. */

const usage = new WeakMap<object, SloganUsage[]>();

/** The usage figures, counted once per index and slogan list. */
function usageOf(engine: Engine): SloganUsage[] {
  return usage.get(engine.index) ?? usage.set(engine.index, sloganUsage(engine.index, engine.slogans)).get(engine.index)!;
}

/** Where a slogan the corpus defines is defined: a link to that passage. */
function definedAt(engine: Engine, slogan: SloganUsage): string | null {
  if (!slogan.passageId) return null;
  const at = slogan.passageId.lastIndexOf('-p');
  const doc = engine.getDocument(slogan.passageId.slice(0, at));
  return doc ? passageUrl(doc.id, Number(slogan.passageId.slice(at + 2))) : null;
}

/** A slogan as the API answers it. */
function sloganView(engine: Engine, s: SloganUsage) {
  return { name: s.name, parts: s.parts, source: s.source, definedAt: definedAt(engine, s), named: s.named, unfolded: s.unfolded, byRegion: s.byRegion, byYear: s.byYear };
}

export function sloganRoutes(engine: Engine): Router {
  const router = Router();
  router.get('/api/slogans', (req, res) => {
    const slogans = usageOf(engine).map((s) => sloganView(engine, s));
    if (!wantsCsv(req)) {
      res.json({ slogans });
      return;
    }
    sendCsv(res, 'slogans', [
      ['name', 'source', 'parts', 'namedCount', 'namedPassages', 'unfoldedPassages', 'regions', 'years', 'definedAt'],
      ...slogans.map((s) => [s.name, s.source, s.parts.join('、'), s.named.count, s.named.passages, s.unfolded.passages, Object.keys(s.byRegion).join('、'), Object.keys(s.byYear).sort().join('、'), s.definedAt]),
    ]);
  });
  router.get('/slogans', (_req, res) => {
    const rows = usageOf(engine).map((s) => ({
      ...sloganView(engine, s),
      searchUrl: `/search?q=${encodeURIComponent(`~${s.name}`)}`,
      namedUrl: `/search?q=${encodeURIComponent(`"${s.name}"`)}`,
      regions: Object.entries(s.byRegion).sort((a, b) => b[1] - a[1]),
      years: Object.entries(s.byYear).sort((a, b) => a[0].localeCompare(b[0])),
    }));
    // The slogans the corpus uses first, most used first; the rest in the thesaurus's order.
    const uses = (r: (typeof rows)[number]) => r.named.passages + r.unfolded.passages;
    rows.sort((a, b) => Number(uses(b) > 0) - Number(uses(a) > 0) || uses(b) - uses(a));
    res.render('slogans', { title: '提法词表 — 政策检索', rows, used: rows.filter((r) => r.named.passages + r.unfolded.passages > 0).length, jsonUrl: '/api/slogans', csvUrl: '/api/slogans?format=csv' });
  });
  return router;
}
