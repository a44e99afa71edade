import { jobUrl, startApart } from '../run-in-process.js';
import { packTexts } from './packed-texts.js';
import { tokenizeText } from '../tokenize/tokenize-text.js';
import type { UserWord } from '../tokenize/user-dictionary.js';
import type { WordStartsJob } from './word-starts-job.js';

/**
 * Where jieba's words begin and end, one bit per character of the corpus and one for each passage's end (passages
 * laid end to end, each owning `length + 1` bits, so that no passage's bits depend on its neighbour), computed once
 * at build and kept in the cache: an occurrence that begins and ends on word edges stands as a word (民生 in
 * 保障民生), one that does not lies inside a longer word (民生 in 人民生命). Ranking puts the first above the second.
 */

/** The bit set, and where each passage starts in it. */
export interface WordStarts {
  readonly bits: Uint8Array;
  /** Start of each passage in the bit set (prefix sums of the passage lengths plus one). */
  readonly passageStart: Float64Array;
}

/** The word edges of an earlier build, to take over for passages whose normalised text is the same. */
export interface PreviousWords {
  /** That build's normalised passages laid end to end, and each one's length. */
  readonly normalized: string;
  readonly lengths: Uint32Array;
  readonly bits: Uint8Array;
}

/** What a build of the word edges gives: the bits, and how many passages had theirs copied from `previous`. */
export interface BuiltWordStarts {
  readonly bits: Uint8Array;
  readonly reused: number;
}

/** Prefix sums of passage lengths plus one: where each passage's bits start. */
export function passageStarts(lengths: Uint32Array): Float64Array {
  const starts = new Float64Array(lengths.length + 1);
  for (let p = 0; p < lengths.length; p++) starts[p + 1] = starts[p] + lengths[p] + 1;
  return starts;
}

/**
 * Tokenises every normalised passage with jieba and sets a bit where a word begins or ends (punctuation is no
 * word). With `previous` (built with the same vocabulary: the caller checks), a passage whose text it holds gets
 * that passage's bits copied instead, which are what jieba would give again: a rebuild after one changed file cuts
 * only the passages that are new. Returns the bits and how many passages were copied.
 */
export function buildWordStarts(normalized: readonly string[], lengths: Uint32Array, previous?: PreviousWords): BuiltWordStarts {
  const starts = passageStarts(lengths);
  const bits = new Uint8Array(Math.ceil(starts[starts.length - 1] / 8) + 1);
  const earlier = previous ? previousPassages(previous) : new Map<string, number>();
  let reused = 0;
  for (let p = 0; p < normalized.length; p++) {
    const from = earlier.get(normalized[p]);
    if (from !== undefined) {
      copyBits(previous!.bits, from, bits, starts[p], lengths[p] + 1);
      reused++;
      continue;
    }
    for (const token of tokenizeText(normalized[p], false)) {
      for (const at of [starts[p] + token.start, starts[p] + token.end]) bits[at >>> 3] |= 1 << (at & 7);
    }
  }
  return { bits, reused };
}

/** Where each distinct text of an earlier build starts in its bits. */
function previousPassages(previous: PreviousWords): Map<string, number> {
  const at = new Map<string, number>();
  let text = 0;
  let bit = 0;
  for (const length of previous.lengths) {
    const passage = previous.normalized.slice(text, text + length);
    if (!at.has(passage)) at.set(passage, bit);
    text += length;
    bit += length + 1;
  }
  return at;
}

function copyBits(source: Uint8Array, from: number, target: Uint8Array, to: number, count: number): void {
  for (let k = 0; k < count; k++) {
    const s = from + k;
    if (source[s >>> 3] & (1 << (s & 7))) {
      const t = to + k;
      target[t >>> 3] |= 1 << (t & 7);
    }
  }
}

/** Whether `[start, end)` in passage `p` begins and ends on word edges (a bit is set at each edge). */
export function isWholeWord(words: WordStarts, p: number, start: number, end: number, length: number): boolean {
  return isEdge(words, words.passageStart[p] + start) && (end >= length || isEdge(words, words.passageStart[p] + end));
}

/** Whether a word begins or ends at `bit` of the laid-end-to-end corpus. */
function isEdge(words: WordStarts, bit: number): boolean {
  return (words.bits[bit >>> 3] & (1 << (bit & 7))) !== 0;
}

/** Whether `[from, to)` of `text` holds a letter or digit (Han characters are letters). */
function holdsWordCharacter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || WORD_CHARACTER.test(text[i])) return true;
  }
  return false;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * jieba's words of passage `p`, read back from the edges, as start, end, start, end…: the stretches between two
 * edges that hold a letter or digit (the others are punctuation and spaces, which are no words). The same words, in
 * the same order, as `tokenizeText(text, false)` gave when the edges were set.
 */
export function wordSpans(words: WordStarts, p: number, text: string): number[] {
  const spans: number[] = [];
  const base = words.passageStart[p];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    const bit = base + i;
    if (i < text.length && !isEdge(words, bit)) continue;
    if (holdsWordCharacter(text, from, i)) spans.push(from, i);
    from = i;
  }
  return spans;
}

/**
 * Starts building the word edges in a job process, so that the build can index characters on the other core
 * meanwhile (a small corpus's here and now); resolves once the passages are sent.
 */
export function startWordStartsInProcess(normalized: readonly string[], lengths: Uint32Array, words: readonly UserWord[], previous: PreviousWords | null): Promise<{ readonly answer: Promise<BuiltWordStarts> }> {
  return startApart<WordStartsJob, BuiltWordStarts>(jobUrl('word-starts-job', import.meta.url), { texts: packTexts(normalized, lengths), words, previous }, 'word-edge analysis', normalized.length, 'normal');
}
