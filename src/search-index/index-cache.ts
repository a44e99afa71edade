import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { CharIndex } from './char-index.js';
import type { PreviousWords } from './word-starts.js';
import { decodePostingsInSteps, encodePostings } from './varint-postings.js';

/**
 * The on-disk index cache: one binary file holding a JSON header (schema version, fingerprint of every input,
 * section sizes, checksum) and the sections (documents as JSON, the bigram index as raw typed arrays, so that
 * loading is a read and a few views). Written to a temp file and renamed, so a crash never leaves half a cache.
 */

/** Bumped whenever the file layout or the meaning of a section changes. */
export const CACHE_SCHEMA_VERSION = 10;
export const CACHE_FILE = 'index.bin';
const MAGIC = 'ZHENGCE\u0001';
const HASH_STEP = 16 * 1024 * 1024;

/** Lets the event loop run what waits (a request) before the next step of a long load. */
export const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** What the cache holds. `json` is any JSON-serialisable payload (documents, skipped files, analyses). */
export interface CachePayload {
  readonly json: unknown;
  /** JSON values written one per line and parsed one at a time on load (the documents: most of the JSON). */
  readonly records: readonly unknown[];
  readonly chars: CharIndex;
  /** Where jieba's words begin, a bit per character (see word-starts.ts). */
  readonly wordStarts: Uint8Array;
  /** The normalised texts of all passages laid end to end (each as long as its passage text). */
  readonly normalized: string;
  /** Each passage's length, to cut `normalized` without the documents (a later build reusing word edges). */
  readonly lengths: Uint32Array;
}

/** Why a cache could not be used. */
export type CacheLoadResult = { readonly ok: true; readonly payload: CachePayload; readonly bytes: number } | { readonly ok: false; readonly reason: string };

interface Header {
  schema: number;
  fingerprint: string;
  /** Padded size of each section in the file, and how many of its bytes are content. */
  sections: number[];
  used: number[];
  sha1: string;
}

/** Hashes every input of the index (versions, options, dictionaries, corpus file names and bytes) into one key. */
export function fingerprint(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(String(typeof part === 'string' ? part.length : part.byteLength) + ':');
    hash.update(part);
  }
  return hash.digest('hex');
}

/** Writes the cache atomically; returns its path and size. */
export async function saveIndexCache(dir: string, key: string, payload: CachePayload): Promise<{ file: string; bytes: number }> {
  const content = [
    Buffer.from(JSON.stringify(payload.json), 'utf8'),
    Buffer.from(payload.records.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8'),
    bytesOf(payload.chars.keys),
    bytesOf(payload.chars.offsets),
    encodePostings(payload.chars.postings, payload.chars.offsets),
    bytesOf(payload.chars.tfs),
    bytesOf(payload.wordStarts),
    Buffer.from(payload.normalized, 'utf16le'),
    bytesOf(payload.lengths),
  ];
  // Each section padded by a piece of its own: no copy of the sections, and none of them laid end to end in memory.
  const used = content.map((c) => c.byteLength);
  const padding = used.map((n) => Buffer.alloc((8 - (n % 8)) % 8, 0x20));
  const lengths = used.map((n, i) => n + padding[i].byteLength);
  const sha1 = createHash('sha1');
  content.forEach((c, i) => sha1.update(c).update(padding[i]));
  const header: Header = { schema: CACHE_SCHEMA_VERSION, fingerprint: key, sections: lengths, used, sha1: sha1.digest('hex') };
  const headerBytes = pad8(Buffer.from(JSON.stringify(header), 'utf8'));
  const lead = Buffer.alloc(16);
  lead.write(MAGIC, 0, 'latin1');
  lead.writeUInt32LE(headerBytes.byteLength, 8);
  const file = path.join(dir, CACHE_FILE);
  await writeFileAtomic(file, [lead, headerBytes, ...content.flatMap((c, i) => [c, padding[i]])]);
  return { file, bytes: 16 + headerBytes.byteLength + lengths.reduce((sum, n) => sum + n, 0) };
}

/** Loads the cache if it exists, is whole, and was built from the same inputs; otherwise says why not. */
export async function loadIndexCache(dir: string, key: string): Promise<CacheLoadResult> {
  // The fingerprint is read first: a stale cache of the 63 MB corpus is 186 MB not read for nothing.
  if (!(await leadHolds(path.join(dir, CACHE_FILE), key))) return { ok: false, reason: 'the corpus, dictionary or options changed since the cache was built' };
  let buf: Buffer;
  try {
    buf = await readFile(path.join(dir, CACHE_FILE));
  } catch {
    return { ok: false, reason: 'no cache file yet' };
  }
  if (buf.byteLength < 16 || buf.toString('latin1', 0, 8) !== MAGIC) return { ok: false, reason: 'the cache file is not an index cache (bad magic bytes)' };
  const headerLength = buf.readUInt32LE(8);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', 16, 16 + headerLength).trimEnd());
  } catch {
    return { ok: false, reason: 'the cache header is unreadable (truncated or corrupt)' };
  }
  if (header.schema !== CACHE_SCHEMA_VERSION) return { ok: false, reason: `the cache has schema ${header.schema}, this version needs ${CACHE_SCHEMA_VERSION}` };
  if (header.fingerprint !== key) return { ok: false, reason: 'the corpus, dictionary or options changed since the cache was built' };
  let at = 16 + headerLength;
  const expected = at + header.sections.reduce((sum, n) => sum + n, 0);
  if (buf.byteLength !== expected) return { ok: false, reason: `the cache file is truncated or padded (${buf.byteLength} bytes, header says ${expected})` };
  const sections = header.sections.map((n) => {
    const section = buf.subarray(at, at + n);
    at += n;
    return section;
  });
  // The load pauses between its steps (a checksum of 16 MB, a few million postings): a server swapping in a new
  // index meanwhile answers requests between them instead of waiting seconds.
  const sha1 = createHash('sha1');
  for (const s of sections) {
    for (let from = 0; from < s.byteLength; from += HASH_STEP) {
      sha1.update(s.subarray(from, from + HASH_STEP));
      await pause();
    }
  }
  if (sha1.digest('hex') !== header.sha1) return { ok: false, reason: 'the cache checksum does not match (corrupt file)' };
  try {
    const content = sections.map((section, i) => section.subarray(0, header.used[i]));
    const json = JSON.parse(content[0].toString('utf8'));
    const records = await parseLines(content[1]);
    const offsets = new Uint32Array(aligned(content[3]));
    const chars: CharIndex = {
      keys: new Float64Array(aligned(content[2])),
      offsets,
      postings: await decodePostingsInSteps(content[4], offsets, pause),
      tfs: new Uint8Array(aligned(content[5])),
    };
    const wordStarts = new Uint8Array(aligned(content[6]));
    await pause();
    const normalized = content[7].toString('utf16le');
    const lengths = new Uint32Array(aligned(content[8]));
    return { ok: true, payload: { json, records, chars, wordStarts, normalized, lengths }, bytes: buf.byteLength };
  } catch (err) {
    return { ok: false, reason: `the cache payload is unreadable: ${(err as Error).message}` };
  }
}

/**
 * Whether the cache file's fingerprint is `key`, reading its first 64 KB only; true also when that cannot be told
 * from them or something else is wrong (no file, bad magic bytes, another schema, a long header), so that the full
 * load says what.
 */
async function leadHolds(file: string, key: string): Promise<boolean> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(file, 'r');
    const lead = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(lead, 0, lead.length, 0);
    const headerLength = lead.readUInt32LE(8);
    if (lead.toString('latin1', 0, 8) !== MAGIC || 16 + headerLength > bytesRead) return true;
    const header = JSON.parse(lead.toString('utf8', 16, 16 + headerLength).trimEnd()) as Header;
    return header.schema !== CACHE_SCHEMA_VERSION || header.fingerprint === key;
  } catch {
    return true;
  } finally {
    await handle?.close();
  }
}

/**
 * The JSON, word edges, normalised texts and passage lengths of the cache there, whatever inputs it was built
 * from, reading only those sections: a build takes over the word edges of passages that did not change. Null when
 * there is no usable cache (none, another schema, or sections that do not fit together); the checksum is not
 * verified, as that would read the whole file, but the sizes are.
 */
export async function loadPreviousWords(dir: string): Promise<(PreviousWords & { json: unknown }) | null> {
  let file: FileHandle | null = null;
  try {
    file = await open(path.join(dir, CACHE_FILE), 'r');
    const read = async (at: number, n: number) => {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await file!.read(buf, 0, n, at);
      if (bytesRead !== n) throw new Error('truncated');
      return buf;
    };
    const lead = await read(0, 16);
    if (lead.toString('latin1', 0, 8) !== MAGIC) return null;
    const headerLength = lead.readUInt32LE(8);
    const header = JSON.parse((await read(16, headerLength)).toString('utf8').trimEnd()) as Header;
    if (header.schema !== CACHE_SCHEMA_VERSION || header.sections.length !== 9) return null;
    const starts = header.sections.map((_, i) => 16 + headerLength + header.sections.slice(0, i).reduce((sum, n) => sum + n, 0));
    const section = (i: number) => read(starts[i], header.used[i]);
    const json = JSON.parse((await section(0)).toString('utf8'));
    const bits = new Uint8Array(aligned(await section(6)));
    const normalized = (await section(7)).toString('utf16le');
    const lengths = new Uint32Array(aligned(await section(8)));
    let total = 0;
    for (const n of lengths) total += n;
    if (total !== normalized.length || bits.byteLength !== Math.ceil((total + lengths.length) / 8) + 1) return null;
    return { json, bits, normalized, lengths };
  } catch {
    return null;
  } finally {
    await file?.close();
  }
}

/** One JSON value per line, parsed a line at a time with a pause every few megabytes. */
async function parseLines(bytes: Buffer): Promise<unknown[]> {
  const records: unknown[] = [];
  let sincePause = 0;
  for (let from = 0; from < bytes.byteLength; ) {
    const end = bytes.indexOf(0x0a, from);
    if (end < 0) throw new Error('the last record has no line end');
    records.push(JSON.parse(bytes.toString('utf8', from, end)));
    sincePause += end - from;
    from = end + 1;
    if (sincePause > HASH_STEP / 4) {
      sincePause = 0;
      await pause();
    }
  }
  return records;
}

/** Writes a file through a temp file and a rename, so that readers see the old file or the whole new one. */
export async function writeFileAtomic(file: string, data: Buffer | string | readonly Buffer[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Saves a JSON value beside the index, keyed by the same fingerprint. */
export async function saveJsonCache(dir: string, name: string, key: string, value: unknown): Promise<void> {
  await writeFileAtomic(path.join(dir, name), JSON.stringify({ schema: CACHE_SCHEMA_VERSION, fingerprint: key, value }));
}

/** Loads a JSON value saved by saveJsonCache if it was built from the same inputs; otherwise says why not. */
export async function loadJsonCache<T>(dir: string, name: string, key: string): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  let text: string;
  try {
    text = await readFile(path.join(dir, name), 'utf8');
  } catch {
    return { ok: false, reason: 'no cache file yet' };
  }
  try {
    const saved = JSON.parse(text) as { schema: number; fingerprint: string; value: T };
    if (saved.schema !== CACHE_SCHEMA_VERSION) return { ok: false, reason: `schema ${saved.schema}, this version needs ${CACHE_SCHEMA_VERSION}` };
    if (saved.fingerprint !== key) return { ok: false, reason: 'the corpus, dictionary or options changed since it was built' };
    return { ok: true, value: saved.value };
  } catch {
    return { ok: false, reason: 'the file is truncated or corrupt' };
  }
}

function bytesOf(array: Float64Array | Uint32Array | Int32Array | Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Pads to a multiple of 8 bytes so that every section starts aligned; the header says how much is content. */
function pad8(buf: Buffer): Buffer {
  const extra = (8 - (buf.byteLength % 8)) % 8;
  return extra === 0 ? buf : Buffer.concat([buf, Buffer.alloc(extra, 0x20)]);
}

/** An ArrayBuffer holding exactly the section (copied, so the views are aligned and the file buffer can go). */
function aligned(section: Buffer): ArrayBuffer {
  return section.buffer.slice(section.byteOffset, section.byteOffset + section.byteLength) as ArrayBuffer;
}
