import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.js';
import { createLogger } from '../src/logger.js';

/**
 * One engine start in a fresh process (jieba's dictionary load included), reported as JSON on stdout: when the
 * index was ready, then when the phrase table was (counted in its worker, or loaded from the cache).
 */
const { values } = parseArgs({ options: { corpus: { type: 'string' }, 'cache-dir': { type: 'string' } } });
const started = performance.now();
const engine = await createEngine({ corpusDir: values.corpus, cacheDir: values['cache-dir'], logger: createLogger(process.env.LOG_LEVEL ?? 'warn'), phrases: 'eager' });
const ms = Math.round(performance.now() - started);
const table = await engine.whenPhrasesReady();
const phrasesMs = Math.round(performance.now() - started - ms);
console.log(JSON.stringify({ from: engine.origin.from, ms, cacheBytes: engine.origin.cacheBytes, phrasesMs, phrases: table.phrases.length, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }));
process.exit(0);
