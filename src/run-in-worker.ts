import { Worker } from 'node:worker_threads';

/**
 * Runs a worker script (a module that answers one message with `{ ok, value }` or `{ ok: false, error }`) and
 * returns its answer. Under tsx (TypeScript run directly) the worker registers tsx's loader first, since workers
 * do not inherit it. `script` is the URL of the worker module as its caller's `import.meta.url` resolves it.
 */
export function runInWorker<Job, Answer>(script: URL, job: Job, what: string, transfer: readonly ArrayBuffer[] = []): Promise<Answer> {
  const href = script.href;
  const worker = href.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(href)}); })`, { eval: true })
    : new Worker(script);
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: { ok: true; value: Answer } | { ok: false; error: string }) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.value);
      else reject(new Error(`zhengce: ${what} failed: ${reply.error}`));
    });
    worker.once('error', (err) => reject(err));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`zhengce: ${what} worker stopped with code ${code}`));
    });
    worker.postMessage(job, transfer as ArrayBuffer[]);
  });
}

/** The URL of a worker module beside `base`, with the ending the running code has (.ts under tsx, .js built). */
export function workerUrl(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}
