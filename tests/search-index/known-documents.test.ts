import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { copiedCorpus } from '../fixtures/copied-corpus.js';
import { tempDir } from '../helpers.js';

// A swap loads the new index while the old one serves; documents whose cache records did not change are taken
// over from the old index rather than parsed again, so the two share them.
describe('a cache load given the documents of the index it replaces', () => {
  it('takes over the documents of unchanged files and reads the changed one anew', async () => {
    const corpusDir = await copiedCorpus();
    const cacheDir = await tempDir();
    const before = await createEngine({ corpusDir, cacheDir });
    expect(before.knownDocuments?.keys).toHaveLength(3);
    await appendFile(path.join(corpusDir, 'b.txt'), '全力推进河长制落实落地，新建污水管网十二公里。\n');
    await createEngine({ corpusDir, cacheDir }); // the rebuild, which writes the new cache
    const after = await createEngine({ corpusDir, cacheDir, knownDocuments: before.knownDocuments });
    expect(after.origin.from).toBe('cache');
    const byFile = (file: string) => [before, after].map((e) => e.documents.find((d) => d.source === file)!);
    for (const file of ['a.txt', 'c.txt']) {
      const [old, now] = byFile(file);
      expect(now).toBe(old);
    }
    const [oldB, newB] = byFile('b.txt');
    expect(newB).not.toBe(oldB);
    expect(newB.passages.map((p) => p.text)).toContain('全力推进河长制落实落地，新建污水管网十二公里。');
    expect(after.search({ q: '河长制' }).total).toBe(1);
    expect(after.search({ q: '三清三拆三整治' }).total).toBe(2);
  });
});
