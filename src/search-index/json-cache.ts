import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_SCHEMA_VERSION, writeFileAtomic } from './index-cache.js';

/**
 * Results kept beside the index as JSON (the phrase table, figures, copies, what the readers made of each file),
 * each under the index's fingerprint and its rules' version.
 */

/** Saves a JSON value beside the index, keyed by the same fingerprint. */
export async function saveJsonCache(dir: string, name: string, key: string, value: unknown): Promise<void> {
  await writeFileAtomic(path.join(dir, name), JSON.stringify({ schema: CACHE_SCHEMA_VERSION, fingerprint: key, value }));
}

/** Loads a JSON value saved by saveJsonCache if it was built from the same inputs; otherwise says why not. */
export async function loadJsonCache<T>(dir: string, name: string, key: string): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  let text: string;
  try {
    // The schema and fingerprint lead the file: a stale phrase table (25 MB on laws) is told from its first bytes,
    // not parsed whole for 0.3 s on a server that just swapped its index.
    const stale = staleJsonCache(await readHead(path.join(dir, name), 4096), key);
    if (stale) return { ok: false, reason: stale };
    text = await readFile(path.join(dir, name), 'utf8');
  } catch {
    return { ok: false, reason: 'no cache file yet' };
  }
  try {
    const saved = JSON.parse(text) as { schema: number; fingerprint: string; value: T };
    const stale = whyStale(saved.schema, saved.fingerprint, key);
    return stale ? { ok: false, reason: stale } : { ok: true, value: saved.value };
  } catch {
    return { ok: false, reason: 'the file is truncated or corrupt' };
  }
}

/** Why a JSON cache file is stale, read from its first bytes; null when they hold this schema and key, or cannot tell. */
function staleJsonCache(head: string, key: string): string | null {
  const lead = /^\{"schema":(\d+),"fingerprint":("(?:[^"\\]|\\.)*")/.exec(head);
  return lead ? whyStale(Number(lead[1]), JSON.parse(lead[2]) as string, key) : null;
}

/** Why a JSON cache of this schema and fingerprint cannot be used for `key`, or null when it can. */
function whyStale(schema: number, fingerprint: string, key: string): string | null {
  if (schema !== CACHE_SCHEMA_VERSION) return `schema ${schema}, this version needs ${CACHE_SCHEMA_VERSION}`;
  return fingerprint === key ? null : 'the corpus, dictionary or options changed since it was built';
}

async function readHead(file: string, n: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

