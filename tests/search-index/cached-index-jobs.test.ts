import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as runCopies } from '../../src/copies-job.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { run as runFigures } from '../../src/figures-job.js';
import { run as runPhrases } from '../../src/analysis/phrase-job.js';
import { packTexts } from '../../src/search-index/packed-texts.js';
import type { CachedIndexRef } from '../../src/search-index/cached-index.js';
import { SAMPLE_CORPUS, tempDir } from '../helpers.js';

// Job processes of a large corpus read the index from the cache file instead of being sent it; the sample corpus
// is below the size that runs jobs in processes, so the jobs are run here, once each way, on the same index.
let engine: Engine;
let ref: CachedIndexRef;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: SAMPLE_CORPUS, cacheDir: await tempDir() });
  const file = engine.origin.cacheFile!;
  const bytes = await readFile(file);
  const header = JSON.parse(bytes.toString('utf8', 16, 16 + bytes.readUInt32LE(8)).trimEnd()) as { fingerprint: string };
  ref = { dir: path.dirname(file), key: header.fingerprint };
});

describe('jobs that read the index from its cache file', () => {
  it('count the same phrases, figures and copies as jobs sent the index', async () => {
    const index = engine.index;
    const sent = { texts: packTexts(index.normalized, index.lengths), passageDoc: index.passageDoc, lengths: index.lengths, chars: index.chars, words: index.words, documents: index.documents.map((d) => ({ region: d.region, year: d.year })) };
    const table = await runPhrases({ source: { cached: ref }, words: [], terms: ['乡村振兴'] });
    expect(table.phrases.length).toBeGreaterThan(100);
    expect(table).toEqual(await runPhrases({ source: sent, words: [], terms: ['乡村振兴'] }));
    const figures = await runFigures({ passages: { cached: ref }, words: [] });
    expect(figures.length).toBeGreaterThan(50);
    expect(figures).toEqual(await runFigures({ passages: index.passages.map((p) => ({ text: p.text, section: p.section })), words: [] }));
    const copies = await runCopies({ cached: ref });
    expect(copies).toEqual(await runCopies({ texts: sent.texts, passageDoc: index.passageDoc, headings: index.headings }));
  });

  it('fail saying why when the cache no longer holds that index', async () => {
    await expect(runCopies({ cached: { ...ref, key: 'another index' } })).rejects.toThrow(/index cache could not be read for this job.*changed since the cache was built/);
  });
});
