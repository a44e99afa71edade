import type { PolicyDocument, SkippedFile } from './types.js';
import { silentLogger, type Logger } from './logger.js';
import { defaultSplitOptions, type SplitOptions } from './segment/split-passages.js';
import type { SearchIndex } from './search-index/search-index.js';
import type { SearchRequest, SearchResult } from './query/run-query.js';
import type { PhraseTable } from './analysis/phrase-table.js';
import type { Copies } from './analysis/find-copies.js';
import type { Suggestion } from './analysis/suggest-phrases.js';
import { SHIPPED_SLOGANS, type Slogan } from './tokenize/slogan-thesaurus.js';
import { SHIPPED_INDICATOR_SYNONYMS } from './figures/indicator-synonyms.js';
import type { FigureTable } from './figures/figure-table.js';
import type { KnownDocuments } from './search-index/cached-index.js';

/** The engine's public shapes: its options, what it answers, and a live engine's status. `engine.ts` holds the state. */

/** Options of the engine; every field has a default. */
export interface EngineOptions {
  /** Directory of corpus files. */
  readonly corpusDir: string;
  /**
   * Directory of the index caches: each corpus keeps its own folder inside it (`corpus-3f2a9c10d4`), so runs on
   * different corpora never overwrite each other's; `null` keeps the index in memory only.
   */
  readonly cacheDir: string | null;
  /** An extra user dictionary file for jieba (`USER_DICT`). */
  readonly userDict: string | null;
  /** The slogan thesaurus (`SLOGANS`; the shipped `tokenize/slogans.txt` by default; null for none). */
  readonly slogans: string | null;
  /** Indicator names meaning the same quantity (`INDICATOR_SYNONYMS`; the shipped `figures/indicator-synonyms.txt`). */
  readonly indicatorSynonyms: string | null;
  /** Where progress and oddities go (pino in the server and CLI). */
  readonly logger: Logger;
  readonly split: SplitOptions;
  /** Called as a build goes (files read, passages, stage), for a progress bar; not called on a cache load. */
  readonly onProgress: (progress: BuildProgress) => void;
  /** Count phrases right after start (the server), or only when first asked for (the CLI, tests). */
  readonly phrases: 'eager' | 'lazy';
  /**
   * With a cache directory, build in a job process that writes the cache, then load it here (the live engine):
   * a build's memory goes back to the system when that process ends, instead of staying with the server.
   */
  readonly buildApart: boolean;
  /** The documents of the index being replaced, to take over those whose cache records are unchanged (a swap). */
  readonly knownDocuments: KnownDocuments | null;
}

export const defaultEngineOptions: EngineOptions = {
  corpusDir: 'corpus',
  cacheDir: 'index-cache',
  userDict: null,
  slogans: SHIPPED_SLOGANS,
  indicatorSynonyms: SHIPPED_INDICATOR_SYNONYMS,
  logger: silentLogger,
  split: defaultSplitOptions,
  phrases: 'lazy',
  onProgress: () => {},
  buildApart: false,
  knownDocuments: null,
};

/** How far a build has come. */
export interface BuildProgress {
  readonly stage: 'reading files' | 'indexing characters and words' | 'done';
  /** Files read so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** Passages cut so far (known once the files are read). */
  readonly passages: number;
}


/** How the index came to be: built now, or loaded from the cache. */
export interface IndexOrigin {
  readonly from: 'build' | 'cache';
  readonly ms: number;
  readonly cacheFile: string | null;
  readonly cacheBytes: number | null;
}

/** A search result with the time it took, and corrections when the exact matches are few. */
export type TimedSearchResult = SearchResult & {
  readonly tookMs: number;
  /** Corpus phrases close to a term that matched little (新质生产利 → 新质生产力); empty otherwise. */
  readonly didYouMean: readonly string[];
};

/** A phrase table and the completions made from it. */
export interface PhraseService {
  readonly table: PhraseTable;
  suggest(prefix: string, limit?: number): Suggestion[];
}

/** The search engine over one corpus: the only object holding state. */
export interface Engine {
  readonly documents: readonly PolicyDocument[];
  readonly skipped: readonly SkippedFile[];
  readonly index: SearchIndex;
  /** The documents with the keys of their cache records, when the index came from a cache (see `KnownDocuments`). */
  readonly knownDocuments: KnownDocuments | null;
  /**
   * Phrases with exact counts per region, or null while they are being counted (in a job process, started
   * by the first call or at start with `phrases: 'eager'`; cached beside the index).
   */
  phrases(): PhraseTable | null;
  /** The phrase table once it is ready (rejects if the analysis failed). */
  whenPhrasesReady(): Promise<PhraseTable>;
  /** Near-duplicate passages of different reports, or null while they are being found (in a job process, after the phrases). */
  copies(): Copies | null;
  whenCopiesReady(): Promise<Copies>;
  /** Every figure of the corpus, grouped by indicator, or null while they are being read (first of the background jobs). */
  figures(): FigureTable | null;
  whenFiguresReady(): Promise<FigureTable>;
  /** The phrase table, figures and copies as they are now, starting no job (the response cache's basis). */
  backgroundResults(): readonly [PhraseTable | null, FigureTable | null, Copies | null];
  /** Completions for the search box (empty until the phrase table is ready). */
  suggest(prefix: string, limit?: number): Suggestion[];
  /** The phrase table with its completions once ready, holding nothing else of the engine (kept across a swap). */
  phraseService(): PhraseService | null;
  readonly origin: IndexOrigin;
  /** Region names of the corpus, in document order. */
  readonly regions: readonly string[];
  /** Slogans and their parts: the thesaurus's, then those the corpus defines itself (for `~六稳` and /slogans). */
  readonly slogans: readonly Slogan[];
  getDocument(id: string): PolicyDocument | undefined;
  search(request: SearchRequest): TimedSearchResult;
  /** The positions of a document's passages that a query matches, as the search counts them. */
  matchesInDocument(id: string, q: string): Set<number>;
}

/** What a live engine is doing, for `/api/status` and the pages' notice. */
export interface EngineStatus {
  readonly corpusDir: string;
  readonly documents: number;
  readonly passages: number;
  readonly skipped: number;
  /** How the index being served came to be, and when it started serving. */
  readonly origin: IndexOrigin;
  readonly servingSince: string;
  readonly watching: boolean;
  readonly phrases: 'ready' | 'counting';
  /** The other background results: figures (read first), then copies (searched last). */
  readonly figures: 'ready' | 'reading';
  readonly copies: 'ready' | 'searching';
  readonly rebuild: {
    readonly running: boolean;
    readonly startedAt: string | null;
    /** How far the running rebuild's build has come (null before its first report, and when none runs). */
    readonly progress: BuildProgress | null;
    /** More changes arrived during the running rebuild: another follows it. */
    readonly pending: boolean;
    readonly lastSwapAt: string | null;
    readonly lastMs: number | null;
    /** Why the last rebuild failed (an unreadable corpus folder…); the last good index keeps serving. */
    readonly lastError: string | null;
  };
}

/** An engine whose index follows its corpus folder: rebuilt in the background and swapped whole. */
export interface LiveEngine extends Engine {
  status(): EngineStatus;
  /** Rebuilds now (as a change in the folder would) and resolves once the new index serves, or the attempt failed. */
  rebuild(): Promise<void>;
  /** Stops watching and waits for a running rebuild to end. */
  close(): Promise<void>;
}

/** Options of a live engine. */
export interface LiveEngineOptions extends EngineOptions {
  /** Watch the corpus folder (`WATCH=0` / `--no-watch` for a read-only deployment). */
  readonly watch: boolean;
  /** Quiet time after the last change before a rebuild starts, so that copying 200 files makes one rebuild. */
  readonly debounceMs: number;
}

