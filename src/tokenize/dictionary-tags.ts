import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import type { UserWord } from './user-dictionary.js';

/**
 * jieba's part-of-speech tags of one-character words, read from its dictionary file rather than asked of a loaded
 * jieba: loading it costs a process about 250 MB of native memory, and the phrase count needs no other part
 * of it. For every one-character entry of the shipped dictionary the tag equals `nodejieba.tag(c)` (checked for all
 * 11,580). Words given with a tag of their own (USER_DICT) override the dictionary's, as jieba's insertWord does.
 */

let dictionaryTags: Map<string, string> | null = null;

/** One-character words and their dictionary tags (read once per process, about 0.1 s). */
function oneCharacterTags(): Map<string, string> {
  if (dictionaryTags) return dictionaryTags;
  dictionaryTags = new Map();
  const dictionary = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;
  for (const line of readFileSync(dictionary, 'utf8').split('\n')) {
    const [word, , tag] = line.split(' ');
    if (word && tag && [...word].length === 1) dictionaryTags.set(word, tag.trim());
  }
  return dictionaryTags;
}

/** The one-character words that jieba tags with one of `tags`, the given words' own tags taking precedence. */
export function oneCharacterWordsTagged(tags: ReadonlySet<string>, words: readonly UserWord[] = []): Set<string> {
  const all = new Map(oneCharacterTags());
  for (const { word, tag } of words) if ([...word].length === 1) all.set(word, tag ?? 'nz');
  return new Set([...all].filter(([, tag]) => tags.has(tag)).map(([word]) => word));
}
