import { Worker } from 'node:worker_threads';
import type { PhraseTable } from './phrase-table.js';
import type { PhraseJob } from './phrase-worker.js';

/**
 * Builds the phrase table in a worker thread. Under tsx (TypeScript run directly) the worker registers tsx's
 * loader first, since workers do not inherit it.
 */
export function analyzeInWorker(job: PhraseJob): Promise<PhraseTable> {
  const script = new URL(`./phrase-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  const worker = script.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`, { eval: true })
    : new Worker(new URL(script));
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: { ok: true; table: PhraseTable } | { ok: false; error: string }) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.table);
      else reject(new Error(`zhengce: phrase analysis failed: ${reply.error}`));
    });
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`zhengce: phrase analysis worker stopped with code ${code}`));
    });
    worker.postMessage(job);
  });
}
