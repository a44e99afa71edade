import { readFile } from 'node:fs/promises';

/** The RSS of a process in MB (0 when it is gone). */
export async function rssMB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
}

/** A process and its descendants (job processes, their own), the process first. */
export async function processTree(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const below = await Promise.all(children.split(/\s+/).filter(Boolean).map((c) => processTree(Number(c))));
  return [pid, ...below.flat()];
}

/** The RSS of a process and its descendants together, in MB. */
export async function treeRssMB(pid: number): Promise<number> {
  const mbs = await Promise.all((await processTree(pid)).map(rssMB));
  return mbs.reduce((a, b) => a + b, 0);
}
