import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.js';
import { createLogger } from '../src/logger.js';
import { treeRssMB } from './process-rss.js';

/**
 * One engine start in a fresh process (jieba's dictionary load included), reported as JSON on stdout: when the
 * index was ready, the longest the event loop was held meanwhile, then how long each background job took, in their order — figures, the phrase table, the
 * copies (computed, or loaded from the cache), and how far RSS rose above its level while the phrases were counted.
 */
const { values } = parseArgs({ options: { corpus: { type: 'string' }, 'cache-dir': { type: 'string' } } });
const started = performance.now();
// This process with its job processes (the background jobs run in children), sampled every 20 ms.
let treePeakMB = 0;
let treeNowMB = 0;
const treeSampler = setInterval(async () => {
  treeNowMB = await treeRssMB(process.pid);
  treePeakMB = Math.max(treePeakMB, treeNowMB);
}, 20);
// The longest the event loop was held while the engine opened: what a request waits at most during a swap.
let lastTick = started;
let blockedMaxMs = 0;
const ticker = setInterval(() => {
  const now = performance.now();
  blockedMaxMs = Math.max(blockedMaxMs, now - lastTick);
  lastTick = now;
}, 1);
const engine = await createEngine({ corpusDir: values.corpus, cacheDir: values['cache-dir'], logger: createLogger(process.env.LOG_LEVEL ?? 'warn'), phrases: 'eager' });
const ms = Math.round(performance.now() - started);
clearInterval(ticker);
blockedMaxMs = Math.round(Math.max(blockedMaxMs, performance.now() - lastTick));
const since = (t: number) => Math.round(performance.now() - t);
let t = performance.now();
const figures = await engine.whenFiguresReady();
const figuresMs = since(t);
// The phrase count's own memory: RSS of this process and its job process sampled while it runs, above where it started.
const rssAtStart = await treeRssMB(process.pid);
let rssPeak = rssAtStart;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeNowMB)), 20);
t = performance.now();
const table = await engine.whenPhrasesReady();
const phrasesMs = since(t);
clearInterval(sampler);
const phrasesExtraRssMB = rssPeak - rssAtStart;
t = performance.now();
const copies = await engine.whenCopiesReady();
const copiesMs = since(t);
console.log(JSON.stringify({ from: engine.origin.from, ms, blockedMaxMs, cacheBytes: engine.origin.cacheBytes, figuresMs, figures: figures.records.length, phrasesMs, phrases: table.phrases.length, phrasesExtraRssMB, copiesMs, copies: copies.pairs.length, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), maxTreeRssMB: treePeakMB }));
process.exit(0);
