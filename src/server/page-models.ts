import { slogansInReport } from '../analysis/slogan-usage.js';
import type { Slogan } from '../tokenize/slogan-thesaurus.js';
import type { MetaField, MetaSource, PolicyDocument } from '../types.js';
import { findHighlights } from '../highlight/find-highlights.js';
import { makeSnippet } from '../highlight/make-snippet.js';
import { renderMarked } from '../highlight/render-marked.js';
import { queryNeedles } from '../query/match-query.js';
import { expandSlogans } from '../query/expand-slogans.js';
import { parseQuery } from '../query/parse-query.js';
import { normalizeText } from '../tokenize/normalize-text.js';
import { citation } from './cite-passage.js';
import { bodyParagraphNumbers, documentSummary, passageUrl, type SearchView } from './view-models.js';

/**
 * What the HTML pages show, built from the same view models as the JSON API. Every string that reaches a
 * template with `<%-` is built here by renderMarked, which escapes; everything else goes through `<%=`.
 */

/** The parameters of a search page, as they appear in its URL. */
export interface SearchState {
  readonly q: string;
  readonly regions: readonly string[];
  readonly years: readonly number[];
  readonly levels: readonly string[];
  readonly offset: number;
  readonly limit: number;
  /** Unfold every slogan of the query into its parts (含展开, `expand=1`). */
  readonly expand?: boolean;
}

/** A URL of the search page (or of the API, with `base`), keeping query and filters. */
export function searchUrl(state: SearchState, change: Partial<SearchState> = {}, base = '/search'): string {
  const s = { ...state, ...change };
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const r of s.regions) params.append('region', r);
  for (const y of s.years) params.append('year', String(y));
  for (const l of s.levels) params.append('level', l);
  if (s.offset > 0) params.set('offset', String(s.offset));
  if (s.limit !== 10) params.set('limit', String(s.limit));
  if (s.expand) params.set('expand', '1');
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/** A facet value with its count and the link that adds or removes it. */
export interface FacetLink {
  readonly value: string;
  /** Matching passages. */
  readonly count: number;
  /** Reports holding them. */
  readonly reports: number;
  readonly active: boolean;
  readonly url: string;
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** The query a hit's link carries to the report: the slogans the search unfolded written as `~六稳`, so they are marked there too. */
function linkQuery(q: string, slogans: readonly { readonly slogan: string }[]): string {
  if (slogans.length === 0) return q;
  const names = new Set(slogans.map((s) => normalizeText(s.slogan)));
  return q.split(/[\s\u3000]+/).map((word) => (names.has(normalizeText(word).replace(/^“|”$/g, '')) ? `~${word}` : word)).join(' ');
}

/** The search page: hits as snippets with marks, facets as links, pages, and what to try when nothing matched. */
export function searchPage(view: SearchView, state: SearchState) {
  const snippetOf = (hit: SearchView['hits'][number], q: string) => {
    const snippet = makeSnippet(hit.text, hit.highlights, 180);
    return {
      ...hit,
      html: (snippet.cutStart ? '…' : '') + renderMarked(snippet.text, snippet.highlights) + (snippet.cutEnd ? '…' : ''),
      link: passageUrl(hit.docId, hit.paragraph, q),
    };
  };
  const hits = view.hits.map((hit) => snippetOf(hit, linkQuery(state.q, view.slogans ?? [])));
  const related = view.related && {
    total: view.related.total,
    words: Object.entries(view.related.words).map(([term, words]) => ({ term, words: words.join('、') })),
    hits: view.related.hits.map((hit) => snippetOf(hit, Object.values(view.related!.words).flat().join(' '))),
    moreUrl: searchUrl(state, { offset: 0 }, '/api/search') + '&related=1',
  };
  const didYouMean = view.didYouMean.map((text) => ({ text, url: searchUrl(state, { q: text, offset: 0 }) }));
  const explain = view.explain ? explainLines(view.explain) : [];
  const regionFacets: FacetLink[] = Object.entries(view.facets.region)
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => ({ value, count, reports: view.facets.regionReports[value] ?? 0, active: state.regions.includes(value), url: searchUrl(state, { regions: toggle(state.regions, value), offset: 0 }) }));
  const yearFacets: FacetLink[] = Object.entries(view.facets.year)
    .sort((a, b) => Number(b[0]) - Number(a[0]))
    .map(([value, count]) => ({ value, count, reports: view.facets.yearReports[value] ?? 0, active: state.years.includes(Number(value)), url: searchUrl(state, { years: toggle(state.years, Number(value)), offset: 0 }) }));
  const pageCount = Math.ceil(view.total / state.limit);
  const current = Math.floor(state.offset / state.limit);
  const pages = [...new Set([0, current - 2, current - 1, current, current + 1, current + 2, pageCount - 1])]
    .filter((p) => p >= 0 && p < pageCount)
    .sort((a, b) => a - b)
    .map((p) => ({ number: p + 1, current: p === current, url: searchUrl(state, { offset: p * state.limit }) }));
  const words = parseQuery(state.q).groups.flat();
  const suggestions: { text: string; url: string }[] = [];
  if (view.total === 0) {
    const bare = state.q.split(/[\s\u3000]+/).filter((w) => !/^(?:region|year|地区|年份)[:：]/i.test(w)).join(' ');
    if (state.regions.length + state.years.length + state.levels.length > 0 || bare !== state.q.trim()) {
      suggestions.push({ text: '去掉地区、年份和级别筛选再搜', url: searchUrl(state, { q: bare, regions: [], years: [], levels: [], offset: 0 }) });
    }
    if (words.length > 1) suggestions.push({ text: `只搜“${words[0].text}”`, url: searchUrl(state, { q: words[0].text, offset: 0 }) });
    suggestions.push({ text: '换一个更短的说法，或用空格分开几个词（如“人居环境 整治”）', url: '' });
  }
  return {
    view,
    state,
    hits,
    regionFacets,
    yearFacets,
    pages,
    prevUrl: current > 0 ? searchUrl(state, { offset: (current - 1) * state.limit }) : null,
    nextUrl: current + 1 < pageCount ? searchUrl(state, { offset: (current + 1) * state.limit }) : null,
    jsonUrl: searchUrl(state, {}, '/api/search'),
    activeFilters: [
      ...state.regions.map((r) => ({ label: `地区：${r}`, url: searchUrl(state, { regions: toggle(state.regions, r), offset: 0 }) })),
      ...state.years.map((y) => ({ label: `年份：${y}`, url: searchUrl(state, { years: toggle(state.years, y), offset: 0 }) })),
      ...state.levels.map((l) => ({ label: `级别：${l}`, url: searchUrl(state, { levels: toggle(state.levels, l), offset: 0 }) })),
    ],
    suggestions,
    slogans: view.slogans ?? null,
    related,
    didYouMean,
    explain,
    across: words.slice(0, 3).map((w) => ({ term: w.text, kwic: `/kwic?q=${encodeURIComponent(w.text)}`, matrix: `/phrases/matrix?p=${encodeURIComponent(w.text)}` })),
  };
}

/** The document page: metadata, outline, and every passage with an anchor, marks for `q`, and a citation. */
export function documentPage(doc: PolicyDocument, q: string, origin: string, matched: ReadonlySet<number> = new Set(), slogans: readonly Slogan[] = [], copies: ReadonlyMap<number, number> = new Map(), figures: (passageId: string) => { label: string; url: string }[] = () => []) {
  // Unfolded as the search unfolds it (~六稳), so that a passage matched by a part is marked too.
  const needles = q ? queryNeedles(expandSlogans(parseQuery(q), slogans)) : [];
  const numbers = bodyParagraphNumbers(doc);
  const passages = doc.passages.map((p) => {
    // Only the passages the search counts are marked, so that the count here agrees with the search page.
    const highlights = matched.has(p.index) ? findHighlights(normalizeText(p.text), needles) : [];
    return {
      index: p.index,
      anchor: `p-${p.index}`,
      heading: p.heading,
      depth: Math.min(4, Math.max(1, p.section.length)),
      section: p.section.join(' › '),
      html: renderMarked(p.text, highlights),
      marked: highlights.length > 0,
      paragraph: numbers[p.index],
      citation: citation(doc, p.index, origin, numbers[p.index]),
      copies: copies.get(p.index) ?? 0,
      copiesUrl: `/copies?passage=${encodeURIComponent(p.id)}`,
      figures: figures(p.id),
    };
  });
  const outline = passages.filter((p) => p.heading).map((p) => ({ anchor: p.anchor, depth: p.depth, text: doc.passages[p.index].text }));
  const from = (field: MetaField) => (doc.sources[field] ? SOURCE_LABELS[doc.sources[field]!] : null);
  return {
    doc: documentSummary(doc),
    place: placeLine(doc),
    from,
    q,
    passages,
    outline,
    markedCount: passages.filter((p) => p.marked).length,
    slogans: slogansInReport(doc.passages, slogans).map((s) => ({ ...s, anchor: `p-${s.first}`, url: `/slogans#${encodeURIComponent(s.name)}` })),
    jsonUrl: `/api/documents/${encodeURIComponent(doc.id)}`,
  };
}

/** Columns the documents page sorts by. */
export const DOCUMENT_SORTS = ['title', 'region', 'level', 'year', 'date', 'kind', 'source', 'passages'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

const COLUMN_LABELS: Record<DocumentSort, string> = { title: '标题', region: '地区', level: '级别', year: '年份', date: '日期', kind: '类型', source: '来源文件', passages: '段落' };

/** The documents page: the corpus at a glance, sorted by a column, with the documents that lack a region or year. */
export function documentsPage(documents: readonly PolicyDocument[], sort: DocumentSort, descending: boolean, skipped: readonly { name: string; reason: string }[]) {
  const rows = documents.map((doc) => ({ ...documentSummary(doc), place: placeLine(doc) }));
  const value = (row: (typeof rows)[number]) => row[sort];
  rows.sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const order = x === y ? 0 : x === null ? 1 : y === null ? -1 : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return descending ? -order : order;
  });
  const columns = DOCUMENT_SORTS.map((key) => ({
    key,
    label: COLUMN_LABELS[key],
    active: key === sort,
    url: `/documents?sort=${key}&dir=${key === sort && !descending ? 'desc' : 'asc'}`,
    arrow: key === sort ? (descending ? '↓' : '↑') : '',
  }));
  const lacking = (field: 'region' | 'year') => rows.filter((r) => r[field] === null).map((r) => ({ id: r.id, title: r.title, source: r.source }));
  return { rows, columns, skipped, total: rows.length, passages: rows.reduce((sum, r) => sum + r.passages, 0), noRegion: lacking('region'), noYear: lacking('year') };
}

/** The divisions above a document's region, from the top (广东省 湛江市 徐闻县), or ''. */
export function placeLine(doc: PolicyDocument): string {
  return [doc.province, doc.city, doc.county].filter((p): p is string => p !== null).join(' ');
}

/** How the pages name where a metadata value came from. */
export const SOURCE_LABELS: Record<MetaSource, string> = {
  title: '标题', meeting: '会议行', speaker: '报告人行', body: '正文', headings: '小标题', 'file-name': '文件名', composed: '由年份和地区组成',
  gazetteer: '行政区划库', 'metadata.csv': 'metadata.csv',
};

/** How the query was read, one line a part, for the page (“查询解读”). */
function explainLines(explain: NonNullable<SearchView['explain']>): string[] {
  const lines = explain.groups.map((group) =>
    group
      .map((t) => {
        const cut = t.jieba.length > 1 ? `，jieba 切分为 ${t.jieba.join(' / ')}` : '';
        const loose = t.related.length > 0 ? `；相关结果需同时含 ${t.related.join('、')}` : '';
        const edges = t.edges === 'word edges' ? '，字母数字按词边界匹配' : '';
        return `“${t.text}”${t.quoted ? '（引号）' : ''}：精确匹配“${t.normalized}”${edges}${cut}${loose}`;
      })
      .join(' 或 '),
  );
  if (explain.groups.length > 1) lines.push('以上各项须同时出现在同一段落中');
  if (explain.excluded.length) lines.push(`排除含 ${explain.excluded.map((t) => `“${t}”`).join('、')} 的段落`);
  if (explain.regions.length) lines.push(`地区：${explain.regions.join('、')}`);
  if (explain.years.length) lines.push(`年份：${explain.years.join('、')}`);
  if (explain.levels.length) lines.push(`级别：${explain.levels.join('、')}`);
  if (explain.ignored.length) lines.push(`已忽略：${explain.ignored.join(' ')}`);
  return lines;
}
