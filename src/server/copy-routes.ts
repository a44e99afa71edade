import { diffChars } from 'diff';
import { Router, type Request, type Response } from 'express';
import { characterSimilarity, copyGroups, type Copies, type CopyPair } from '../analysis/find-copies.js';
import type { Engine } from '../engine.js';
import { sendCsv, wantsCsv } from './csv.js';
import { readyOr503 } from './ready-or-503.js';
import { BadRequestError, intParam, stringParam } from './validate-params.js';
import { passageNumber } from './passage-numbers.js';
import { passageUrl } from './view-models.js';

/** `/copies`, `/copies/compare` and `/api/copies`: passages copied between reports, listed, grouped and set side by side. */

/** The copies, or a "still looking" answer (503 with Retry-After) while its job has not finished. */
function copiesOr503(engine: Engine, req: Request, res: Response): Copies | null {
  return readyOr503(engine.copies(), req, res, { api: 'copied passages are still being looked for', page: '正在查找相似段落' });
}

/** `minSimilarity`: from 0.5 (the least kept) to 1, 0.8 by default. */
function minSimilarityParam(req: Request): number {
  const text = stringParam(req.query, 'minSimilarity', 10);
  if (text === '') return 0.8;
  const value = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || value < 0.5 || value > 1) throw new BadRequestError(`minSimilarity: a number from 0.5 to 1, got "${text}"`);
  return value;
}

/** A passage's number in the index from its id (`000_…-p12`), or a 400 naming the parameter. */
function passageParam(engine: Engine, id: string, param: string): number {
  const p = passageNumber(engine, id);
  if (p === undefined) throw new BadRequestError(`${param}: no passage "${id}"`);
  return p;
}

/** One side of a pair as the API answers it. */
function sideView(engine: Engine, p: number) {
  const passage = engine.index.passages[p];
  const doc = engine.index.documents[engine.index.passageDoc[p]];
  return { passageId: passage.id, docId: doc.id, region: doc.region, year: doc.year, title: doc.title, url: passageUrl(doc.id, passage.index) };
}

/** The pairs at or above a similarity, those of one passage when asked (`passage=`). */
function pairsFor(engine: Engine, copies: Copies, req: Request): { min: number; pairs: CopyPair[]; passage: number | null } {
  const min = minSimilarityParam(req);
  const id = stringParam(req.query, 'passage', 100);
  const passage = id ? passageParam(engine, id, 'passage') : null;
  const pairs = copies.pairs.filter((c) => c.similarity >= min && (passage === null || c.a === passage || c.b === passage));
  return { min, pairs, passage };
}

/** The regions of a pair, in a fixed order, as a label (`南山镇 — 港门镇`). */
function regionPair(engine: Engine, c: CopyPair): string {
  const region = (p: number) => engine.index.documents[engine.index.passageDoc[p]].region ?? '（未注明地区）';
  return [region(c.a), region(c.b)].sort((x, y) => x.localeCompare(y, 'zh-CN')).join(' — ');
}

const counted = new WeakMap<Copies, Map<number, number>>();

/** How many near-copies (at the default similarity) each passage has elsewhere, by passage number, counted once per result. */
function copyCounts(copies: Copies): Map<number, number> {
  let counts = counted.get(copies);
  if (!counts) {
    counts = new Map();
    for (const c of copies.pairs) {
      if (c.similarity < 0.8) break; // sorted by similarity
      for (const p of [c.a, c.b]) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    counted.set(copies, counts);
  }
  return counts;
}

/** The near-copies of each passage of a document, by its position; empty while they are being found. */
export function copiesInDocument(engine: Engine, docId: string): Map<number, number> {
  const copies = engine.backgroundResults()[2]; // links only: starting no job
  const d = engine.documents.findIndex((doc) => doc.id === docId);
  const byPosition = new Map<number, number>();
  if (!copies || d < 0) return byPosition;
  for (const [p, n] of copyCounts(copies)) if (engine.index.passageDoc[p] === d) byPosition.set(engine.index.passages[p].index, n);
  return byPosition;
}

/** A hit's link to the passages copied from or into it, or null when it has none (or they are still being found). */
export function copyLink(engine: Engine, passageId: string): { count: number; url: string } | null {
  const copies = engine.backgroundResults()[2]; // links only: starting no job
  const p = passageNumber(engine, passageId);
  const count = copies && p !== undefined ? copyCounts(copies).get(p) ?? 0 : 0;
  return count > 0 ? { count, url: `/copies?passage=${encodeURIComponent(passageId)}` } : null;
}

export function copyRoutes(engine: Engine): Router {
  const router = Router();
  router.get('/api/copies', (req, res) => {
    const csv = wantsCsv(req);
    const copies = copiesOr503(engine, req, res);
    if (!copies) return;
    const { min, pairs } = pairsFor(engine, copies, req);
    if (csv) {
      const side = (p: number) => {
        const s = sideView(engine, p);
        return [s.passageId, s.region, s.year, s.title, engine.index.passages[p].text];
      };
      sendCsv(res, 'copies', [['similarity', 'aPassageId', 'aRegion', 'aYear', 'aTitle', 'aText', 'bPassageId', 'bRegion', 'bYear', 'bTitle', 'bText'], ...pairs.map((c) => [c.similarity, ...side(c.a), ...side(c.b)])]);
      return;
    }
    const [offset, limit] = [intParam(req.query, 'offset', 0, 0, 10_000_000), intParam(req.query, 'limit', 100, 1, 10_000)];
    res.json({ minSimilarity: min, total: pairs.length, offset, pairs: pairs.slice(offset, offset + limit).map((c) => ({ similarity: c.similarity, a: sideView(engine, c.a), b: sideView(engine, c.b) })) });
  });

  router.get('/copies', (req, res) => {
    const copies = copiesOr503(engine, req, res);
    if (!copies) return;
    const { min, pairs, passage } = pairsFor(engine, copies, req);
    const byRegions = new Map<string, { label: string; pairs: number; max: number }>();
    for (const c of pairs) {
      const label = regionPair(engine, c);
      const row = byRegions.get(label) ?? byRegions.set(label, { label, pairs: 0, max: 0 }).get(label)!;
      row.pairs++;
      row.max = Math.max(row.max, c.similarity);
    }
    const groups = copyGroups(pairs).slice(0, 20).map((g) => ({
      size: g.length,
      documents: new Set(g.map((p) => engine.index.passageDoc[p])).size,
      regions: [...new Set(g.map((p) => engine.index.documents[engine.index.passageDoc[p]].region ?? '（未注明地区）'))],
      text: engine.index.passages[g[0]].text,
      url: sideView(engine, g[0]).url,
    }));
    const view = (c: CopyPair) => ({ similarity: c.similarity, a: sideView(engine, c.a), b: sideView(engine, c.b), text: engine.index.passages[c.a].text, compare: `/copies/compare?a=${encodeURIComponent(engine.index.passages[c.a].id)}&b=${encodeURIComponent(engine.index.passages[c.b].id)}` });
    const query = `minSimilarity=${min}${passage !== null ? `&passage=${encodeURIComponent(engine.index.passages[passage].id)}` : ''}`;
    res.render('copies', {
      title: '相似段落 — 政策检索',
      min,
      passage: passage === null ? null : sideView(engine, passage),
      total: pairs.length,
      boilerplate: copies.boilerplate.length,
      regionPairs: [...byRegions.values()].sort((x, y) => y.pairs - x.pairs || y.max - x.max),
      groups,
      pairs: pairs.slice(0, 200).map(view),
      jsonUrl: `/api/copies?${query}`,
      csvUrl: `/api/copies?${query}&format=csv`,
    });
  });

  router.get('/copies/compare', (req, res) => {
    const [a, b] = [passageParam(engine, stringParam(req.query, 'a', 100), 'a'), passageParam(engine, stringParam(req.query, 'b', 100), 'b')];
    const similarity = characterSimilarity(engine.index.normalized[a], engine.index.normalized[b]);
    // The shared characters, and those only on the left (removed) or only on the right (added).
    const parts = diffChars(engine.index.passages[a].text, engine.index.passages[b].text);
    const left = parts.filter((d) => !d.added).map((d) => ({ text: d.value, differs: d.removed }));
    const right = parts.filter((d) => !d.removed).map((d) => ({ text: d.value, differs: d.added }));
    const shared = parts.filter((d) => !d.added && !d.removed).reduce((n, d) => n + d.value.length, 0);
    res.render('copy-compare', { title: '相似段落对照 — 政策检索', a: sideView(engine, a), b: sideView(engine, b), similarity, left, right, shared, jsonUrl: null });
  });
  return router;
}
