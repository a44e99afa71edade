import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedFile, SourceFile } from '../types.js';
import { decodeText } from './decode-text.js';

/** The file endings the reader takes; a format added later registers its ending and decoder here. */
export const CORPUS_EXTENSIONS = ['.txt'] as const;

/** Files of a corpus directory: those decoded, and those skipped with the reason. */
export interface CorpusFiles {
  readonly files: readonly SourceFile[];
  readonly skipped: readonly SkippedFile[];
}

/** Reads every `.txt` file under `dir`, recursively, in a stable (sorted) order, decoding each. */
export async function readCorpusFiles(dir: string): Promise<CorpusFiles> {
  const names = await listCorpusFiles(dir);
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const name of names) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path.join(dir, name));
    } catch (err) {
      skipped.push({ name, reason: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const decoded = decodeText(bytes);
    if (decoded.ok) files.push({ name, text: decoded.text, encoding: decoded.encoding });
    else skipped.push({ name, reason: decoded.reason });
  }
  return { files, skipped };
}

/** The corpus files under `dir` (relative paths with forward slashes), sorted so that the order is stable. */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir, '')).sort();
}

async function listFiles(dir: string, prefix: string): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (entry.isFile() && CORPUS_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push(rel);
  }
  return out;
}
