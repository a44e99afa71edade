import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.js';
import { createLogger } from '../src/logger.js';

/** One engine start in a fresh process (jieba's dictionary load included), reported as JSON on stdout. */
const { values } = parseArgs({ options: { corpus: { type: 'string' }, 'cache-dir': { type: 'string' } } });
const started = performance.now();
const engine = await createEngine({ corpusDir: values.corpus, cacheDir: values['cache-dir'], logger: createLogger(process.env.LOG_LEVEL ?? 'warn') });
console.log(JSON.stringify({ from: engine.origin.from, ms: Math.round(performance.now() - started), cacheBytes: engine.origin.cacheBytes }));
