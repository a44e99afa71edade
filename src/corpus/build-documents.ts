import { createHash } from 'node:crypto';
import type { PolicyDocument, SourceFile } from '../types.js';
import { defaultSplitOptions, splitPassages, type SplitOptions } from '../segment/split-passages.js';
import { cleanText } from './clean-text.js';
import { extractMetadata } from './extract-metadata.js';
import { splitReports } from './split-reports.js';

/** Metadata fields whose absence is worth a log line. */
export const EXPECTED_FIELDS = ['region', 'year', 'date', 'speaker', 'kind'] as const;

/** A stable document id from the file name: `000_91bac9b46b5f3c10`, or `…-2` for the second report of a file. */
export function documentId(source: string, reportIndex: number, reportCount: number): string {
  const base = source.replace(/\.[^./]+$/, '');
  const slug = /^[\w.-]+(?:\/[\w.-]+)*$/.test(base) ? base.replace(/\//g, '~') : `f${createHash('sha1').update(base).digest('hex').slice(0, 12)}`;
  return reportCount > 1 ? `${slug}-${reportIndex + 1}` : slug;
}

/** Turns one decoded file into its reports: cleaned, split, with metadata and passages. */
export function buildDocuments(file: SourceFile, options: SplitOptions = defaultSplitOptions): PolicyDocument[] {
  const reports = splitReports(cleanText(file.text));
  return reports.map((lines, i) => {
    const id = documentId(file.name, i, reports.length);
    return { id, ...extractMetadata(lines, file.name), passages: splitPassages(id, lines, options) };
  });
}

/** The expected metadata fields a document lacks (so the log can say which document lacks what). */
export function missingFields(doc: PolicyDocument): string[] {
  return EXPECTED_FIELDS.filter((field) => doc[field] === null);
}
