import type { RequestHandler } from 'express';
import onHeaders from 'on-headers';

/**
 * `Server-Timing: app;dur=…` on every answer: the milliseconds from the request's arrival to its headers, which
 * are written once the body is ready (middleware, the engine, the view model and the JSON or HTML). Browsers show
 * it in their network panel, and the load benchmark takes it apart from the engine's own `tookMs` and the round
 * trip, to say where the time of a search over HTTP goes.
 */
export const serverTiming: RequestHandler = (_req, res, next) => {
  const started = performance.now();
  onHeaders(res, () => {
    res.setHeader('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`);
  });
  next();
};
