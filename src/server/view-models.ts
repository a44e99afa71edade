import type { Passage, PolicyDocument, Range } from '../types.js';
import type { TimedSearchResult } from '../engine.js';

/** Shared by the JSON API and the HTML pages, so that both always say the same. */

/**
 * The link to a passage in its document: stable across restarts and rebuilds of the same corpus. With `q`, the
 * document page marks the searched words.
 */
export function passageUrl(docId: string, index: number, q = ''): string {
  return `/documents/${encodeURIComponent(docId)}${q ? `?q=${encodeURIComponent(q)}` : ''}#p-${index}`;
}

/** A document without its passages (the list view). */
export function documentSummary(doc: PolicyDocument) {
  return {
    id: doc.id,
    title: doc.title,
    region: doc.region,
    level: doc.level,
    county: doc.county,
    city: doc.city,
    province: doc.province,
    code: doc.code,
    year: doc.year,
    date: doc.date,
    speaker: doc.speaker,
    kind: doc.kind,
    source: doc.source,
    sources: doc.sources,
    passages: doc.passages.length,
  };
}

/** A passage as listed in its document. */
export function passageView(passage: Passage) {
  return { id: passage.id, index: passage.index, section: passage.section.join(' › '), heading: passage.heading, text: passage.text };
}

/** A document with all its passages. */
export function documentDetail(doc: PolicyDocument) {
  return { ...documentSummary(doc), passages: doc.passages.map(passageView) };
}

/** One search hit as the API returns it. */
export interface HitView {
  id: string;
  docId: string;
  title: string;
  region: string | null;
  year: number | null;
  section: string;
  paragraph: number;
  text: string;
  highlights: Range[];
  score: number;
  url: string;
}

/** The search response: the same object feeds `/api/search` and the search page. */
export function searchView(q: string, result: TimedSearchResult, offset: number, limit: number) {
  const hits: HitView[] = result.hits.map((hit) => ({
    id: hit.passage.id,
    docId: hit.document.id,
    title: hit.document.title,
    region: hit.document.region,
    year: hit.document.year,
    section: hit.passage.section.join(' › '),
    paragraph: hit.passage.index,
    text: hit.passage.text,
    highlights: hit.highlights.map(([s, e]) => [s, e] as Range),
    score: Math.round(hit.score * 1000) / 1000,
    url: passageUrl(hit.document.id, hit.passage.index),
  }));
  return {
    query: q,
    total: result.total,
    tookMs: result.tookMs,
    offset,
    limit,
    regions: result.query.regions,
    years: result.query.years,
    ignored: result.query.ignored,
    hits,
    facets: result.facets,
  };
}

export type SearchView = ReturnType<typeof searchView>;
