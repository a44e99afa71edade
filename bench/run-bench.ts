import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.js';
import { createLogger } from '../src/logger.js';
import { judgeRanking, loadJudgedQueries } from './judge-ranking.js';
import { runLoadBench } from './load-bench.js';
import { runPeerBench } from './peer-bench.js';
import { benchmarkQueriesFor } from './queries.js';

/**
 * `npm run bench [-- --corpus DIR]`: cold build, cache size and load, heap, and query latency, printed as JSON.
 * Cold and warm starts each run in a fresh process, as `npm start` would (jieba's dictionary load included);
 * queries run in this process on an engine loaded from the cache. Progress goes to stderr; figures to stdout.
 * `--peer` adds SQLite FTS5 over the same passages and queries, side by side (peer-bench.ts).
 */
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'corpus' },
    runs: { type: 'string', default: '3' },
    limit: { type: 'string', default: '10' },
    load: { type: 'boolean', default: false },
    peer: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
  },
});
const corpusDir = path.resolve(values.corpus);
if (values.load) {
  console.log(JSON.stringify(await runLoadBench(corpusDir, Number(values.seconds), Number(values.connections)), null, 2));
  process.exit(0);
}
const runs = Number(values.runs);
const limit = Number(values.limit);
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;

/** Starts an engine in a fresh process, as `npm start` would, and returns how it went. */
function startInChild(cacheDir: string): { from: string; ms: number; blockedMaxMs: number; cacheBytes: number; figuresMs: number; figures: number; phrasesMs: number; phrasesExtraRssMB: number; phrases: number; copiesMs: number; copies: number; maxRssMB: number; maxTreeRssMB: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./start-engine.ts', import.meta.url)), '--corpus', corpusDir, '--cache-dir', cacheDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}');
}

const cacheDir = await mkdtemp(path.join(tmpdir(), 'zhengce-bench-'));
try {
  const cold = startInChild(cacheDir);
  const warmStart = startInChild(cacheDir);
  if (cold.from !== 'build' || warmStart.from !== 'cache') throw new Error(`bench: expected a build then a cache load, got ${cold.from} then ${warmStart.from}`);
  const coldMs = cold.ms;
  // The phrase count once more, in a process that loaded the index from the cache: its time and its own memory.
  for (const dir of await readdir(cacheDir)) await rm(path.join(cacheDir, dir, 'phrases.json'), { force: true });
  const recount = startInChild(cacheDir);
  const warm = await createEngine({ corpusDir, cacheDir, logger });
  if (warm.origin.from !== 'cache') throw new Error('bench: the in-process start did not load the cache');
  const passages = warm.index.passages.length;
  const chars = warm.index.normalized.reduce((sum, t) => sum + t.length, 0);
  gc();
  const heapAfterLoad = process.memoryUsage().heapUsed;
  const queries = benchmarkQueriesFor(warm.documents);
  for (const q of queries) warm.search({ q, limit }); // warm the JIT once
  const times: number[] = [];
  const slowest: { q: string; ms: number }[] = [];
  for (let r = 0; r < runs; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      warm.search({ q, limit });
      const ms = performance.now() - t0;
      times.push(ms);
      slowest.push({ q, ms });
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] * 100) / 100;
  // The baseline an index has to beat: a plain scan of every passage with includes.
  const scanStart = performance.now();
  const scanQueries = ['发展', '乡村振兴', '依照本法规定', '人居环境整治', '罚款'];
  for (const q of scanQueries) warm.index.normalized.filter((t) => t.includes(q)).length;
  const scanMs = (performance.now() - scanStart) / scanQueries.length;
  // Ranking quality where judgments exist (the sample corpus): nDCG@10 over the judged queries.
  const judged = loadJudgedQueries();
  const ranking = path.resolve(judged.corpus) === corpusDir ? judgeRanking((q, k) => warm.search({ q, limit: k }).hits.map((h) => h.passage.id), judged) : null;
  console.log(
    JSON.stringify(
      {
        corpus: corpusDir,
        documents: warm.documents.length,
        passages,
        characters: chars,
        coldStartMs: coldMs,
        cacheBytes: warmStart.cacheBytes,
        cacheMB: mb(warmStart.cacheBytes ?? 0),
        warmStartMs: warmStart.ms,
        // What a swap holds requests for at most: a warm start's longest stretch without a turn of the event loop.
        warmStartBlockedMaxMs: warmStart.blockedMaxMs,
        warmSpeedup: Math.round((coldMs / warmStart.ms) * 10) / 10,
        heapAfterLoadMB: mb(heapAfterLoad),
        rssMB: mb(process.memoryUsage().rss),
        queries: queries.length,
        measurements: times.length,
        limit,
        queryP50Ms: pct(50),
        queryP90Ms: pct(90),
        queryP99Ms: pct(99),
        queryMaxMs: pct(100),
        slowestQueries: slowest.sort((a, b) => b.ms - a.ms).slice(0, 5).map((s) => `${s.q} ${s.ms.toFixed(1)}ms`),
        plainScanMsPerQuery: Math.round(scanMs * 100) / 100,
        // The background jobs, one after another in the worker; the peak is the whole cold process's.
        figureExtraction: { figures: cold.figures, buildMs: cold.figuresMs, cacheLoadMs: warmStart.figuresMs },
        phraseAnalysis: { phrases: cold.phrases, buildMs: cold.phrasesMs, cacheLoadMs: warmStart.phrasesMs, peakRssMB: cold.maxRssMB, peakRssWithJobsMB: cold.maxTreeRssMB, recountMs: recount.phrasesMs, recountExtraRssMB: recount.phrasesExtraRssMB },
        copySearch: { pairs: cold.copies, buildMs: cold.copiesMs, cacheLoadMs: warmStart.copiesMs },
        ...(ranking ? { rankingNdcgAt10: ranking.ndcgAt10, rankingPerQuery: ranking.perQuery } : {}),
        ...(values.peer ? { peer: runPeerBench(warm, queries, limit, runs) } : {}),
      },
      null,
      2,
    ),
  );
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}
