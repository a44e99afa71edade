import { setFlagsFromString } from 'node:v8';
import type { Config } from '../config.js';
import { createLiveEngine } from '../engine.js';
import { createLogger } from '../logger.js';
import { ensureJieba } from '../tokenize/tokenize-text.js';
import { buildProgressBar } from './progress-bar.js';
import { createApp } from '../server/create-app.js';
import { listenLenient } from '../server/listen-lenient.js';
import { stopJobProcesses } from '../run-in-process.js';

/**
 * Lets V8's old space grow to twice what was live at the last full collection before it collects again, instead of
 * the up to four times V8 allows by default. Under 50 connections on the laws corpus the main heap went from 450 MB
 * to 1,100 MB between two collections (RSS 1.77 GB); bounded, it stays under 620 MB (RSS ≤ 1.18 GB) at the same
 * throughput (5,400–6,100 requests/s here). A growth of 30% held RSS at 990 MB but raised p99 from ~29 to ~40 ms.
 */
function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=100');
}

/** How long a shutdown waits for requests in flight before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Builds or loads the index, then serves it, rebuilding as the corpus folder changes, until SIGTERM/SIGINT:
 * then it stops accepting, lets requests in flight finish (at most 10 s), stops the watcher and exits 0; a second
 * signal exits at once.
 */
export async function serve(config: Config): Promise<void> {
  boundHeapGrowth();
  const logger = createLogger();
  const engine = await createLiveEngine({ corpusDir: config.corpusDir, cacheDir: config.cacheDir, userDict: config.userDict, slogans: config.slogans, indicatorSynonyms: config.indicatorSynonyms, logger, phrases: 'eager', watch: config.watch, onProgress: buildProgressBar() });
  const app = createApp(engine, { logger, publicUrl: config.publicUrl });
  const server = listenLenient(app, config.port, config.host, () => {
    logger.info(`serving ${engine.documents.length} documents at http://${config.host}:${config.port}`);
    // jieba's dictionaries (0.9 s) load now rather than inside the first search that needs related results.
    setImmediate(ensureJieba);
  });
  server.on('error', (err) => {
    logger.error(`cannot listen on ${config.host}:${config.port}: ${err.message}`);
    process.exitCode = 1;
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: closing the server (requests in flight get ${SHUTDOWN_GRACE_MS / 1000} s)`);
    setTimeout(() => {
      logger.warn('requests still in flight after the grace period: exiting');
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
    server.close(() => void engine.close().then(() => process.exit(0)));
    // A rebuild's job process is not waited for: it is ended, and the next start builds again.
    stopJobProcesses();
    (server as typeof server & { http?: { closeIdleConnections(): void } }).http?.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
