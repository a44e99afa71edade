import path from 'node:path';
import type { PolicyDocument, SkippedFile } from '../types.js';
import { CACHE_FILE, loadIndexCache, pause } from './index-cache.js';
import { unpackDocuments, type PackedDocument } from './pack-documents.js';
import { indexPassagesInSteps, type SearchIndex } from './search-index.js';
import { passageStarts } from './word-starts.js';

/**
 * The index as a cache file holds it, unpacked: what a server loads at start and at a swap, and what a job
 * process (phrases, figures, copies) reads for itself instead of being sent the index through a pipe.
 */

/** The corpus as the engine holds it. */
export interface Corpus {
  documents: PolicyDocument[];
  skipped: SkippedFile[];
  /** Each document's cache record key, when it was loaded from a cache (see `KnownDocuments`). */
  recordKeys?: readonly string[];
}

/**
 * Documents with the keys of the cache records they were unpacked from. A swap's load passes the serving index's:
 * a document whose record is byte for byte the same (its file and everything it depends on unchanged) is taken
 * over instead of parsed again, so that the two indexes live during a swap share it (on the 63 MB corpus the
 * documents are some 100 MB of heap, and parsing them again made as much garbage).
 */
export interface KnownDocuments {
  readonly keys: readonly string[];
  readonly documents: readonly PolicyDocument[];
}

/** The JSON part of the cache; the documents are its records, one per line. */
export interface CachedCorpus {
  skipped: SkippedFile[];
  /** The key of jieba's vocabulary the word edges were cut with (see `wordsKey`). */
  wordsKey: string;
}

/** The corpus and index of the cache in `dir` when it matches `key`, or why not. */
export async function indexFromCache(dir: string, key: string, known: KnownDocuments | null = null) {
  const byKey = new Map<string, PolicyDocument>();
  known?.keys.forEach((k, i) => byKey.set(k, known.documents[i]));
  const cached = await loadIndexCache(dir, key, byKey);
  if (!cached.ok) return cached;
  try {
    const packed = cached.payload.json as CachedCorpus;
    const documents = await unpackInSteps(cached.payload.records as (PackedDocument | null)[], cached.recordKeys, byKey);
    const corpus: Corpus = { documents, skipped: packed.skipped, recordKeys: cached.recordKeys };
    const texts = await splitByPassages(corpus.documents, cached.payload.normalized);
    const base = await indexPassagesInSteps(corpus.documents, texts, pause);
    const words = { bits: cached.payload.wordStarts, passageStart: passageStarts(base.lengths) };
    const index: SearchIndex = { ...base, chars: cached.payload.chars, words };
    return { ok: true as const, value: { corpus, index, cacheFile: path.join(dir, CACHE_FILE), cacheBytes: cached.bytes } };
  } catch (err) {
    return { ok: false as const, reason: `the cache does not fit together: ${(err as Error).message}` };
  }
}

/** A cache file and the key it must hold: what a job is given to read the index itself. */
export interface CachedIndexRef {
  readonly dir: string;
  readonly key: string;
}

/** The index of a cache file for a job process, or an error saying why it cannot be used (say, replaced since). */
export async function readCachedIndex(ref: CachedIndexRef): Promise<SearchIndex> {
  const cached = await indexFromCache(ref.dir, ref.key);
  if (!cached.ok) throw new Error(`the index cache could not be read for this job (a newer index replaces it soon): ${cached.reason}`);
  return cached.value.index;
}

/**
 * unpackDocuments fifty at a time, with a pause between (a swap loads while the server answers); a record left
 * unparsed (null) is the known document of its key.
 */
async function unpackInSteps(packed: readonly (PackedDocument | null)[], keys: readonly string[], known: ReadonlyMap<string, PolicyDocument>): Promise<PolicyDocument[]> {
  const documents: PolicyDocument[] = [];
  for (let from = 0; from < packed.length; from += 50) {
    for (let i = from; i < Math.min(from + 50, packed.length); i++) {
      const record = packed[i];
      documents.push(record ? unpackDocuments([record])[0] : known.get(keys[i])!);
    }
    await pause();
  }
  return documents;
}

/** The normalised passage texts, cut from the cache's one string by the passages' lengths (normalising keeps them). */
async function splitByPassages(documents: readonly PolicyDocument[], whole: string): Promise<string[]> {
  const out: string[] = [];
  let at = 0;
  for (let d = 0; d < documents.length; d++) {
    for (const p of documents[d].passages) {
      out.push(whole.slice(at, at + p.text.length));
      at += p.text.length;
    }
    if (d % 500 === 499) await pause();
  }
  if (at !== whole.length) throw new Error(`zhengce: the cached normalised text does not fit the passages (${at} of ${whole.length} units)`);
  return out;
}
