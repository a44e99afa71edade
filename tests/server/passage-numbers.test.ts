import { describe, expect, it } from 'vitest';
import { passageNumber } from '../../src/server/passage-numbers.js';
import { sampleEngine } from '../helpers.js';

describe('passageNumber', () => {
  it('finds every passage of the sample corpus by its id, and nothing for ids that name no passage', async () => {
    const engine = await sampleEngine();
    const { passages, documents } = engine.index;
    expect(passages.length).toBeGreaterThan(100);
    passages.forEach((p, k) => expect(passageNumber(engine, p.id)).toBe(k));
    const doc = documents[1];
    for (const id of [`${doc.id}-p${doc.passages.length}`, `${doc.id}-p`, `${doc.id}-p1x`, `${doc.id}-p-1`, `no-such-document-p0`, doc.id, '']) {
      expect(passageNumber(engine, id), id).toBeUndefined();
    }
  });
});
