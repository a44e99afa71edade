import type { SearchIndex } from '../search-index/search-index.js';
import { isWholeWord } from '../search-index/word-starts.js';
import { oneCharacterWordsTagged } from '../tokenize/dictionary-tags.js';
import type { UserWord } from '../tokenize/user-dictionary.js';
import { BOUND_CHARACTERS } from './count-ngrams.js';

/**
 * The fragment rule: a phrase is a unit of the text when it stands on jieba's word edges in most of its occurrences
 * and the characters around it vary (branching entropy, as in Jin & Tanaka-Ishii 2006). 发展新 fails the first
 * (新 belongs to 新篇章, 新动能…); 同志为核心, 农村生活 (→ 污水, 垃圾) and 社会大局 (→ 和谐稳定) fail the second: they are
 * pieces of a longer formulation, which is the one worth listing. A phrase that ends in a one-character adjective
 * determiner or preposition never followed by an open edge (取得新 → 成效, 突破; 违反本 → 条例, 法) has lost the
 * word it leans on; 十九大 (→ 和, 精神) has not.
 */

/** How a phrase stands in the text: the figures the fragment rule reads, shown beside each listed phrase. */
export interface PhraseBoundaries {
  /** Share of occurrences that begin and end on a jieba word edge. */
  readonly edgeShare: number;
  /** Branching entropy (bits) of the character before each occurrence, and of the one after. */
  readonly leftEntropy: number;
  readonly rightEntropy: number;
  /** Share of occurrences followed by an open edge (punctuation, a particle, the passage's end). */
  readonly rightOpen: number;
  /** Whether its last jieba word is a one-character adjective, determiner or preposition (新, 本, 自), which leans on what follows. */
  readonly endsInModifier: boolean;
}

/** What the rule reads: the passages' normalised texts and the word edges of the index. */
export type BoundarySource = Pick<SearchIndex, 'normalized' | 'words'>;

/** More than this share of the occurrences must stand on word edges ("in most of its occurrences"). */
const MIN_EDGE_SHARE = 0.5;

/**
 * Particles that join phrases rather than belong to them (镇党委的坚强领导, 疫情防控和经济社会发展). Not every function
 * word: 不 of 不忘初心 and 为 of 同志为核心 sit inside the formulation.
 */
const PARTICLES = new Set([...'的和与及或等并了着地得']);

/** The least entropy of each side's neighbours: 1 bit (two neighbours equally often), less for rare phrases. */
const MAX_REQUIRED_ENTROPY = 1;

const PARTICLE_CODES = new Set([...PARTICLES].map((c) => c.charCodeAt(0)));
const BOUND_CODES = new Set([...BOUND_CHARACTERS].map((c) => c.charCodeAt(0)));
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Whether the character at `i` of passage `p` leaves a phrase's edge open: the edge of the passage, punctuation, or
 * a particle (的, 和) standing as a word of its own — through which no longer formulation runs (和 of 和谐 is not
 * one) — and on the right a bound character that closes the phrase before it (领导下, 工作中); on the left the same
 * characters head it (以习近平同志为核心). Each open edge counts as a neighbour of its own, so a phrase standing
 * between commas varies as much as it can.
 */
function isOpen(index: BoundarySource, p: number, i: number, side: 'left' | 'right'): boolean {
  const text = index.normalized[p];
  if (i < 0 || i >= text.length) return true;
  const c = text.charCodeAt(i);
  const isHan = c >= 0x4e00 && c <= 0x9fff;
  if (!isHan && !WORD_CHARACTER.test(text[i])) return true;
  return (PARTICLE_CODES.has(c) || (side === 'right' && BOUND_CODES.has(c))) && isWholeWord(index.words, p, i, i + 1, text.length);
}

/** Neighbours of one side: how often each character stands there, and how many open edges (each one of a kind). */
class Neighbours {
  readonly counts = new Map<number, number>();
  open = 0;

  add(index: BoundarySource, p: number, i: number, side: 'left' | 'right'): void {
    if (isOpen(index, p, i, side)) this.open++;
    else {
      const c = index.normalized[p].charCodeAt(i);
      this.counts.set(c, (this.counts.get(c) ?? 0) + 1);
    }
  }

  /** Entropy in bits over `total` occurrences; each open edge is a neighbour seen once. */
  entropy(total: number): number {
    let h = (this.open / total) * Math.log2(total);
    for (const n of this.counts.values()) h -= (n / total) * Math.log2(n / total);
    return h;
  }
}

/**
 * The boundary figures of a phrase over its non-overlapping occurrences in the given passages; `endsInModifier`
 * comes from its words (see modifierWords).
 */
export function phraseBoundaries(index: BoundarySource, phrase: string, passages: Iterable<number>, endsInModifier: boolean): PhraseBoundaries {
  const left = new Neighbours();
  const right = new Neighbours();
  let occurrences = 0;
  let onEdges = 0;
  for (const p of passages) {
    const text = index.normalized[p];
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
      occurrences++;
      left.add(index, p, at - 1, 'left');
      right.add(index, p, at + phrase.length, 'right');
      if (isWholeWord(index.words, p, at, at + phrase.length, text.length)) onEdges++;
    }
  }
  if (occurrences === 0) return { edgeShare: 0, leftEntropy: 0, rightEntropy: 0, rightOpen: 0, endsInModifier };
  return {
    edgeShare: round(onEdges / occurrences),
    leftEntropy: round(left.entropy(occurrences)),
    rightEntropy: round(right.entropy(occurrences)),
    rightOpen: round(right.open / occurrences),
    endsInModifier,
  };
}

/**
 * jieba's tags of words that lean on the word after them: adjectives (新), pronouns, among them determiners (本, 该),
 * and prepositions (本条例自 → 2010年…起施行).
 */
const MODIFIER_TAGS = new Set(['a', 'r', 'p']);

/**
 * The one-character words that lean on what follows (新 → a, 本 → r, 自 → p, as jieba's dictionary tags them, or
 * `words` where they give a tag): a phrase of several words whose last word is one of them ends in a modifier.
 */
export function modifierWords(words: readonly UserWord[] = []): Set<string> {
  return oneCharacterWordsTagged(MODIFIER_TAGS, words);
}

/**
 * The entropy each side needs: 1 bit, or half the most that `count` occurrences can have (log2 count / 2), so that a
 * phrase seen twice passes with two different neighbours and fails with the same one twice.
 */
export function requiredEntropy(count: number): number {
  return Math.min(MAX_REQUIRED_ENTROPY, Math.log2(Math.max(count, 1)) / 2);
}

/**
 * Whether a phrase of `words` jieba words seen `count` times is a fragment. Quoted formulations (words 0) are
 * never fragments: their quotes are their edges (做到“两个维护” always follows 做到, and is still the formulation).
 */
export function isFragment(words: number, count: number, b: PhraseBoundaries): boolean {
  if (words === 0) return false;
  const need = requiredEntropy(count);
  return b.edgeShare <= MIN_EDGE_SHARE || b.leftEntropy < need || b.rightEntropy < need || (b.endsInModifier && b.rightOpen === 0);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
