import type { Engine } from '../engine.js';
import { documentSummary } from '../server/view-models.js';

/** Prints the documents as a table (or JSON, as the API returns it). */
export function printDocuments(engine: Engine, json: boolean): void {
  const rows = engine.documents.map(documentSummary);
  if (json) {
    console.log(JSON.stringify({ documents: rows }, null, 2));
    return;
  }
  const table = [
    ['id', 'region', 'level', 'year', 'date', 'speaker', 'kind', 'passages', 'title'],
    ...rows.map((d) => [d.id, d.region, d.level, d.year, d.date, d.speaker, d.kind, d.passages, d.title].map((v) => (v === null ? '—' : String(v)))),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => displayWidth(row[c]))));
  for (const row of table) console.log(row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, widths[c]))).join('  '));
  for (const skip of engine.skipped) console.log(`skipped ${skip.name}: ${skip.reason}`);
  const lacking = (field: 'region' | 'year') => rows.filter((r) => r[field] === null).length;
  console.log(`${rows.length} documents (${lacking('region')} without a region, ${lacking('year')} without a year), ${engine.skipped.length} files skipped`);
}

/** Terminal width of a string: Han and other wide characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
