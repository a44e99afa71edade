import { parse } from 'csv-parse/sync';

/**
 * The user's corrections: `metadata.csv` beside the reports, UTF-8 with a header row. Columns: `file` (its path
 * in the corpus, or its name), `report` (1, 2, … for a file that holds several; empty for all), then any of
 * `region`, `year`, `date`, `speaker`, `title`, `kind`. An empty cell changes nothing.
 *
 *   file,report,region,year
 *   2025年政府工作报告.pdf,,河北省,2025
 *   合集.txt,2,港门镇,2022
 */

/** A field the user may set. */
export type OverrideField = 'region' | 'year' | 'date' | 'speaker' | 'title' | 'kind';

/** One row of corrections. */
export interface MetadataOverride {
  readonly file: string;
  /** The report's number in its file (1 for the first), or null for every report of the file. */
  readonly report: number | null;
  /** The row's line in the file, for messages. */
  readonly line: number;
  readonly values: Readonly<Partial<{ region: string; year: number; date: string; speaker: string; title: string; kind: string }>>;
}

/** A row that could not be used, with its line number. */
export interface OverrideError {
  readonly line: number;
  readonly message: string;
}

const FIELDS: readonly OverrideField[] = ['region', 'year', 'date', 'speaker', 'title', 'kind'];

/** Parses `metadata.csv`; a bad row is reported with its line number and the other rows still apply. */
export function parseMetadataCsv(text: string): { overrides: MetadataOverride[]; errors: OverrideError[] } {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, bom: true, trim: true, info: true, relax_column_count: true });
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { overrides: [], errors: [{ line: e.lines ?? 1, message: `metadata.csv cannot be parsed: ${e.message}` }] };
  }
  const overrides: MetadataOverride[] = [];
  const errors: OverrideError[] = [];
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const unknown = header.filter((h) => h !== 'file' && h !== 'report' && !FIELDS.includes(h as OverrideField));
  if (unknown.length > 0) errors.push({ line: 1, message: `unknown column ${unknown.join(', ')} (columns: file, report, ${FIELDS.join(', ')})` });
  for (const { record, info } of rows) {
    const row = parseRow(record, info.lines);
    if ('message' in row) errors.push(row);
    else overrides.push(row);
  }
  return { overrides, errors };
}

function parseRow(record: Record<string, string>, line: number): MetadataOverride | OverrideError {
  const file = record.file ?? '';
  if (file === '') return { line, message: 'no file named in the file column' };
  const report = record.report ? Number(record.report) : null;
  if (report !== null && !(Number.isInteger(report) && report >= 1)) return { line, message: `report must be 1, 2, … (got "${record.report}")` };
  const values: Record<string, string | number> = {};
  for (const field of FIELDS) {
    const value = record[field];
    if (!value) continue;
    if (field === 'year') {
      if (!/^\d{4}$/.test(value) || Number(value) < 1949 || Number(value) > 2100) return { line, message: `year must be a year such as 2025 (got "${value}")` };
      values.year = Number(value);
    } else if (field === 'date') {
      const date = normalizeDate(value);
      if (!date) return { line, message: `date must be YYYY-MM-DD or 2025年1月13日 (got "${value}")` };
      values.date = date;
    } else {
      values[field] = value;
    }
  }
  return { file, report, line, values };
}

function normalizeDate(value: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The rows that apply to a report: those naming its file (by path or name) and its number or no number. */
export function overridesFor(overrides: readonly MetadataOverride[], source: string, report: number): MetadataOverride[] {
  const name = source.slice(source.lastIndexOf('/') + 1);
  return overrides.filter((o) => (o.file === source || o.file === name) && (o.report === null || o.report === report));
}
