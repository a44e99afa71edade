import { fork, type ChildProcess } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Runs one job in a child process of its own, which exits when the job is done: every background job (index
 * builds, word edges, figures, phrases, copies). What a job leaves behind goes back to the system only when its
 * process ends: jieba's dictionaries (some 250 MB of native memory per thread that loads them), a grown heap,
 * fragments of malloc. In the long-lived worker thread these jobs ran in before, they stayed with the server for
 * as long as it ran.
 *
 * The job and the answer cross by the structured clone of `serialization: 'advanced'` (typed arrays included).
 * A job module exports `run(job, report)`; what it passes to `report` (a build's progress) reaches `onReport` as
 * it goes.
 */
export async function runInProcess<Job, Answer>(module: URL, job: Job, what: string, onReport?: (report: unknown) => void, priority: JobPriority = 'background'): Promise<Answer> {
  return (await startInProcess<Job, Answer>(module, job, what, onReport, priority)).answer;
}

/**
 * runInProcess for a caller with synchronous work to do meanwhile: resolves once the job is written to the child,
 * with the answer to come. Sending needs this thread's event loop: a large job (the 126 MB of passages of a build)
 * sent just before seconds of synchronous work reached the child only after that work, 3 s late.
 */
export function startInProcess<Job, Answer>(module: URL, job: Job, what: string, onReport?: (report: unknown) => void, priority: JobPriority = 'background'): Promise<{ readonly answer: Promise<Answer> }> {
  const entry = jobUrl('process-job', import.meta.url);
  const child = fork(fileURLToPath(entry), [], {
    serialization: 'advanced',
    execArgv: entry.href.endsWith('.ts') ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [IN_JOB_PROCESS]: '1' },
  });
  running.add(child);
  if (priority === 'background') lowerPriority(child);
  let sent: (err: Error | null) => void = () => {};
  const written = new Promise<void>((resolve, reject) => (sent = (err) => (err ? reject(err) : resolve())));
  const answer = new Promise<Answer>((resolve, reject) => {
    let answered = false;
    child.on('message', (reply: { report: unknown } | { ok: true; value: Answer } | { ok: false; error: string }) => {
      if ('report' in reply) return onReport?.(reply.report);
      answered = true;
      if (reply.ok) resolve(reply.value);
      else reject(new Error(`zhengce: ${what} failed: ${reply.error}`));
    });
    child.on('error', (err) => reject(new Error(`zhengce: ${what} failed: ${err.message}`)));
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (!answered) reject(new Error(`zhengce: ${what} failed: its process stopped with ${signal ?? `code ${code}`}`));
    });
    child.send({ module: module.href, job }, (err) => sent(err));
  });
  // The caller may await the sending first; a failure then still reaches it through `answer`.
  answer.catch(() => {});
  return written.then(() => ({ answer }), async (err: Error) => {
    await answer.catch(() => {});
    throw new Error(`zhengce: ${what} failed: ${err.message}`);
  });
}

/**
 * Below this many passages a job runs in the calling thread instead: a process's start and jieba's load (about a
 * second) cost more than such a job (word edges of 5,000 passages take some 0.1 s, their figures 0.04 s).
 */
export const SMALL_JOB_PASSAGES = 5_000;

/** Whether runApart runs a job over this many passages in a process of its own (else here). */
export function runsApart(passages: number): boolean {
  return passages >= SMALL_JOB_PASSAGES && !process.env[IN_JOB_PROCESS];
}

/** runInProcess for a job over `passages` passages, run in this thread when they are few (see SMALL_JOB_PASSAGES). */
export async function runApart<Job, Answer>(module: URL, job: Job, what: string, passages: number): Promise<Answer> {
  return (await startApart<Job, Answer>(module, job, what, passages)).answer;
}

/**
 * startInProcess, or the job run in this thread at once: for few passages, and inside a job process. A rebuild's
 * process that cut its words in a process of its own ran 3 s slower under load (24 s, against 21 s inline): the
 * server takes a core, so the cut had none to gain, and the passages' trip and a second jieba cost time.
 */
export async function startApart<Job, Answer>(module: URL, job: Job, what: string, passages: number, priority: JobPriority = 'background'): Promise<{ readonly answer: Promise<Answer> }> {
  if (runsApart(passages)) return startInProcess<Job, Answer>(module, job, what, undefined, priority);
  const run = (await import(module.href)).run as (job: Job) => Answer | Promise<Answer>;
  return { answer: Promise.resolve(run(job)) };
}

/** The URL of a job module beside `base`, with the ending the running code has (.ts under tsx, .js built). */
export function jobUrl(name: string, base: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/**
 * How a job process shares the cores with the server: `background` jobs (figures, phrases, copies) run at nice +10,
 * as on two cores they and the server's own thread compete and a request should not wait for work nobody waits
 * for; a `normal` one (an index build and its word edges, which a changed corpus waits for) at the server's
 * priority. With the build at nice +10 too, a rebuild under 50 connections on laws took 89 s instead of 41–52 s.
 */
export type JobPriority = 'background' | 'normal';

const JOB_NICENESS = 10;

function lowerPriority(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, Math.min(19, getPriority() + JOB_NICENESS));
  } catch {
    // Not allowed here (some containers): the job runs at the server's priority.
  }
}

/** Set in a job process's environment. */
const IN_JOB_PROCESS = 'ZHENGCE_JOB_PROCESS';

const running = new Set<ChildProcess>();

/** Ends the job processes still running (the server is shutting down; their answers are not needed). */
export function stopJobProcesses(): void {
  for (const child of running) child.kill('SIGTERM');
}
