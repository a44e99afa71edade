import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import helmet from 'helmet';
import { fileURLToPath } from 'node:url';
import { requestLog } from './request-log.js';
import { serverTiming } from './server-timing.js';
import type { Engine, LiveEngine } from '../engine.js';
import { engineStatus, noticeMiddleware, processMemory, statusNotice } from './index-status.js';
import { responseCache } from './response-cache.js';
import { silentLogger, type Logger } from '../logger.js';
import { analysisRoutes } from './analysis-routes.js';
import { apiRoutes } from './api-routes.js';
import { pageRoutes } from './page-routes.js';
import { timelineRoutes } from './timeline-routes.js';
import { compareRoutes } from './compare-routes.js';
import { sloganRoutes } from './slogan-routes.js';
import { copyRoutes } from './copy-routes.js';
import { figureRoutes } from './figure-routes.js';
import { BadRequestError } from './validate-params.js';

const VIEWS_DIR = fileURLToPath(new URL('../../views', import.meta.url));
const STATIC_DIR = fileURLToPath(new URL('../../views/static', import.meta.url));

/** Options of the HTTP app. */
export interface AppOptions {
  /** pino logger for one line per request; omitted, requests are not logged. */
  readonly logger?: Logger & { child?: unknown };
  /** The address users reach the server at (`PUBLIC_URL`), for permalinks; omitted, the request's own. */
  readonly publicUrl?: string | null;
}

/** The Express app over an engine (no `listen`: the CLI and the tests decide where it runs). */
export function createApp(engine: Engine | LiveEngine, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(serverTiming);
  // Served over plain HTTP on a local interface: no HTTPS upgrade and no HSTS, which would pin localhost to HTTPS.
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null, 'style-src': ["'self'"], 'script-src': ["'self'"] } },
      strictTransportSecurity: false,
    }),
  );
  if (options.logger && options.logger !== silentLogger) app.use(requestLog(options.logger));
  app.use(rejectMalformedQuery);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.use('/static', express.static(STATIC_DIR, { maxAge: '1h' }));
  // Browsers ask for /favicon.ico on every page whatever the page links; answer it rather than log a 404 each time.
  app.get('/favicon.ico', (_req, res) => res.sendFile(`${STATIC_DIR}/favicon.ico`, { maxAge: '7d' }));
  app.use(noticeMiddleware(engine));
  app.get('/api/status', (_req, res) => res.json({ ...engineStatus(engine), memory: processMemory() }));
  app.use(responseCache(engine, () => statusNotice(engineStatus(engine))));
  app.use(analysisRoutes(engine));
  app.use(timelineRoutes(engine));
  app.use(compareRoutes(engine));
  app.use(sloganRoutes(engine));
  app.use(copyRoutes(engine));
  app.use(figureRoutes(engine));
  app.use('/api', apiRoutes(engine));
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such API endpoint' });
  });
  app.use(pageRoutes(engine, options.publicUrl ?? null));
  app.use((_req, res) => {
    res.status(404).render('error', { title: '未找到 — 政策检索', status: 404, message: '没有这个页面。' });
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

/**
 * Bad requests say what is wrong; anything else is logged and answered without a stack trace. The API answers
 * JSON, the pages answer a page in the same layout.
 */
function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = typeof err?.status === 'number' && ((err.status >= 400 && err.status < 500) || err.status === 503) ? err.status : 500;
    if (status === 503) res.set('Retry-After', '5');
    const message = status === 500 ? 'internal error; the server log has the details' : badRequestMessage(err);
    // 503 is not the user's error: the page says 请稍候 rather than 请求有误.
    if (status === 500) logger.error({ err, url: req.originalUrl }, 'request failed');
    if (req.originalUrl.startsWith('/api/')) {
      res.status(status).json({ error: message });
      return;
    }
    const title = status === 500 ? '出错了' : status === 503 ? '请稍候' : '请求有误';
    res.status(status).render('error', { title: `${title} — 政策检索`, status, message: status === 500 ? '服务器内部错误，详情见服务器日志。' : message }, (renderErr: Error | null, html?: string) => {
      if (renderErr) res.type('text').send(message);
      else res.send(html);
    });
  };
}

function badRequestMessage(err: { message?: string; type?: string }): string {
  if (err instanceof URIError || /decode param/i.test(err.message ?? '')) return 'malformed percent-encoding in the URL';
  return err.message ?? 'bad request';
}
