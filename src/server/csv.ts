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

/**
 * Streams rows as a CSV download, a thousand rows a write, so that a concordance of a hundred thousand lines never
 * becomes one string in memory.
 */
export function streamCsv(res: Response, name: string, header: readonly string[], count: number, row: (i: number) => readonly (string | number | null)[]): void {
  res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
  res.write(toCsv([header]));
  for (let start = 0; start < count; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) rows.push(row(i));
    res.write(toCsv(rows).replace(/^\ufeff/, ''));
  }
  res.end();
}

/** Sends rows as a CSV download named `name.csv`. */
export function sendCsv(res: Response, name: string, rows: readonly (readonly (string | number | null)[])[]): void {
  res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(toCsv(rows));
}
