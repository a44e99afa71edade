import type { RequestHandler } from 'express';
import { backgroundStates, type Engine, type EngineStatus, type LiveEngine } from '../engine.js';

/** How long after a swap the pages say the index was updated. */
const SWAP_NOTICE_MS = 5 * 60_000;

/** The status of an engine: a live engine's own, or a fixed one for an engine that does not watch its corpus. */
export function engineStatus(engine: Engine | LiveEngine): EngineStatus {
  if ('status' in engine) return engine.status();
  return {
    corpusDir: '',
    documents: engine.documents.length,
    passages: engine.index.passages.length,
    skipped: engine.skipped.length,
    origin: engine.origin,
    servingSince: '',
    watching: false,
    // Read without starting anything: a lazy engine (tests, the CLI) starts its jobs only when a view needs them.
    ...backgroundStates(engine),
    rebuild: { running: false, startedAt: null, progress: null, pending: false, lastSwapAt: null, lastMs: null, lastError: null },
  };
}

/**
 * The server process's memory in MB, for `/api/status` (jieba's native memory included; job processes, which
 * come and go, are not).
 */
export function processMemory(): { rssMB: number; heapUsedMB: number; heapTotalMB: number; arrayBuffersMB: number } {
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  return { rssMB: mb(m.rss), heapUsedMB: mb(m.heapUsed), heapTotalMB: mb(m.heapTotal), arrayBuffersMB: mb(m.arrayBuffers) };
}

/** The line the pages show about the index, if any: a rebuild under way, a recent swap, or a failed rebuild. */
export function statusNotice(status: EngineStatus, now = Date.now()): string | null {
  const { rebuild } = status;
  if (rebuild.running) return '语料有变化，正在后台更新索引；更新完成前显示的是上一版索引的结果。';
  if (rebuild.lastError) return `索引更新失败，仍在使用上一版索引：${rebuild.lastError}`;
  if (rebuild.lastSwapAt && now - Date.parse(rebuild.lastSwapAt) < SWAP_NOTICE_MS) return `索引已于 ${rebuild.lastSwapAt.slice(11, 19)}（UTC）更新，现有 ${status.documents} 篇文档。`;
  return null;
}

/** Puts the status notice where the page layout shows it. */
export function noticeMiddleware(engine: Engine | LiveEngine): RequestHandler {
  return (_req, res, next) => {
    res.locals.notice = statusNotice(engineStatus(engine));
    next();
  };
}
