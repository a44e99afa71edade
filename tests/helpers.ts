import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../src/engine.js';
import { createApp } from '../src/server/create-app.js';
import type { Logger } from '../src/logger.js';

/** The sample corpus shipped in the repo (seven reports from seven towns). */
export const SAMPLE_CORPUS = fileURLToPath(new URL('../corpus', import.meta.url));

let sample: Promise<Engine> | null = null;

/** One engine over the sample corpus per test file, kept in memory (no cache directory). */
export function sampleEngine(): Promise<Engine> {
  sample ??= createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: null });
  return sample;
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'zhengce-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** A logger that keeps its messages, for asserting what was said. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (obj: object | string, msg?: string) => lines.push(typeof obj === 'string' ? obj : msg ?? JSON.stringify(obj));
  return { lines, info: record, warn: record, error: record };
}

/** The sample engine with its phrase table counted, and an app over it (for the analysis pages and APIs). */
export async function sampleAppWithPhrases(): Promise<{ engine: Engine; app: ReturnType<typeof createApp> }> {
  const engine = await sampleEngine();
  await engine.whenPhrasesReady();
  return { engine, app: createApp(engine) };
}
