import type { Engine } from '../engine.js';
import { parseQuery } from '../query/parse-query.js';
import { makeSnippet } from '../highlight/make-snippet.js';
import { searchView, type SearchView } from '../server/view-models.js';
import { checkRegions } from '../server/validate-params.js';
import type { Range } from '../types.js';

/** Prints ranked passages, matches in bold (or the API's JSON). */
export function printSearch(engine: Engine, q: string, o: { json?: boolean; limit: number; offset: number; related?: boolean; explain?: boolean }): void {
  checkRegions(parseQuery(q).regions, engine.regions);
  const view = searchView(q, engine.search({ q, limit: o.limit, offset: o.offset, related: o.related }), o.offset, o.limit, o.explain);
  if (o.json) {
    console.log(JSON.stringify(view, null, 2));
    return;
  }
  const color = process.stdout.isTTY === true;
  console.log(`${view.total} passages contain "${q}" (${view.tookMs} ms)${view.ignored.length ? `; ignored: ${view.ignored.join(' ')}` : ''}`);
  if (view.didYouMean.length) console.log(`did you mean: ${view.didYouMean.join(', ')}`);
  if (view.explain) console.log(JSON.stringify(view.explain));
  printHits(view.hits, o.offset, color);
  const facet = (f: Record<string, number>) => Object.entries(f).map(([k, v]) => `${k} ${v}`).join(', ');
  if (view.total > 0) console.log(`\nregions: ${facet(view.facets.region)}\nyears: ${facet(view.facets.year)}`);
  if (view.related && view.related.total > 0) {
    const words = Object.entries(view.related.words).map(([term, w]) => `${term} → ${w.join(' + ')}`).join('; ');
    console.log(`\nrelated (not counted above): ${view.related.total} passages with all the words of ${words}`);
    printHits(view.related.hits, 0, color);
  }
}

function printHits(hits: SearchView['hits'], offset: number, color: boolean): void {
  hits.forEach((hit, i) => {
    const snippet = makeSnippet(hit.text, hit.highlights, 200);
    console.log(`\n${offset + i + 1}. ${hit.region ?? '—'} · ${hit.year ?? '—'} · ${hit.title}${hit.section ? ` · ${hit.section}` : ''}  [${hit.score}]`);
    console.log(`   ${snippet.cutStart ? '…' : ''}${mark(snippet.text, snippet.highlights, color)}${snippet.cutEnd ? '…' : ''}`);
    console.log(`   ${hit.url}`);
  });
}

function mark(text: string, ranges: readonly Range[], color: boolean): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s) + (color ? `\x1b[1;31m${text.slice(s, e)}\x1b[0m` : `【${text.slice(s, e)}】`);
    at = e;
  }
  return out + text.slice(at);
}
