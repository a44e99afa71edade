import type { Engine } from '../engine.js';
import { concordance, CONCORDANCE_SORTS, type ConcordanceSort } from '../analysis/concordance.js';
import { distinctivePhrases } from '../analysis/distinctive-phrases.js';
import { phraseMatrix } from '../analysis/phrase-matrix.js';
import { sharedPhrases } from '../analysis/shared-phrases.js';
import { distinctiveRows, kwicRows, matrixRows, sharedPhraseRows, type Rows } from '../server/analysis-tables.js';
import { toCsv } from '../server/csv.js';
import { displayWidth } from './print-documents.js';

/** Prints rows as CSV (with BOM, for Excel) or as an aligned table. */
function printRows(rows: Rows, csv: boolean): void {
  if (csv) {
    process.stdout.write(toCsv(rows));
    return;
  }
  const text = rows.map((row) => row.map((v) => (v === null ? '—' : String(v))));
  const widths = text[0].map((_, c) => Math.max(...text.map((row) => displayWidth(row[c] ?? ''))));
  for (const row of text) console.log(row.map((cell, c) => cell + ' '.repeat(Math.max(0, widths[c] - displayWidth(cell)))).join('  ').trimEnd());
}

/** `phrases`: the formulations shared by at least k regions. */
export async function printPhrases(engine: Engine, o: { minRegions: number; limit: number; csv?: boolean }): Promise<void> {
  const table = await engine.whenPhrasesReady();
  const { phrases } = sharedPhrases(table, { minRegions: o.minRegions, limit: o.limit });
  printRows(sharedPhraseRows(table.regions, phrases), o.csv === true);
}

/** `kwic`: every occurrence of a phrase in context. */
export function printKwic(engine: Engine, phrase: string, o: { sort: string; csv?: boolean }): void {
  if (!(CONCORDANCE_SORTS as readonly string[]).includes(o.sort)) throw new Error(`--sort: one of ${CONCORDANCE_SORTS.join(', ')}`);
  const result = concordance(engine.index, phrase, o.sort as ConcordanceSort);
  if (o.csv) {
    printRows(kwicRows(result.lines), true);
    return;
  }
  console.log(`${result.total} occurrences of "${phrase}"`);
  const width = Math.max(0, ...result.lines.map((l) => displayWidth(l.left)));
  for (const l of result.lines) console.log(`${' '.repeat(width - displayWidth(l.left))}${l.left} 【${l.match}】 ${l.right}  — ${l.region ?? '—'} ${l.year ?? ''}`);
}

/** `matrix`: counts of phrases per region. */
export async function printMatrix(engine: Engine, phrases: string[], o: { csv?: boolean }): Promise<void> {
  const table = await engine.whenPhrasesReady();
  const list = phrases.length > 0 ? phrases : sharedPhrases(table, { limit: 20 }).phrases.map((p) => p.phrase);
  printRows(matrixRows(phraseMatrix(engine.index, table, list)), o.csv === true);
}

/** `distinctive`: what one region says more than the others. */
export async function printDistinctive(engine: Engine, region: string, o: { minCount: number; limit: number; csv?: boolean }): Promise<void> {
  const table = await engine.whenPhrasesReady();
  if (!table.regions.includes(region)) throw new Error(`no region "${region}"; the corpus has ${table.regions.join('、')}`);
  printRows(distinctiveRows(distinctivePhrases(table, region, o.minCount, o.limit)), o.csv === true);
}
