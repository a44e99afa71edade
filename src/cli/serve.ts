import type { Config } from '../config.js';
import { createEngine } from '../engine.js';
import { createLogger } from '../logger.js';
import { createApp } from '../server/create-app.js';
import { listenLenient } from '../server/listen-lenient.js';

/** Builds or loads the index, then serves it until SIGTERM/SIGINT, closing connections gracefully. */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger();
  const engine = await createEngine({ corpusDir: config.corpusDir, cacheDir: config.cacheDir, userDict: config.userDict, logger, phrases: 'eager' });
  const app = createApp(engine, { logger, publicUrl: config.publicUrl });
  const server = listenLenient(app, config.port, config.host, () => {
    logger.info(`serving ${engine.documents.length} documents at http://${config.host}:${config.port}`);
  });
  server.on('error', (err) => {
    logger.error(`cannot listen on ${config.host}:${config.port}: ${err.message}`);
    process.exitCode = 1;
  });
  const stop = (signal: string) => {
    logger.info(`${signal}: closing the server`);
    server.close(() => process.exit(0));
    (server as typeof server & { http?: { closeIdleConnections(): void } }).http?.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
