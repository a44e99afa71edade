import { createHash } from 'node:crypto';
import type { PolicyDocument, SourceFile } from '../types.js';
import { defaultSplitOptions, splitPassages, type SplitOptions } from '../segment/split-passages.js';
import { applyOverrides } from './apply-overrides.js';
import { cleanTextWithRepairs } from './clean-text.js';
import { extractMetadata } from './extract-metadata.js';
import { findRepeatedEdgeLines } from './find-repeated-lines.js';
import { overridesFor, type MetadataOverride } from './metadata-overrides.js';
import { splitReports } from './split-reports.js';

/** Metadata fields whose absence is worth a log line. */
export const EXPECTED_FIELDS = ['region', 'year', 'date', 'speaker', 'kind'] as const;

/** Something ingest did to a file or doubts about it, for the log. */
export interface CorpusNote {
  readonly file: string;
  readonly message: string;
}

/** A stable document id from the file name: `000_91bac9b46b5f3c10`, or `…-2` for the second report of a file. */
export function documentId(source: string, reportIndex: number, reportCount: number): string {
  const base = source.replace(/\.[^./]+$/, '');
  const slug = /^[\w.-]+(?:\/[\w.-]+)*$/.test(base) ? base.replace(/\//g, '~') : `f${createHash('sha1').update(base).digest('hex').slice(0, 12)}`;
  return reportCount > 1 ? `${slug}-${reportIndex + 1}` : slug;
}

/**
 * Turns the corpus's decoded files into reports: cleaned and repaired, without the furniture the collection
 * repeats, split into reports, with metadata (and the user's corrections) and passages.
 */
export function buildCorpus(
  files: readonly SourceFile[],
  options: SplitOptions = defaultSplitOptions,
  overrides: readonly MetadataOverride[] = [],
): { documents: PolicyDocument[]; notes: CorpusNote[] } {
  const notes: CorpusNote[] = [];
  const cleaned = files.map((file) => {
    const { lines, repairs } = cleanTextWithRepairs(file.text);
    if (repairs.invisible > 0) notes.push({ file: file.name, message: `removed ${repairs.invisible} invisible characters (U+200B, U+FEFF…)` });
    if (repairs.joined > 0) notes.push({ file: file.name, message: `joined ${repairs.joined} lines that a line end cut inside a sentence` });
    return lines;
  });
  const furniture = findRepeatedEdgeLines(cleaned);
  const documents = files.flatMap((file, i) => {
    const lines = cleaned[i].filter((line) => !furniture.has(line));
    const dropped = cleaned[i].filter((line) => furniture.has(line));
    if (dropped.length > 0) notes.push({ file: file.name, message: `dropped ${dropped.length} lines repeated at the edges of many files (site furniture): ${[...new Set(dropped)].map((l) => `"${l}"`).join(', ')}` });
    return reportsOf(file, lines, options, overrides, notes);
  });
  for (const o of overrides) {
    if (!files.some((f) => o.file === f.name || o.file === f.name.slice(f.name.lastIndexOf('/') + 1))) {
      notes.push({ file: 'metadata.csv', message: `line ${o.line}: no corpus file named ${o.file}; the row is not applied` });
    }
  }
  return { documents, notes };
}

function reportsOf(file: SourceFile, lines: readonly string[], options: SplitOptions, overrides: readonly MetadataOverride[], notes: CorpusNote[]): PolicyDocument[] {
  const reports = splitReports(lines);
  const marked = new Map(file.headings.map((h) => [h.text, h.level]));
  return reports.map((reportLines, i) => {
    const id = documentId(file.name, i, reports.length);
    const found: string[] = [];
    const extracted = extractMetadata(reportLines, file.name, found);
    for (const message of found) notes.push({ file: file.name, message: reports.length > 1 ? `report ${i + 1}: ${message}` : message });
    const meta = applyOverrides(extracted, overridesFor(overrides, file.name, i + 1), reportLines.join('\n'));
    return { id, ...meta, passages: splitPassages(id, reportLines, options, marked) };
  });
}

/** Turns one decoded file into its reports (a corpus of one file). */
export function buildDocuments(file: SourceFile, options: SplitOptions = defaultSplitOptions): PolicyDocument[] {
  return buildCorpus([file], options).documents;
}

/** The expected metadata fields a document lacks (so the log can say which document lacks what). */
export function missingFields(doc: PolicyDocument): string[] {
  return EXPECTED_FIELDS.filter((field) => doc[field] === null);
}
