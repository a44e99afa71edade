import type { Request, Response } from 'express';
import { BadRequestError, stringParam } from './validate-params.js';

/** CSV for spreadsheets: RFC 4180 quoting, CRLF lines, and a UTF-8 BOM so that Excel opens Chinese correctly. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\ufeff' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Whether the request asks for CSV (`format=csv`); json and html are the default; anything else is a 400. */
export function wantsCsv(req: Request): boolean {
  const format = stringParam(req.query, 'format', 10);
  if (format !== '' && format !== 'csv' && format !== 'json' && format !== 'html') throw new BadRequestError(`format: csv, json or html, got "${format}"`);
  return format === 'csv';
}

/** Refuses `format=csv` (or any format but JSON) on an endpoint that has no CSV, naming the parameter. */
export function refuseFormat(req: Request): void {
  const format = stringParam(req.query, 'format', 10);
  if (format !== '' && format !== 'json') throw new BadRequestError(`format: this endpoint answers JSON only (CSV: /api/search, /api/documents, /api/phrases, /api/phrases/matrix, /api/kwic, /api/regions/…/distinctive), got "${format}"`);
}

/** The most streamed CSV exports at once: each holds a connection and a share of the thread while it writes. */
export const MAX_CONCURRENT_EXPORTS = 4;
let exporting = 0;

/**
 * Streams rows as a CSV download, a thousand rows a write, waiting whenever the connection's buffer is full (and
 * stopping if the client goes away), so that a concordance or search of a hundred thousand lines never becomes one
 * string in memory nor keeps other requests waiting. Beyond MAX_CONCURRENT_EXPORTS at once it answers 429.
 */
export async function streamCsv(res: Response, name: string, header: readonly string[], count: number, row: (i: number) => readonly (string | number | null)[]): Promise<void> {
  if (exporting >= MAX_CONCURRENT_EXPORTS) {
    res.status(429).set('Retry-After', '5').json({ error: `format: at most ${MAX_CONCURRENT_EXPORTS} CSV exports at once are being written; try again in a few seconds` });
    return;
  }
  exporting++;
  try {
    res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
    let open = true;
    res.once('close', () => (open = false));
    let writable = res.write(toCsv([header]));
    for (let start = 0; start < count && open; start += 1000) {
      if (!writable) await new Promise((resolve) => (res.once('drain', resolve), res.once('close', resolve)));
      if (!open) break;
      const rows = [];
      for (let i = start; i < Math.min(count, start + 1000); i++) rows.push(row(i));
      writable = res.write(toCsv(rows).replace(/^\ufeff/, ''));
    }
    res.end();
  } finally {
    exporting--;
  }
}

/** Sends rows as a CSV download named `name.csv`. */
export function sendCsv(res: Response, name: string, rows: readonly (readonly (string | number | null)[])[]): void {
  res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(toCsv(rows));
}
