import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
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
const HASH_STEP = 4 * 1024 * 1024;

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

/** Record keys whose records the caller has already (a set, or a map from key to what it made of the record). */
export type KnownKeys = { has(key: string): boolean };

/** Why a cache could not be used. */
export type CacheLoadResult = { readonly ok: true; readonly payload: CachePayload; readonly bytes: number; readonly recordKeys: readonly string[] } | { readonly ok: false; readonly reason: string };

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
  const hash = fingerprintHash();
  for (const part of parts) hash.add(part);
  return hash.digest();
}

/** fingerprint one part at a time, for inputs read a few at a time. */
export function fingerprintHash(): { add(part: string | Uint8Array): void; digest(): string } {
  const hash = createHash('sha256');
  return {
    add(part) {
      hash.update(String(typeof part === 'string' ? part.length : part.byteLength) + ':');
      hash.update(part);
    },
    digest: () => hash.digest('hex'),
  };
}

/** Writes the cache atomically; returns its path and size, and the key of each record (as a load gives them). */
export async function saveIndexCache(dir: string, key: string, payload: CachePayload): Promise<{ file: string; bytes: number; recordKeys: string[] }> {
  const lines = payload.records.map((r) => JSON.stringify(r));
  const content = [
    Buffer.from(JSON.stringify(payload.json), 'utf8'),
    Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8'),
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
  return { file, bytes: 16 + headerBytes.byteLength + lengths.reduce((sum, n) => sum + n, 0), recordKeys: lines.map(recordKey) };
}

/**
 * Loads the cache in `dir` if it exists, is whole, and holds `key` (was built from the same inputs); otherwise
 * says why not. Each record comes with a key of its bytes (`recordKeys`); a record whose key `known` has is not
 * parsed and stands as null in `records`, for the caller to reuse what it made of the same bytes before (a swap
 * keeps the documents of unchanged files).
 */
export async function loadIndexCache(dir: string, key: string, known: KnownKeys = new Set()): Promise<CacheLoadResult> {
  const opened = await openCacheFile(path.join(dir, CACHE_FILE));
  if (!opened.ok) return opened;
  const { file, header, size } = opened;
  try {
    if (header.schema !== CACHE_SCHEMA_VERSION) return { ok: false, reason: `the cache has schema ${header.schema}, this version needs ${CACHE_SCHEMA_VERSION}` };
    // The fingerprint is read first: a stale cache of the 63 MB corpus is 186 MB not read for nothing.
    if (header.fingerprint !== key) return { ok: false, reason: 'the corpus, dictionary or options changed since the cache was built' };
    const expected = opened.starts[opened.starts.length - 1];
    if (size !== expected || header.sections.length !== SECTIONS) return { ok: false, reason: `the cache file is truncated or padded (${size} bytes, header says ${expected})` };
    // One section at a time, each decoded and let go before the next is read: the whole file held through the
    // load (15 s under load, as the load pauses for requests) was 186 MB more at a swap's peak. The checksum
    // covers them all and is compared at the end; a mismatch throws the decoded sections away.
    const sha1 = createHash('sha1');
    let hashed = 0;
    const section = async (i: number): Promise<Buffer> => {
      const padded = await opened.read(i);
      hashed = i + 1;
      for (let from = 0; from < padded.byteLength; from += HASH_STEP) {
        sha1.update(padded.subarray(from, from + HASH_STEP));
        await pause();
      }
      return padded.subarray(0, header.used[i]);
    };
    let loaded: { payload: CachePayload; recordKeys: string[] };
    try {
      const json = JSON.parse((await section(0)).toString('utf8'));
      const { records, keys: recordKeys } = await parseLines(await section(1), known);
      const keys = view(Float64Array, await section(2));
      const offsets = view(Uint32Array, await section(3));
      const postings = await decodePostingsInSteps(await section(4), offsets, pause);
      const tfs = view(Uint8Array, await section(5));
      const wordStarts = view(Uint8Array, await section(6));
      const normalized = (await section(7)).toString('utf16le');
      await pause();
      const lengths = view(Uint32Array, await section(8));
      loaded = { payload: { json, records, chars: { keys, offsets, postings, tfs }, wordStarts, normalized, lengths }, recordKeys };
    } catch (err) {
      // Corrupt bytes, or a payload this code cannot read? The sections not read yet decide the checksum.
      for (let i = hashed; i < SECTIONS; i++) await section(i);
      if (sha1.digest('hex') !== header.sha1) return { ok: false, reason: 'the cache checksum does not match (corrupt file)' };
      return { ok: false, reason: `the cache payload is unreadable: ${(err as Error).message}` };
    }
    if (sha1.digest('hex') !== header.sha1) return { ok: false, reason: 'the cache checksum does not match (corrupt file)' };
    return { ok: true, ...loaded, bytes: size };
  } catch (err) {
    return { ok: false, reason: `the cache file could not be read: ${(err as Error).message}` };
  } finally {
    await file.close();
  }
}

/** How many sections a cache of this schema has. */
const SECTIONS = 9;

type OpenedCache =
  | { readonly ok: true; readonly file: FileHandle; readonly header: Header; readonly size: number; readonly starts: readonly number[]; readonly read: (section: number) => Promise<Buffer> }
  | { readonly ok: false; readonly reason: string };

/**
 * Opens a cache file and reads its lead and header; `read(i)` then reads section i, padding included, into a
 * buffer of its own (aligned for typed-array views). `starts` holds each section's offset and the file's end.
 */
async function openCacheFile(name: string): Promise<OpenedCache> {
  let file: FileHandle;
  try {
    file = await open(name, 'r');
  } catch {
    return { ok: false, reason: 'no cache file yet' };
  }
  const readAt = async (at: number, n: number): Promise<Buffer> => {
    const buf = Buffer.allocUnsafeSlow(n);
    const { bytesRead } = await file.read(buf, 0, n, at);
    if (bytesRead !== n) throw new Error(`truncated at byte ${at + bytesRead}`);
    return buf;
  };
  try {
    const size = (await file.stat()).size;
    const lead = size >= 16 ? await readAt(0, 16) : Buffer.alloc(0);
    if (lead.byteLength < 16 || lead.toString('latin1', 0, 8) !== MAGIC) throw new Error('the cache file is not an index cache (bad magic bytes)');
    const headerLength = lead.readUInt32LE(8);
    let header: Header;
    try {
      header = JSON.parse((await readAt(16, Math.min(headerLength, size - 16))).toString('utf8').trimEnd());
    } catch {
      throw new Error('the cache header is unreadable (truncated or corrupt)');
    }
    const starts = [16 + headerLength];
    for (const n of header.sections) starts.push(starts[starts.length - 1] + n);
    return { ok: true, file, header, size, starts, read: (i) => readAt(starts[i], header.sections[i]) };
  } catch (err) {
    await file.close();
    return { ok: false, reason: (err as Error).message };
  }
}

/**
 * The JSON, word edges, normalised texts and passage lengths of the cache there, whatever inputs it was built
 * from, reading only those sections: a build takes over the word edges of passages that did not change. Null when
 * there is no usable cache (none, another schema, or sections that do not fit together); the checksum is not
 * verified, as that would read the whole file, but the sizes are.
 */
export async function loadPreviousWords(dir: string): Promise<(PreviousWords & { json: unknown }) | null> {
  const opened = await openCacheFile(path.join(dir, CACHE_FILE));
  if (!opened.ok) return null;
  const { file, header } = opened;
  try {
    if (header.schema !== CACHE_SCHEMA_VERSION || header.sections.length !== SECTIONS) return null;
    const section = async (i: number) => (await opened.read(i)).subarray(0, header.used[i]);
    const json = JSON.parse((await section(0)).toString('utf8'));
    const bits = view(Uint8Array, await section(6));
    const normalized = (await section(7)).toString('utf16le');
    const lengths = view(Uint32Array, await section(8));
    let total = 0;
    for (const n of lengths) total += n;
    if (total !== normalized.length || bits.byteLength !== Math.ceil((total + lengths.length) / 8) + 1) return null;
    return { json, bits, normalized, lengths };
  } catch {
    return null;
  } finally {
    await file.close();
  }
}

/**
 * One JSON value per line, parsed a line at a time with a pause every few megabytes, and each line's key (a SHA-1
 * of its bytes); a line whose key is `known` is not parsed (null).
 */
async function parseLines(bytes: Buffer, known: KnownKeys): Promise<{ records: unknown[]; keys: string[] }> {
  const records: unknown[] = [];
  const keys: string[] = [];
  let sincePause = 0;
  for (let from = 0; from < bytes.byteLength; ) {
    const end = bytes.indexOf(0x0a, from);
    if (end < 0) throw new Error('the last record has no line end');
    const key = recordKey(bytes.subarray(from, end));
    keys.push(key);
    records.push(known.has(key) ? null : JSON.parse(bytes.toString('utf8', from, end)));
    sincePause += end - from;
    from = end + 1;
    if (sincePause > HASH_STEP / 4) {
      sincePause = 0;
      await pause();
    }
  }
  return { records, keys };
}

/** The key of a record: a SHA-1 of its line's bytes, a string taken as UTF-8 (SHA-1 ran at twice MD5's speed here). */
function recordKey(line: string | Buffer): string {
  return createHash('sha1').update(line).digest('base64');
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

function bytesOf(array: Float64Array | Uint32Array | Int32Array | Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Pads to a multiple of 8 bytes so that every section starts aligned; the header says how much is content. */
function pad8(buf: Buffer): Buffer {
  const extra = (8 - (buf.byteLength % 8)) % 8;
  return extra === 0 ? buf : Buffer.concat([buf, Buffer.alloc(extra, 0x20)]);
}

/**
 * A typed array over a section read by openCacheFile, where it lies: the section's buffer is its own
 * (allocUnsafeSlow, not a slice of Node's pool), so it starts aligned and needs no copy.
 */
function view<T>(Type: { new (buffer: ArrayBuffer, offset: number, length: number): T; readonly BYTES_PER_ELEMENT: number }, section: Buffer): T {
  if (section.byteOffset % Type.BYTES_PER_ELEMENT !== 0) throw new Error('a section is not aligned');
  return new Type(section.buffer as ArrayBuffer, section.byteOffset, section.byteLength / Type.BYTES_PER_ELEMENT);
}
