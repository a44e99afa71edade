import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Engine } from '../engine.js';
import { silentLogger, type Logger } from '../logger.js';
import { apiRoutes } from './api-routes.js';
import { BadRequestError } from './validate-params.js';

/** Options of the HTTP app. */
export interface AppOptions {
  /** pino logger for one line per request; omitted, requests are not logged. */
  readonly logger?: Logger & { child?: unknown };
}

/** The Express app over an engine (no `listen`: the CLI and the tests decide where it runs). */
export function createApp(engine: Engine, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(helmet());
  if (options.logger && options.logger !== silentLogger) {
    app.use(
      pinoHttp({
        logger: options.logger as never,
        serializers: { req: (req) => ({ method: req.method, url: req.url }), res: (res) => ({ status: res.statusCode }) },
        customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      }),
    );
  }
  app.use(rejectMalformedQuery);
  app.use('/api', apiRoutes(engine));
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such API endpoint' });
  });
  app.use(errorHandler(options.logger ?? silentLogger));
  return app;
}

/** The query parser decodes bad percent-encoding silently; a user should hear that the URL is broken. */
const rejectMalformedQuery: RequestHandler = (req, _res, next) => {
  const raw = req.originalUrl.split('?')[1] ?? '';
  try {
    for (const part of raw.split('&')) decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    throw new BadRequestError('malformed percent-encoding in the query string');
  }
  next();
};

/** Bad requests say what is wrong; anything else is logged and answered without a stack trace. */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    const message = status === 500 ? 'internal error; the server log has the details' : badRequestMessage(err);
    if (status === 500) logger.error({ err, url: req.originalUrl }, 'request failed');
    res.status(status).json({ error: message });
  };
}

function badRequestMessage(err: { message?: string; type?: string }): string {
  if (err instanceof URIError || /decode param/i.test(err.message ?? '')) return 'malformed percent-encoding in the URL';
  return err.message ?? 'bad request';
}
