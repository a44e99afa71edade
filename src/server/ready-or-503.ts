import type { Request, Response } from 'express';

/**
 * A result the engine computes in the background (the phrase table, the copies, the figures), or — while it is not
 * ready — a 503 with Retry-After: JSON under /api, the "busy" page elsewhere. Null tells the route to stop.
 */
export function readyOr503<T>(value: T | null, req: Request, res: Response, what: { api: string; page: string }): T | null {
  if (value) return value;
  res.status(503).set('Retry-After', '5');
  if (req.originalUrl.startsWith('/api/')) res.json({ error: `${what.api}; try again in a few seconds` });
  else res.render('busy', { title: `${what.page} — 政策检索` });
  return null;
}
