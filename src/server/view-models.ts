import type { Passage, PolicyDocument, Range } from '../types.js';
import type { TimedSearchResult } from '../engine.js';
import { explainQuery } from '../query/explain-query.js';
import type { SearchHit } from '../query/run-query.js';

/** Shared by the JSON API and the HTML pages, so that both always say the same. */

/**
 * The link to a passage in its document: stable across restarts and rebuilds of the same corpus. With `q`, the
 * document page marks the searched words.
 */
export function passageUrl(docId: string, index: number, q = ''): string {
  return `/documents/${encodeURIComponent(docId)}${q ? `?q=${encodeURIComponent(q)}` : ''}#p-${index}`;
}

/** A body paragraph is at least this long, or follows one; shorter lines before the first are front matter. */
const BODY_START_LENGTH = 40;

/**
 * The paragraph number of each passage as a reader counts paragraphs: body paragraphs from 1, headings and the
 * front matter (title, meeting and speaker lines, salutation) unnumbered, a long paragraph cut into several
 * passages one number.
 */
export function bodyParagraphNumbers(doc: PolicyDocument): readonly (number | null)[] {
  let numbers = paragraphNumbers.get(doc);
  if (!numbers) paragraphNumbers.set(doc, (numbers = countParagraphs(doc)));
  return numbers;
}

/**
 * Each document's paragraph numbers, made once: a hit needs its passage's number, and counting a document of a
 * thousand passages for each of ten hits was a third of what the server added to a search. Documents never change
 * (a rebuild makes new ones), so the numbers hold for as long as a document exists.
 */
const paragraphNumbers = new WeakMap<PolicyDocument, readonly (number | null)[]>();

function countParagraphs(doc: PolicyDocument): (number | null)[] {
  let n = 0;
  let inBody = false;
  return doc.passages.map((p, i) => {
    if (p.heading) {
      inBody = inBody || i > 0;
      return null;
    }
    if (!inBody && p.text.length < BODY_START_LENGTH) return null;
    inBody = true;
    const continued = i > 0 && doc.passages[i - 1].continues;
    if (!continued) n++;
    return n;
  });
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
    meeting: doc.meeting,
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
  /** The passage's position in its document (the `#p-N` anchor). */
  paragraph: number;
  /** The body paragraph number a reader counts (null for a heading or the front matter). */
  paragraphNumber: number | null;
  text: string;
  highlights: Range[];
  score: number;
  url: string;
  /** With unfolded slogans (`~六稳`, `expand=1`): the forms this passage holds (稳就业、稳外贸, or 六稳 itself). */
  matchedForm?: string;
}

/** Why a hit is listed: exact or related, and the strings of the query found in it (as marked). */
export interface HitWhy {
  readonly match: 'exact' | 'related';
  readonly matched: readonly string[];
}

/** A hit as the API returns it; with `why`, how it matched. */
function hitView(hit: SearchHit, why?: 'exact' | 'related'): HitView & { why?: HitWhy } {
  const view: HitView = {
    id: hit.passage.id,
    docId: hit.document.id,
    title: hit.document.title,
    region: hit.document.region,
    year: hit.document.year,
    section: hit.passage.section.join(' › '),
    paragraph: hit.passage.index,
    paragraphNumber: bodyParagraphNumbers(hit.document)[hit.passage.index],
    text: hit.passage.text,
    highlights: hit.highlights.map(([s, e]) => [s, e] as Range),
    score: Math.round(hit.score * 1000) / 1000,
    url: passageUrl(hit.document.id, hit.passage.index),
    ...(hit.matchedForm !== null ? { matchedForm: hit.matchedForm } : {}),
  };
  if (!why) return view;
  const matched = [...new Set(hit.highlights.map(([s, e]) => hit.passage.text.slice(s, e)))];
  return { ...view, why: { match: why, matched } };
}

/**
 * The search response: the same object feeds `/api/search` and the search page. `total`, `hits` and `facets`
 * are exact matches only; `related` holds the looser ones apart; `didYouMean` corrections when few matched;
 * `explain` (when asked for) how the query was read.
 */
export function searchView(q: string, result: TimedSearchResult, offset: number, limit: number, explain = false) {
  return {
    query: q,
    total: result.total,
    tookMs: result.tookMs,
    offset,
    limit,
    regions: result.query.regions,
    years: result.query.years,
    levels: result.query.levels,
    ignored: result.query.ignored,
    hits: result.hits.map((hit) => hitView(hit, explain ? 'exact' : undefined)),
    facets: result.facets,
    related: result.related ? { total: result.related.total, words: result.related.words, hits: result.related.hits.map((hit) => hitView(hit, explain ? 'related' : undefined)) } : null,
    ...(result.query.expansions.length > 0 ? { slogans: result.query.expansions.map((e) => ({ slogan: e.slogan, forms: e.forms })) } : {}),
    didYouMean: result.didYouMean,
    ...(explain ? { explain: explainQuery(result.query) } : {}),
  };
}

export type SearchView = ReturnType<typeof searchView>;

/** Documents as CSV rows: a header, then one row a document. */
export function documentRows(documents: readonly ReturnType<typeof documentSummary>[]): (string | number | null)[][] {
  const header = ['id', 'title', 'region', 'level', 'county', 'city', 'province', 'code', 'year', 'date', 'meeting', 'speaker', 'kind', 'source', 'passages'] as const;
  return [[...header], ...documents.map((d) => header.map((key) => d[key]))];
}

/** The search CSV as a header and a row for each hit, made when it is written (the download streams them). */
export function searchCsv(hits: readonly SearchHit[]): { header: string[]; row: (i: number) => (string | number | null)[] } {
  const header = ['rank', 'passage', 'region', 'level', 'county', 'city', 'province', 'year', 'date', 'speaker', 'kind', 'title', 'source', 'section', 'paragraph', 'text', 'url'];
  const row = (i: number) => {
    const hit = hits[i];
    const d = hit.document;
    const number = bodyParagraphNumbers(d)[hit.passage.index];
    return [i + 1, hit.passage.id, d.region, d.level, d.county, d.city, d.province, d.year, d.date, d.speaker, d.kind, d.title, d.source, hit.passage.section.join(' › '), number, hit.passage.text, passageUrl(d.id, hit.passage.index)];
  };
  return { header, row };
}
