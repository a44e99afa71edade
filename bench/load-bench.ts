import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchmarkQueries, benchmarkQueriesFor } from './queries.js';
import { processTree, rssMB } from './process-rss.js';

/**
 * `npm run bench -- --load`: a server in its own process on 127.0.0.1 (the corpus copied to a temporary folder,
 * so that a rebuild can be provoked without touching the original), 50 connections for 30 s of mixed requests
 * (search API and page, concordance, document pages, phrases), then the same for three times as long while a rebuild
 * runs, its swap and the background jobs after it.
 */
export async function runLoadBench(corpusDir: string, seconds: number, connections: number): Promise<object> {
  const work = await mkdtemp(path.join(tmpdir(), 'zhengce-load-'));
  const corpus = path.join(work, 'corpus');
  await cp(corpusDir, corpus, { recursive: true });
  const port = 3900 + Math.floor(Math.random() * 500);
  const server = startServer(corpus, path.join(work, 'cache'), port);
  const rss = rssPeaks(server);
  try {
    const base = `http://127.0.0.1:${port}`;
    const docs = await waitUntilServing(base);
    rss.phase('quiet');
    const http = await httpLatency(base);
    const requests = await requestMix(base, corpus);
    const quiet = await measure(base, requests, seconds, connections);
    rss.phase('rebuild');
    // Provoke a rebuild a second into the second run: one line added to one file.
    const victim = (await listTxt(corpus))[0];
    let changedAt = 0;
    setTimeout(() => {
      changedAt = Date.now();
      void appendFile(victim, '\n本行由负载测试追加，用来触发重建。\n');
    }, 1000);
    // Three times as long: a rebuild of the laws corpus under this load takes 40–70 s (its job processes yield the
    // cores to the server), and its swap and the jobs after it (the new index loaded, the response cache emptied)
    // belong to what this phase measures.
    const during = await measure(base, requests, 3 * seconds, connections);
    const swappedDuringLoad = (await status(base)).rebuild.lastSwapAt !== null;
    // However long the rebuild takes, wait for its swap (up to 5 minutes) to report when the change was served.
    let swap = await status(base);
    for (let i = 0; i < 300 && swap.rebuild.lastSwapAt === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      swap = await status(base);
    }
    const servedAfterMs = swap.rebuild.lastSwapAt ? Date.parse(swap.rebuild.lastSwapAt) - changedAt : null;
    // The rebuild's phase of the RSS ends when the new index's figures, phrases and copies are ready too.
    await waitUntilServing(base);
    return {
      documents: docs.documents,
      httpSearch: http,
      load: quiet,
      loadDuringRebuild: { ...during, swappedDuringLoad, changeServedAfterMs: servedAfterMs, rebuildMs: swap.rebuild.lastMs },
      serverPeakRssMB: await peakRssMB(server),
      peakRssByPhaseMB: rss.peaks(),
    };
  } finally {
    rss.stop();
    server.kill('SIGTERM');
    await rm(work, { recursive: true, force: true });
  }
}

function startServer(corpus: string, cache: string, port: number): ChildProcess {
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', main, '--corpus', corpus, '--cache-dir', cache, 'serve', '--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'info' } });
}

async function status(base: string): Promise<{ rebuild: { lastSwapAt: string | null; lastMs: number | null } }> {
  return (await (await fetch(`${base}/api/status`)).json()) as { rebuild: { lastSwapAt: string | null; lastMs: number | null } };
}

async function waitUntilServing(base: string): Promise<{ documents: number }> {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${base}/api/status`);
      const status = (await res.json()) as { documents: number; phrases: string; figures: string; copies: string };
      // Every background job done, so that the measurements do not share the cores with the copy search.
      if (status.phrases === 'ready' && status.figures === 'ready' && status.copies === 'ready') return status;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('bench: the server did not become ready in 300 s');
}

/** A mix like a room of users: API searches, search pages, concordances, document pages, the phrase list. */
async function requestMix(base: string, corpus: string): Promise<{ method: 'GET'; path: string }[]> {
  const documents = ((await (await fetch(`${base}/api/documents`)).json()) as { documents: { id: string }[] }).documents;
  const queries = benchmarkQueries([], []).slice(0, 40);
  const paths: string[] = [];
  queries.forEach((q, i) => {
    const e = encodeURIComponent(q);
    paths.push(`/api/search?q=${e}`, `/search?q=${e}`);
    if (i % 4 === 0) paths.push(`/kwic?q=${encodeURIComponent(q.replace(/["-]|region:\S+|year:\S+|OR/g, '').trim().split(/\s+/)[0] || '发展')}&limit=100`);
    if (i % 4 === 1) paths.push(`/documents/${encodeURIComponent(documents[(i * 37) % documents.length].id)}`);
    if (i % 8 === 2) paths.push('/phrases?limit=50');
  });
  void corpus;
  return paths.map((p) => ({ method: 'GET' as const, path: p }));
}

async function measure(base: string, requests: { method: 'GET'; path: string }[], seconds: number, connections: number) {
  const result = await autocannon({ url: base, connections, duration: seconds, requests });
  return {
    connections,
    seconds,
    requests: result.requests.total,
    requestsPerSec: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP90Ms: result.latency.p90,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

async function listTxt(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.txt')) out.push(path.join(entry.parentPath ?? dir, entry.name));
  }
  return out.sort();
}

/**
 * The server's RSS sampled every 50 ms, peak per phase: `start` (the cold build and the background jobs until
 * everything is ready), `quiet` (the quiet load) and `rebuild` (the load during a rebuild, until its swap and jobs).
 * `withJobs` adds the RSS of its job processes (builds, word edges and figures run in children that exit);
 * `largestJob` is the largest one of them alone.
 */
function rssPeaks(child: ChildProcess) {
  const server: Record<string, number> = { start: 0 };
  const withJobs: Record<string, number> = { start: 0 };
  const largestJob: Record<string, number> = { start: 0 };
  let current = 'start';
  const timer = setInterval(async () => {
    const pids = await processTree(child.pid ?? 0);
    const mbs = await Promise.all(pids.map(rssMB));
    server[current] = Math.max(server[current] ?? 0, mbs[0] ?? 0);
    withJobs[current] = Math.max(withJobs[current] ?? 0, mbs.reduce((a, b) => a + b, 0));
    largestJob[current] = Math.max(largestJob[current] ?? 0, ...mbs.slice(1));
  }, 50);
  return {
    phase(name: string): void {
      current = name;
    },
    peaks: () => ({ server: { ...server }, withJobs: { ...withJobs }, largestJob: { ...largestJob } }),
    stop: () => clearInterval(timer),
  };
}

async function peakRssMB(child: ChildProcess): Promise<number | null> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 1024) : null;
}

/**
 * One request at a time over a keep-alive connection of node:http, with the in-process benchmark's 200 queries (its
 * regions and years taken from the server's documents in the same way): the round trip against the server's own
 * time for it (`Server-Timing: app`, arrival to headers) and the engine's (`tookMs`). What HTTP adds is the round
 * trip less the engine; of that, the server's part (middleware, view model, JSON) is its time less the engine's,
 * and the rest is the client and the loopback. `cold` asks each query for the first time since the start; `warm`
 * asks them again under other URLs (the response cache misses, the JIT is warm), as the in-process figures are
 * taken; `viaFetch` the same through `fetch` (undici), whose client alone costs a few tenths of a millisecond.
 */
async function httpLatency(base: string): Promise<object> {
  const { documents } = (await (await fetch(`${base}/api/documents`)).json()) as { documents: { region: string | null; year: number | null }[] };
  const queries = benchmarkQueriesFor(documents);
  const url = (q: string, tag: string) => `${base}/api/search?q=${encodeURIComponent(q)}&limit=10${tag}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const pass = async (tag: string) => {
    const total: number[] = [];
    const server: number[] = [];
    const engine: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      const { body, timing } = await getWithAgent(url(q, tag), agent);
      total.push(performance.now() - t0);
      engine.push((JSON.parse(body) as { tookMs?: number }).tookMs ?? 0);
      server.push(Number(/app;dur=([\d.]+)/.exec(timing)?.[1] ?? 0));
    }
    return {
      p50Ms: p(total, 0.5),
      p90Ms: p(total, 0.9),
      p99Ms: p(total, 0.99),
      engineP50Ms: p(engine, 0.5),
      serverP50Ms: p(server, 0.5),
      addedByHttpP50Ms: p(total.map((t, i) => t - engine[i]), 0.5),
      addedByServerP50Ms: p(server.map((t, i) => t - engine[i]), 0.5),
    };
  };
  const cold = await pass('');
  const warm = await pass('&pass=warm');
  agent.destroy();
  const viaFetch: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await (await fetch(url(q, '&client=fetch'))).text();
    viaFetch.push(performance.now() - t0);
  }
  const floor = await loopbackFloor(queries.length);
  return { queries: queries.length, cold, warm, fetchP50Ms: p(viaFetch, 0.5), bareServerP50Ms: p(floor, 0.5) };
}

/** The q-quantile of a list of milliseconds, to 0.01 ms. */
function p(list: readonly number[], q: number): number {
  const sorted = [...list].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100) / 100;
}

/**
 * The floor under any HTTP server on this machine: the same client's round trips to a bare node:http server in a
 * process of its own, answering a fixed 10 KB body (a search answer's size) without work.
 */
async function loopbackFloor(requests: number): Promise<number[]> {
  const port = 4400 + Math.floor(Math.random() * 500);
  const code = `const b=Buffer.alloc(10240,97);require('node:http').createServer((q,r)=>{r.setHeader('Content-Type','application/json');r.end(b)}).listen(${port},'127.0.0.1',()=>console.log('up'))`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      await getWithAgent(`http://127.0.0.1:${port}/?i=${i}`, agent);
      times.push(performance.now() - t0);
    }
    agent.destroy();
    return times;
  } finally {
    child.kill();
  }
}

function getWithAgent(url: string, agent: http.Agent): Promise<{ body: string; timing: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ body, timing: String(res.headers['server-timing'] ?? '') }));
      })
      .on('error', reject);
  });
}
