import { parentPort } from 'node:worker_threads';

/** The long-lived job worker (see run-in-worker.ts): runs each job module's `run(job)` in turn and answers. */
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (message: { id: number; module: string; job: unknown }) => {
  queue = queue.then(async () => {
    try {
      const value = await (await import(message.module)).run(message.job);
      const transfer = ArrayBuffer.isView(value) ? [value.buffer as ArrayBuffer] : [];
      parentPort?.postMessage({ id: message.id, ok: true, value }, transfer);
    } catch (err) {
      parentPort?.postMessage({ id: message.id, ok: false, error: (err as Error).message });
    }
  });
});
