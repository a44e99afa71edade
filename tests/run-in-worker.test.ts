import { describe, expect, it } from 'vitest';
import { runInWorker } from '../src/run-in-worker.js';

const heapJob = new URL('./fixtures/jobs/heap-job.ts', import.meta.url);

describe('the job worker', () => {
  it('collects what a job left once its queue is empty, so that an idle worker does not sit on it', async () => {
    expect(await runInWorker(heapJob, { hold: true }, 'hold')).toBe(4_000_000);
    // The objects are garbage now; an idle worker allocates nothing that would make V8 collect them by itself.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await runInWorker(heapJob, { measure: true }, 'measure')).toBeLessThan(60);
  });
});
