import nodejieba from 'nodejieba';
import { describe, expect, it } from 'vitest';
import { oneCharacterWordsTagged } from '../../src/tokenize/dictionary-tags.js';
import { ensureJieba } from '../../src/tokenize/tokenize-text.js';

describe('oneCharacterWordsTagged', () => {
  it("gives the one-character words a loaded jieba tags as adjectives, pronouns or prepositions", () => {
    ensureJieba();
    const tags = new Set(['a', 'r', 'p']);
    const read = oneCharacterWordsTagged(tags);
    expect([...'新本自该各于'].every((c) => read.has(c))).toBe(true);
    expect([...'镇村法年的'].some((c) => read.has(c))).toBe(false);
    // Against jieba itself, over a spread of common characters.
    for (const c of '新本自该各于把被从向对为以其此每某镇村法年的和了是在有人中大上国发展经济社会') {
      const tagged = nodejieba.tag(c);
      expect([c, read.has(c)]).toEqual([c, tagged.length === 1 && tags.has(tagged[0].tag)]);
    }
  });

  it('lets a word given with its own tag override the dictionary', () => {
    const tags = new Set(['a']);
    expect(oneCharacterWordsTagged(tags).has('新')).toBe(true);
    expect(oneCharacterWordsTagged(tags, [{ word: '新', tag: 'n' }]).has('新')).toBe(false);
    expect(oneCharacterWordsTagged(tags, [{ word: '镇', tag: 'a' }]).has('镇')).toBe(true);
  });
});
