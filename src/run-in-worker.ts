import { isMainThread, Worker } from 'node:worker_threads';

/**
 * Runs jobs off the main thread in one long-lived worker thread. A worker that loads nodejieba keeps some 250 MB
 * of native memory after it ends, so workers are not started per job: every job (word edges, phrase counts, index
 * rebuilds) goes to the same worker, one at a time. A job started inside the worker runs inline there.
 *
 * A job module exports `run(job)`; its answer comes back by structured clone (typed arrays are transferred).
 */
export async function runInWorker<Job, Answer>(module: URL, job: Job, what: string): Promise<Answer> {
  if (!isMainThread) return (await import(module.href)).run(job) as Answer;
  return jobWorker().submit(module.href, job, what) as Promise<Answer>;
}

/**
 * Stops the job worker, if one runs, before the process exits: exiting while it is inside jieba's native code can
 * end the process by a signal instead of its exit code.
 */
export async function stopJobWorker(): Promise<void> {
  await shared?.stop();
}

/** The URL of a job module beside `base`, with the ending the running code has (.ts under tsx, .js built). */
export function workerUrl(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

type Pending = { resolve: (value: unknown) => void; reject: (err: Error) => void; what: string };

let shared: ReturnType<typeof startJobWorker> | null = null;

function jobWorker() {
  shared ??= startJobWorker();
  return shared;
}

/** Starts the job worker; it keeps the process alive only while a job is pending. */
function startJobWorker() {
  const entry = workerUrl('job-worker', import.meta.url).href;
  const worker = entry.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true })
    : new Worker(new URL(entry));
  worker.unref();
  const pending = new Map<number, Pending>();
  let next = 0;
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(new Error(`zhengce: ${p.what} failed: ${err.message}`));
    pending.clear();
    shared = null;
  };
  worker.on('message', (reply: { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string }) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(`zhengce: ${p.what} failed: ${reply.error}`));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the job worker stopped with code ${code}`)));
  return {
    /** Ends the worker; pending jobs are dropped unanswered (the process is about to exit). */
    async stop(): Promise<void> {
      pending.clear();
      worker.removeAllListeners('exit');
      await worker.terminate();
      shared = null;
    },
    submit(module: string, job: unknown, what: string): Promise<unknown> {
      const id = next++;
      worker.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, what });
        worker.postMessage({ id, module, job });
      });
    },
  };
}
