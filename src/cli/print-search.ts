import type { Engine } from '../engine.js';
import { parseQuery } from '../query/parse-query.js';
import { makeSnippet } from '../highlight/make-snippet.js';
import { searchView } from '../server/view-models.js';
import { checkRegions } from '../server/validate-params.js';
import type { Range } from '../types.js';

/** Prints ranked passages, matches in bold (or the API's JSON). */
export function printSearch(engine: Engine, q: string, o: { json?: boolean; limit: number; offset: number }): void {
  checkRegions(parseQuery(q).regions, engine.regions);
  const view = searchView(q, engine.search({ q, limit: o.limit, offset: o.offset }), o.offset, o.limit);
  if (o.json) {
    console.log(JSON.stringify(view, null, 2));
    return;
  }
  const color = process.stdout.isTTY === true;
  console.log(`${view.total} passages match "${q}" (${view.tookMs} ms)${view.ignored.length ? `; ignored: ${view.ignored.join(' ')}` : ''}`);
  view.hits.forEach((hit, i) => {
    const snippet = makeSnippet(hit.text, hit.highlights, 200);
    console.log(`\n${o.offset + i + 1}. ${hit.region ?? '—'} · ${hit.year ?? '—'} · ${hit.title}${hit.section ? ` · ${hit.section}` : ''}  [${hit.score}]`);
    console.log(`   ${snippet.cutStart ? '…' : ''}${mark(snippet.text, snippet.highlights, color)}${snippet.cutEnd ? '…' : ''}`);
    console.log(`   ${hit.url}`);
  });
  const facet = (f: Record<string, number>) => Object.entries(f).map(([k, v]) => `${k} ${v}`).join(', ');
  if (view.total > 0) console.log(`\nregions: ${facet(view.facets.region)}\nyears: ${facet(view.facets.year)}`);
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
