import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_EXPORTS, streamCsv } from '../../src/server/csv.js';

/** A response whose buffer is full after every write until `drain` is emitted: a slow client. */
function slowResponse() {
  const res = new EventEmitter() as EventEmitter & { chunks: string[]; ended: boolean; statusCode: number; body: unknown };
  Object.assign(res, { chunks: [], ended: false, statusCode: 200, body: null });
  const r = res as unknown as Record<string, unknown>;
  r.type = () => res;
  r.attachment = () => res;
  r.set = () => res;
  r.status = (code: number) => ((res.statusCode = code), res);
  r.json = (body: unknown) => ((res.body = body), res);
  r.write = (chunk: string) => (res.chunks.push(chunk), false);
  r.end = () => (res.ended = true);
  return res;
}

describe('streamed CSV exports', () => {
  it('wait for a slow client between chunks, and refuse a fifth export at once with a 429 that says why', async () => {
    const slow = Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => slowResponse());
    const running = slow.map((res) => streamCsv(res as unknown as Response, 'x', ['n'], 3000, (i) => [i]));
    await new Promise((resolve) => setImmediate(resolve));
    // Header written, then each waits for drain before the next thousand rows.
    expect(slow.map((r) => r.chunks.length)).toEqual(slow.map(() => 1));
    const refused = slowResponse();
    await streamCsv(refused as unknown as Response, 'x', ['n'], 10, (i) => [i]);
    expect(refused.statusCode).toBe(429);
    expect((refused.body as { error: string }).error).toMatch(/^format: at most 4 CSV exports at once/);
    for (let round = 0; round < 3; round++) {
      for (const r of slow) r.emit('drain');
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(running);
    expect(slow.every((r) => r.ended && r.chunks.length === 4 && r.chunks.join('').trim().split('\r\n').length === 3001)).toBe(true);
    // The places are free again.
    const after = slowResponse();
    const done = streamCsv(after as unknown as Response, 'x', ['n'], 10, (i) => [i]);
    after.emit('drain');
    await done;
    expect(after.statusCode).toBe(200);
  });

  it('stops writing when the client goes away', async () => {
    const res = slowResponse();
    const running = streamCsv(res as unknown as Response, 'x', ['n'], 5000, (i) => [i]);
    await new Promise((resolve) => setImmediate(resolve));
    res.emit('close');
    await running;
    expect(res.chunks).toHaveLength(1);
  });
});
