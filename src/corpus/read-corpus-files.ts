import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedFile, SourceFile } from '../types.js';
import { readSourceFile, type ReadResult } from './readers/read-source-file.js';

/** The file of corrections a user may put beside the reports (see `metadata-overrides.ts`); not a report. */
export const METADATA_FILE = 'metadata.csv';

/** What a file's bytes were read as, without its name: the entry of a read memo. */
export type ReadEntry = { readonly ok: true; readonly file: Omit<SourceFile, 'name'> } | { readonly ok: false; readonly reason: string };

/**
 * Earlier reads by the SHA-1 of the file's bytes (a plain object, so that it can be kept as JSON between builds):
 * a PDF takes ~75 ms to read and a .docx ~30 ms, a text file 0.1 ms, so after one file of a PDF corpus changes,
 * the others are not parsed again — renamed ones neither.
 */
export type ReadMemo = Readonly<Record<string, ReadEntry>>;

/** Files of a corpus directory: those read, and those skipped with the reason. */
export interface CorpusFiles {
  readonly files: readonly SourceFile[];
  readonly skipped: readonly SkippedFile[];
  /** The reads worth keeping for the next build (this corpus's files only, plain text aside: decoding it is faster than loading it). */
  readonly reads: ReadMemo;
  /** How many files were taken from the memo instead of read. */
  readonly reused: number;
}

/**
 * Reads every file under `dir`, recursively, in a stable (sorted) order, each by its format (.txt, .docx, .doc,
 * .pdf, web pages). A file of another type, or one that cannot be read, is skipped with the reason: nothing is
 * ignored silently.
 */
export async function readCorpusFiles(dir: string, onFile: (done: number, total: number) => void = () => {}, memo: ReadMemo = {}): Promise<CorpusFiles> {
  const names = await listCorpusFiles(dir);
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const reads: Record<string, ReadEntry> = {};
  let reused = 0;
  for (const [i, name] of names.entries()) {
    onFile(i, names.length);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(dir, name));
    } catch (err) {
      skipped.push({ name, reason: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const hash = createHash('sha1').update(bytes).digest('hex');
    const known = Object.hasOwn(memo, hash) ? memo[hash] : undefined;
    if (known) reused++;
    const read: ReadResult = known ? (known.ok ? { ok: true, file: { ...known.file, name } } : known) : await readSourceFile(name, bytes);
    if (read.ok) files.push(read.file);
    else skipped.push({ name, reason: read.reason });
    if (!read.ok) reads[hash] = read;
    else if (read.file.format !== 'txt') reads[hash] = { ok: true, file: withoutName(read.file) };
  }
  onFile(names.length, names.length);
  return { files, skipped, reads, reused };
}

function withoutName({ name: _name, ...rest }: SourceFile): Omit<SourceFile, 'name'> {
  return rest;
}

/**
 * The corpus files under `dir` (relative paths with forward slashes), sorted so that the order is stable. Hidden
 * files (`.DS_Store`, `.gitkeep`) and `metadata.csv` at the top are not reports.
 */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir, '')).filter((name) => name !== METADATA_FILE).sort();
}

async function listFiles(dir: string, prefix: string): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** The text of `metadata.csv` at the top of the corpus, or null when there is none. */
export async function readMetadataCsv(dir: string): Promise<string | null> {
  try {
    return await readFile(path.join(dir, METADATA_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
