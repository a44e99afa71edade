import { createHash, randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Engine } from '../engine.js';

/** Options of the response cache. */
export interface ResponseCacheOptions {
  /** The most bytes of bodies kept; the least recently used go first. */
  readonly maxBytes: number;
  /** A body larger than this is not kept (a 100,000-row CSV, a whole long law). */
  readonly maxEntryBytes: number;
}

export const defaultResponseCacheOptions: ResponseCacheOptions = { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 1024 * 1024 };

type Entry = { type: string; body: Buffer; disposition: string | undefined };

/** This process's part of every answer's tag, so that a restart on a changed corpus never repeats a tag. */
const PROCESS_TAG = randomBytes(6).toString('base64url');

/**
 * Keeps the answers to GET requests (pages and JSON) by URL, so that a popular search, concordance or phrase list
 * is rendered once: the answers depend only on the host and URL and the index, and the cache is emptied when the
 * index or a background result changes (a live engine's swaps; the figures, phrase table or copies become ready),
 * or the pages' status line does. Only
 * 200 answers are kept; `tookMs` in a kept JSON answer is the time it first took.
 *
 * For the same reason an answer's ETag is made from its key and the basis's number rather than by hashing the body
 * (Express's default hashed every answer, a kept one again each time it was sent), and a request whose
 * If-None-Match holds it gets a 304 before anything is rendered.
 */
export function responseCache(engine: Engine, notice: () => string | null, options: ResponseCacheOptions = defaultResponseCacheOptions): RequestHandler {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  // What the answers were made from: the index, the pages' status line, and each background result as it comes.
  let basis: readonly unknown[] = [];
  let basisNumber = 0;
  return (req, res, next) => {
    if (req.method !== 'GET' || req.path === '/api/status') return next();
    const now = [engine.index, notice(), ...engine.backgroundResults()];
    if (now.some((value, k) => value !== basis[k])) {
      entries.clear();
      bytes = 0;
      basis = now;
      basisNumber++;
    }
    // Pages cite with the request's own origin when PUBLIC_URL is not set.
    const key = `${req.headers.host ?? ''} ${req.originalUrl}`;
    res.setHeader('ETag', `W/"${PROCESS_TAG}.${basisNumber}.${createHash('sha1').update(key).digest('base64url')}"`);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit); // most recently used last
      res.type(hit.type);
      if (hit.disposition) res.setHeader('Content-Disposition', hit.disposition);
      res.setHeader('X-Cache', 'hit');
      res.send(hit.body);
      return;
    }
    keepWhatIsSent(res, (entry) => {
      if (entry.body.byteLength > options.maxEntryBytes) return;
      entries.set(key, entry);
      bytes += entry.body.byteLength;
      for (const [old, e] of entries) {
        if (bytes <= options.maxBytes) break;
        entries.delete(old);
        bytes -= e.body.byteLength;
      }
    });
    next();
  };
}

/** Calls `keep` with what a 200 answer sends (res.render and res.json both end in res.send). */
function keepWhatIsSent(res: Response, keep: (entry: Entry) => void): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    res.send = send;
    // An error is not named by its URL (a 503 while figures are read): Express tags it by its body instead.
    if (res.statusCode !== 200) res.removeHeader('ETag');
    if (res.statusCode === 200 && (typeof body === 'string' || Buffer.isBuffer(body))) {
      const type = String(res.getHeader('Content-Type') ?? 'text/html; charset=utf-8');
      const disposition = res.getHeader('Content-Disposition') as string | undefined;
      keep({ type, body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), disposition });
    }
    return send(body as never);
  };
}
