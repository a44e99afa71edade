import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import type { Token } from '../types.js';
import type { UserWord } from './user-dictionary.js';

/** Bumped whenever tokenisation changes, so that index caches built with the old one are rebuilt. */
export const TOKENIZER_VERSION = 2;

/**
 * Numbers (with decimals, percent, ranges such as 1+3+6, a trailing 年) and Latin words are cut out before jieba
 * sees the text: out of the box it splits 6.9 into 6/./9 and 2020 into 2/0/2/0.
 */
const PROTECTED_RUN = /\d+(?:[.,]\d+)*(?:[+\-~～/]\d+(?:\.\d+)?)*(?:%|‰|年)?|[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*/gi;

/** A word counts as a sub-word carrier when jieba's search mode may find parts in it. */
const MIN_SPLIT_LENGTH = 3;

/**
 * Given to jieba as its IDF and stop-word lists. Its keyword extractors (`extract`, `textRankExtract`) are never
 * called here, and the shipped lists (258,826 IDF entries) cost the process 20 MB in every job and in the server.
 */
const NO_KEYWORDS = fileURLToPath(new URL('./no-keywords.utf8', import.meta.url));

let dictionaryLoaded = false;
const insertedWords = new Set<string>();
/**
 * Words given before jieba's dictionaries were loaded, by word: they are added when it is. A live engine gives its
 * whole vocabulary again at every rebuild (12,500 words on a 65,000-passage corpus), which a list kept adding to.
 */
const waitingWords = new Map<string, UserWord>();

/**
 * Adds words (policy terms, region names) to jieba, not added before. Loading jieba's dictionaries takes about
 * 0.9 s and an exact search never needs them, so the words wait until the first cut (see ensureJieba).
 */
export function addJiebaWords(words: readonly UserWord[]): void {
  if (!dictionaryLoaded) {
    for (const w of words) if (!waitingWords.has(w.word)) waitingWords.set(w.word, w);
    return;
  }
  for (const { word, tag } of words) {
    if (insertedWords.has(word)) continue;
    nodejieba.insertWord(word, tag ?? 'nz');
    insertedWords.add(word);
  }
}

/** Loads jieba's dictionaries once per process, with the words that waited for it (a server does it at start). */
export function ensureJieba(): void {
  if (dictionaryLoaded) return;
  nodejieba.load({ idfDict: NO_KEYWORDS, stopWordDict: NO_KEYWORDS });
  dictionaryLoaded = true;
  const waiting = [...waitingWords.values()];
  waitingWords.clear();
  addJiebaWords(waiting);
}

const tags = new Map<string, string>();

/** jieba's part-of-speech tag of a word as its dictionary gives it (新 → `a`, 发展 → `vn`), remembered per word. */
export function tagOf(word: string): string {
  ensureJieba();
  let tag = tags.get(word);
  if (tag === undefined) {
    const tagged = nodejieba.tag(word);
    tag = tagged.length === 1 ? tagged[0].tag : 'x';
    tags.set(word, tag);
  }
  return tag;
}

/**
 * Cuts normalised text into words with their offsets. Like jieba's search mode, a long word also yields its
 * dictionary parts (乡村振兴 → 乡村, 振兴, 乡村振兴) unless `withParts` is false; every token carries
 * `start`/`end` in `text`. Punctuation and spaces are not tokens.
 */
export function tokenizeText(text: string, withParts = true): Token[] {
  ensureJieba();
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(PROTECTED_RUN)) {
    const start = m.index ?? 0;
    if (start > last) cutRun(text.slice(last, start), last, tokens, withParts);
    tokens.push({ text: m[0], start, end: start + m[0].length });
    last = start + m[0].length;
  }
  if (last < text.length) cutRun(text.slice(last), last, tokens, withParts);
  return tokens;
}

/** Cuts a run without numbers; `offset` is where it starts in the passage. */
function cutRun(run: string, offset: number, out: Token[], withParts: boolean): void {
  if (!/[\p{L}\p{N}]/u.test(run)) return;
  let pos = 0;
  for (const word of nodejieba.cut(run)) {
    const start = run.indexOf(word, pos);
    if (start < 0) continue; // jieba never drops characters, but offsets must never be guessed
    pos = start + word.length;
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    if (withParts && word.length >= MIN_SPLIT_LENGTH) pushParts(word, offset + start, out);
    out.push({ text: word, start: offset + start, end: offset + pos });
  }
}

/** The dictionary parts of a long word, found by jieba's search mode, each with its offset. */
function pushParts(word: string, offset: number, out: Token[]): void {
  const parts = nodejieba.cutForSearch(word);
  if (parts.length <= 1) return;
  const seen = new Set<string>();
  for (const part of parts) {
    if (part === word || part.length < 2 || seen.has(part)) continue;
    seen.add(part);
    for (let at = word.indexOf(part); at >= 0; at = word.indexOf(part, at + 1)) {
      out.push({ text: part, start: offset + at, end: offset + at + part.length });
    }
  }
}
