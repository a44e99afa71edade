import type { Request } from 'express';
import { isWholeCorpus, scopeTable, type AnalysisScope, type ScopedTable } from '../analysis/analysis-scope.js';
import { corpusParts, type CorpusParts } from '../analysis/corpus-parts.js';
import type { PhraseTable } from '../analysis/phrase-table.js';
import { LEVEL_NAMES } from '../query/parse-query.js';
import type { Engine } from '../engine.js';
import { scopeParams } from './validate-params.js';

/** The scope of an analysis request and what the views compute from it, memoised per index. */

const parts = new WeakMap<object, CorpusParts>();

/** The corpus's parts and sizes for dispersion, counted once per index. */
export function partsOf(engine: Engine): CorpusParts {
  return parts.get(engine.index) ?? parts.set(engine.index, corpusParts(engine.index)).get(engine.index)!;
}

/**
 * The parts a whole-corpus table is ranked with: those of the index it first served with, the one it was counted
 * from. After a swap the previous table serves until the new one is counted; ranked again with the new index's
 * parts (0.2–0.3 s on laws, with every request waiting), its dispersions would mix two corpora's figures.
 */
const tableParts = new WeakMap<PhraseTable, CorpusParts>();

/** The scopes asked for lately, per phrase table: narrowing 20,000 phrases takes tens of milliseconds on a large corpus. */
const scoped = new WeakMap<PhraseTable, Map<string, ScopedTable>>();
const MAX_SCOPES = 32;

/** The phrase table and parts narrowed to a scope (the whole table when the scope narrows nothing). */
export function scopedTableOf(engine: Engine, table: PhraseTable, scope: AnalysisScope): ScopedTable {
  if (isWholeCorpus(scope)) return { table, parts: tableParts.get(table) ?? tableParts.set(table, partsOf(engine)).get(table)! };
  const key = scopeQuery(scope);
  const cache = scoped.get(table) ?? scoped.set(table, new Map()).get(table)!;
  let result = cache.get(key);
  if (!result) {
    result = scopeTable(table, partsOf(engine), engine.documents, scope);
    if (cache.size >= MAX_SCOPES) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  }
  return result;
}

/** The scope of a request: `region=`, `year=` (ranges too) and `level=`; a bad value is a 400 naming it. */
export function requestScope(engine: Engine, req: Request): AnalysisScope {
  return scopeParams(req.query, engine.regions);
}

/** The scope as query parameters for links and downloads (`&region=…&year=2021&level=镇`), empty for the whole corpus. */
export function scopeQuery(scope: AnalysisScope): string {
  return [
    ...scope.regions.map((r) => `&region=${encodeURIComponent(r)}`),
    ...(scope.years.length > 0 ? [`&year=${yearsText(scope.years)}`] : []),
    ...scope.levels.map((l) => `&level=${encodeURIComponent(l)}`),
  ].join('');
}

/** Years as the user writes them: a range where they run on (2020-2025), else a list (2021,2023). */
export function yearsText(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const runs = sorted.every((y, k) => k === 0 || y === sorted[k - 1] + 1);
  return runs && sorted.length > 2 ? `${sorted[0]}-${sorted[sorted.length - 1]}` : sorted.join(',');
}

/** What the scope form of a page shows: the values as typed, the choices, and a label (`河北省 2020–2025年`, `2021年 镇级`). */
export function scopeForm(engine: Engine, scope: AnalysisScope) {
  const label = [scope.regions.join('、'), scope.years.length ? `${yearsText(scope.years).replace('-', '–')}年` : '', scope.levels.length ? `${scope.levels.join('、')}级` : ''].filter((part) => part !== '').join(' ');
  return { region: scope.regions.join(','), year: yearsText(scope.years), level: scope.levels[0] ?? '', levels: LEVEL_NAMES, regions: engine.regions, narrowed: !isWholeCorpus(scope), label };
}
