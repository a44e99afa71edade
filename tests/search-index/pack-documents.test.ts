import { describe, expect, it } from 'vitest';
import { packDocuments, unpackDocuments } from '../../src/search-index/pack-documents.js';
import { sampleEngine } from '../helpers.js';

describe('packed documents', () => {
  it('restore every document of the sample corpus exactly, and store each section path once', async () => {
    const { documents } = await sampleEngine();
    const packed = packDocuments(documents);
    expect(unpackDocuments(JSON.parse(JSON.stringify(packed)))).toEqual(documents);
    for (const [d, doc] of packed.entries()) {
      expect(new Set(doc.sections.map((s) => s.join('›'))).size).toBe(doc.sections.length);
      expect(doc.sections.length).toBeLessThan(documents[d].passages.length);
    }
  });
});
