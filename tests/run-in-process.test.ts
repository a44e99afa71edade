import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runApart, runInProcess, SMALL_JOB_PASSAGES } from '../src/run-in-process.js';

const echo = new URL('./fixtures/jobs/echo-job.ts', import.meta.url);
type Echo = { pid: number; priority: number; text: string; lengths: Uint32Array };

describe('runInProcess', () => {
  it('runs the job in a process of its own, which is gone once it answered; typed arrays cross whole', async () => {
    const answer = await runInProcess<object, Echo>(echo, { text: '推进乡村振兴', lengths: Uint32Array.from([2, 4]) }, 'echo');
    expect(answer.pid).not.toBe(process.pid);
    expect(answer.text).toBe('推进乡村振兴');
    expect(answer.lengths).toEqual(Uint32Array.from([2, 4]));
    // Below the server's priority, so that requests win the cores over background work.
    expect(answer.priority).toBe(Math.min(19, getPriority() + 10));
    // Signal 0 only asks whether the process exists.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(() => process.kill(answer.pid, 0)).toThrow();
  });

  it("passes on the job's reports as they come, before its answer", async () => {
    const reports: unknown[] = [];
    await runInProcess(echo, { text: '', lengths: new Uint32Array(0), reports: 3 }, 'echo', (r) => reports.push(r));
    expect(reports).toEqual([{ step: 1 }, { step: 2 }, { step: 3 }]);
  });

  it('passes on a failed job and a process that stops without answering, naming the job', async () => {
    await expect(runInProcess(echo, { text: '', lengths: new Uint32Array(0), fail: true }, 'echo')).rejects.toThrow('zhengce: echo failed: the job was told to fail');
    await expect(runInProcess(echo, { text: '', lengths: new Uint32Array(0), exit: true }, 'echo')).rejects.toThrow('its process stopped with code 3');
  });

  it('runs a job over few passages in this thread, one over many in a process, and any in a job process inline', async () => {
    const small = await runApart<object, Echo>(echo, { text: '小', lengths: new Uint32Array(0) }, 'echo', SMALL_JOB_PASSAGES - 1);
    const large = await runApart<object, Echo>(echo, { text: '大', lengths: new Uint32Array(0) }, 'echo', SMALL_JOB_PASSAGES);
    expect(small.pid).toBe(process.pid);
    expect(large.pid).not.toBe(process.pid);
    const nested = await runInProcess<object, Echo & { innerPid: number }>(echo, { text: '', lengths: new Uint32Array(0), nested: true }, 'echo');
    expect(nested.innerPid).toBe(nested.pid);
  });
});
