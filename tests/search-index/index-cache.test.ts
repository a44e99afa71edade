import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { READS_CACHE } from '../../src/open-index.js';
import { buildCharIndex } from '../../src/search-index/char-index.js';
import { CACHE_FILE, loadIndexCache, saveIndexCache } from '../../src/search-index/index-cache.js';
import { loadJsonCache, saveJsonCache } from '../../src/search-index/json-cache.js';
import { recordingLogger, SAMPLE_CORPUS, tempDir } from '../helpers.js';

// Records hold line ends of their own (a passage's text may): each is still one line of the file.
const payload = () => ({ json: { documents: ['南山镇'] }, records: [{ text: '第一行\n第二行' }, ['南山镇', 2021], '\n'], chars: buildCharIndex(['乡村振兴', '人居环境整治', '乡村']), wordStarts: Uint8Array.from([0b10101, 0b11]), normalized: '乡村振兴人居环境整治乡村', lengths: Uint32Array.from([4, 6, 2]) });

describe('index cache file', () => {
  it('loads back what was saved', async () => {
    const dir = await tempDir();
    await saveIndexCache(dir, 'key-1', payload());
    const loaded = await loadIndexCache(dir, 'key-1');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.payload.json).toEqual({ documents: ['南山镇'] });
    expect(loaded.payload.records).toEqual([{ text: '第一行\n第二行' }, ['南山镇', 2021], '\n']);
    const built = payload().chars;
    expect([...loaded.payload.chars.keys]).toEqual([...built.keys]);
    expect([...loaded.payload.chars.offsets]).toEqual([...built.offsets]);
    expect([...loaded.payload.chars.postings]).toEqual([...built.postings]);
    expect([...loaded.payload.wordStarts]).toEqual([0b10101, 0b11]);
    expect(loaded.payload.normalized).toBe('乡村振兴人居环境整治乡村');
    expect([...loaded.payload.lengths]).toEqual([4, 6, 2]);
  });

  it('refuses a cache built from other inputs', async () => {
    const dir = await tempDir();
    await saveIndexCache(dir, 'key-1', payload());
    expect(await loadIndexCache(dir, 'key-2')).toEqual({ ok: false, reason: expect.stringMatching(/changed/) });
  });

  it('refuses a truncated, a corrupt and a foreign file, saying why', async () => {
    const dir = await tempDir();
    const { file } = await saveIndexCache(dir, 'k', payload());
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 9));
    expect(await loadIndexCache(dir, 'k')).toEqual({ ok: false, reason: expect.stringMatching(/truncated/) });
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 20] ^= 0xff;
    await writeFile(file, flipped);
    expect(await loadIndexCache(dir, 'k')).toEqual({ ok: false, reason: expect.stringMatching(/checksum/) });
    await writeFile(file, '{"not":"an index"}');
    expect(await loadIndexCache(dir, 'k')).toEqual({ ok: false, reason: expect.stringMatching(/not an index cache/) });
  });
});

describe('engine start with a cache directory', () => {
  it('builds on the first start, loads on the second, and rebuilds a corrupt cache with one log line', async () => {
    const dir = await tempDir();
    const first = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: dir });
    expect(first.origin.from).toBe('build');
    const second = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: dir });
    expect(second.origin.from).toBe('cache');
    expect(second.index.passages.map((p) => p.id)).toEqual(first.index.passages.map((p) => p.id));
    expect(second.search({ q: '营商环境' }).total).toBe(first.search({ q: '营商环境' }).total);
    // What a load derives again (section contexts, lengths, columns) is what the build derived.
    for (const column of ['passageDoc', 'lengths', 'headings', 'passageSection', 'sectionContexts', 'normalized', 'averageLength'] as const) {
      expect(second.index[column], column).toEqual(first.index[column]);
    }
    expect(new Set(first.index.passageSection).size).toBeGreaterThan(20);

    await writeFile(first.origin.cacheFile!, 'garbage');
    const logger = recordingLogger();
    const third = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: dir, logger });
    expect(third.origin.from).toBe('build');
    expect(logger.lines.filter((l) => l.startsWith('index cache not used'))).toEqual(['index cache not used, rebuilding: the cache file is not an index cache (bad magic bytes)']);
    expect((await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: dir })).origin.from).toBe('cache');
  });

  it('rebuilds when a corpus file changes', async () => {
    const corpus = await tempDir();
    const cache = await tempDir();
    await writeFile(path.join(corpus, 'a.txt'), '港门镇2022年政府工作报告\n我们推进乡村振兴。\n');
    expect((await createEngine({ corpusDir: corpus, cacheDir: cache })).origin.from).toBe('build');
    await writeFile(path.join(corpus, 'a.txt'), '港门镇2022年政府工作报告\n我们推进河长制。\n');
    const logger = recordingLogger();
    const engine = await createEngine({ corpusDir: corpus, cacheDir: cache, logger });
    expect(engine.origin.from).toBe('build');
    expect(logger.lines).toContain('index cache not used, rebuilding: the corpus, dictionary or options changed since the cache was built');
    expect(engine.search({ q: '河长制' }).total).toBe(1);
  });

  it('does not parse a Word file again when another file changed: its read is kept by its bytes', async () => {
    const corpus = await tempDir();
    const cache = await tempDir();
    await copyFile(fileURLToPath(new URL('../fixtures/formats/nanshan.docx', import.meta.url)), path.join(corpus, 'nanshan.docx'));
    await writeFile(path.join(corpus, 'a.txt'), '港门镇2022年政府工作报告\n我们推进乡村振兴。\n');
    const first = await createEngine({ corpusDir: corpus, cacheDir: cache });
    await writeFile(path.join(corpus, 'a.txt'), '港门镇2022年政府工作报告\n我们推进河长制。\n');
    const logger = recordingLogger();
    const second = await createEngine({ corpusDir: corpus, cacheDir: cache, logger });
    expect(second.origin.from).toBe('build');
    expect(logger.lines).toContainEqual(expect.stringMatching(/2 files read in .* s \(1 as read by an earlier build: same bytes\)$/));
    expect(second.index.passages.filter((p) => p.id.startsWith('nanshan')).map((p) => p.text)).toEqual(first.index.passages.filter((p) => p.id.startsWith('nanshan')).map((p) => p.text));
    expect(second.search({ q: '河长制' }).total).toBe(first.search({ q: '河长制' }).total + 1);
    expect(await readdir(path.dirname(second.origin.cacheFile!))).toContain(READS_CACHE);
  });
});

describe('one cache directory for several corpora', () => {
  it('keeps each corpus in a folder of its own: a run on another corpus leaves the default cache untouched', async () => {
    const root = await tempDir();
    const sample = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: root });
    const before = await readFile(sample.origin.cacheFile!);
    const other = await tempDir();
    await writeFile(path.join(other, 'a.txt'), '港门镇2022年政府工作报告\n我们推进河长制。\n');
    const elsewhere = await createEngine({ corpusDir: other, cacheDir: root });
    expect(path.dirname(elsewhere.origin.cacheFile!)).not.toBe(path.dirname(sample.origin.cacheFile!));
    expect(await readFile(sample.origin.cacheFile!)).toEqual(before);
    expect((await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: root })).origin.from).toBe('cache');
  });

  it('prunes the least recently used corpus folders beyond five, and files an older version left at the top', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, CACHE_FILE), 'an old top-level cache');
    const dirs: string[] = [];
    for (let n = 0; n < 6; n++) {
      const corpus = await tempDir();
      await writeFile(path.join(corpus, 'a.txt'), `第${n}号报告\n我们推进乡村振兴工作，取得明显成效。\n`);
      dirs.push(path.dirname((await createEngine({ corpusDir: corpus, cacheDir: root })).origin.cacheFile!));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const left = (await readdir(root)).sort();
    expect(left).toHaveLength(5);
    expect(left).not.toContain(path.basename(dirs[0]));
    expect(left).not.toContain(CACHE_FILE);
  });
});

describe('phrase cache', () => {
  it('is written beside the index, loaded on the next start, and recounted when corrupt', async () => {
    const dir = await tempDir();
    const first = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: dir });
    const counted = await first.whenPhrasesReady();
    const logger = recordingLogger();
    const second = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: dir, logger });
    expect(await second.whenPhrasesReady()).toEqual(counted);
    expect(logger.lines.some((l) => l.startsWith('phrase cache not used'))).toBe(false);

    await writeFile(path.join(path.dirname(first.origin.cacheFile!), 'phrases.json'), '{"schema":');
    const third = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: dir, logger });
    expect((await third.whenPhrasesReady()).phrases.length).toBe(counted.phrases.length);
    expect(logger.lines).toContain('phrase cache not used, counting phrases in the background: the file is truncated or corrupt');
  });
});

describe('JSON caches beside the index', () => {
  it('give back a value saved under the same key, and say why not under another key or schema', async () => {
    const dir = await tempDir();
    await saveJsonCache(dir, 'phrases.json', 'index-1 rules 3', { phrases: ['乡村振兴'] });
    expect(await loadJsonCache(dir, 'phrases.json', 'index-1 rules 3')).toEqual({ ok: true, value: { phrases: ['乡村振兴'] } });
    expect(await loadJsonCache(dir, 'phrases.json', 'index-2 rules 3')).toEqual({ ok: false, reason: expect.stringMatching(/changed since it was built/) });
    await writeFile(path.join(dir, 'old.json'), JSON.stringify({ schema: 1, fingerprint: 'index-1 rules 3', value: 1 }));
    expect(await loadJsonCache(dir, 'old.json', 'index-1 rules 3')).toEqual({ ok: false, reason: expect.stringMatching(/^schema 1, this version needs/) });
    expect(await loadJsonCache(dir, 'none.json', 'k')).toEqual({ ok: false, reason: 'no cache file yet' });
  });
});
