import { cp, rename, rm, writeFile } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLiveEngine, type LiveEngine } from '../src/engine.js';
import { createApp } from '../src/server/create-app.js';
import { recordingLogger, SAMPLE_CORPUS, tempDir } from './helpers.js';

const report = (town: string, words: string) => `${town}2024年政府工作报告\n各位代表：过去一年，我们${words}，各项工作取得新成效，群众获得感不断增强。\n`;

/** Waits until `done` holds, checking every 100 ms, for at most `ms`. */
async function waitFor(done: () => boolean, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const found = (engine: LiveEngine, q: string) => engine.search({ q }).total;

describe('a live corpus', () => {
  it('serves a file added, changed and removed under a running server, while a loop of requests sees no error', { timeout: 180_000 }, async () => {
    const corpus = await tempDir();
    await writeFile(path.join(corpus, 'a.txt'), report('港门镇', '推进乡村振兴'));
    const engine = await createLiveEngine({ corpusDir: corpus, cacheDir: await tempDir(), debounceMs: 200 });
    const app = createApp(engine);
    const statuses: number[] = [];
    let stop = false;
    const loop = (async () => {
      while (!stop) statuses.push((await request(app).get('/api/search').query({ q: '乡村振兴' })).status);
    })();
    try {
      // An answer kept by the response cache before the swap must not outlive it.
      const cached = () => request(app).get('/api/search').query({ q: '河长制巡查' }).set('Host', 'search.example');
      expect((await cached()).body.total).toBe(0);
      expect((await cached()).headers['x-cache']).toBe('hit');
      await writeFile(path.join(corpus, 'b.txt'), report('南山镇', '落实河长制巡查'));
      await waitFor(() => found(engine, '河长制巡查') === 1);
      expect((await cached()).body.total).toBe(1);
      expect(engine.documents.map((d) => d.region).sort()).toEqual(['南山镇', '港门镇']);
      await writeFile(path.join(corpus, 'b.txt'), report('南山镇', '开展林长制巡护'));
      await waitFor(() => found(engine, '林长制巡护') === 1);
      expect(found(engine, '河长制巡查')).toBe(0);
      await rm(path.join(corpus, 'b.txt'));
      await waitFor(() => engine.documents.length === 1);
      expect(found(engine, '林长制巡护')).toBe(0);
    } finally {
      stop = true;
      await loop;
      await engine.close();
    }
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await request(app).get('/api/status').expect(200)).body).toMatchObject({ documents: 1, watching: true, rebuild: { running: false, lastError: null } });
  });

  it('keeps the last good index serving when the corpus folder disappears, and says so', { timeout: 120_000 }, async () => {
    const corpus = await tempDir();
    await writeFile(path.join(corpus, 'a.txt'), report('港门镇', '推进乡村振兴'));
    const logger = recordingLogger();
    const engine = await createLiveEngine({ corpusDir: corpus, cacheDir: await tempDir(), watch: false, logger });
    await rename(corpus, `${corpus}-moved`);
    await engine.rebuild();
    expect(engine.status().rebuild.lastError).toMatch(/ENOENT|no such file/);
    expect(found(engine, '乡村振兴')).toBe(1);
    expect(logger.lines.some((l) => l.startsWith('rebuild failed, the last good index keeps serving'))).toBe(true);
    const app = createApp(engine);
    expect((await request(app).get('/api/status').expect(200)).body.rebuild.lastError).toMatch(/ENOENT|no such file/);
    expect((await request(app).get('/').expect(200)).text).toContain('索引更新失败，仍在使用上一版索引');
    await engine.close();
  });

  it('lets the previous index go at a swap, while its phrase table serves until the new one is counted', { timeout: 120_000 }, async () => {
    const corpus = await tempDir();
    await cp(SAMPLE_CORPUS, corpus, { recursive: true });
    const progress: string[] = [];
    const engine = await createLiveEngine({ corpusDir: corpus, cacheDir: await tempDir(), watch: false, phrases: 'eager', onProgress: (p) => progress.push(p.stage) });
    // Built in a job process, loaded here; the progress bar hears of the build all the same.
    expect(engine.origin.from).toBe('build');
    expect(progress.at(-1)).toBe('done');
    const table = await engine.whenPhrasesReady();
    const prefix = table.phrases[0].phrase.slice(0, 1);
    const completions = engine.suggest(prefix);
    expect(completions.length).toBeGreaterThan(0);
    const previousIndex = new WeakRef(engine.index);
    const app = createApp(engine);
    const listed = async () => (await request(app).get('/api/phrases').query({ limit: 30 }).expect(200)).body.phrases;
    const before = await listed();
    await writeFile(path.join(corpus, 'b.txt'), report('南山镇', '落实河长制巡查'));
    await engine.rebuild();
    // The previous table still lists what it listed, dispersions included: ranked with the parts of the corpus it
    // was counted from, not the new index's (the new report is a part that table never counted).
    expect(await listed()).toEqual(before);
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    // The new table is being counted: the previous one answers meanwhile.
    expect(engine.status().phrases).toBe('counting');
    expect(engine.phrases()).toBe(table);
    expect(engine.suggest(prefix)).toEqual(completions);
    expect(previousIndex.deref()).toBeUndefined();
    await engine.whenPhrasesReady();
    expect(engine.phrases()).not.toBe(table);
    await engine.close();
  });
});
