import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyDocument, SkippedFile } from './types.js';
import { silentLogger, type Logger } from './logger.js';
import { buildCorpus, missingFields } from './corpus/build-documents.js';
import { listCorpusFiles, readCorpusFiles, readMetadataCsv } from './corpus/read-corpus-files.js';
import { parseMetadataCsv } from './corpus/metadata-overrides.js';
import { defaultSplitOptions, type SplitOptions } from './segment/split-passages.js';
import { NORMALIZE_VERSION } from './tokenize/normalize-text.js';
import { addJiebaWords, TOKENIZER_VERSION } from './tokenize/tokenize-text.js';
import { parseUserDictionary, type UserWord } from './tokenize/user-dictionary.js';
import { buildCharIndex } from './search-index/char-index.js';
import { CACHE_FILE, CACHE_SCHEMA_VERSION, fingerprint, loadIndexCache, loadJsonCache, saveIndexCache, saveJsonCache } from './search-index/index-cache.js';
import { indexPassages, type SearchIndex } from './search-index/search-index.js';
import { buildWordStartsInWorker, passageStarts } from './search-index/word-starts.js';
import { packDocuments, unpackDocuments, type PackedDocument } from './search-index/pack-documents.js';
import { matchingPassages, runQuery, type SearchRequest, type SearchResult } from './query/run-query.js';
import type { PhraseTable } from './analysis/phrase-table.js';
import { sharedFormulations } from './analysis/shared-phrases.js';
import { analyzeInWorker } from './analysis/analyze-in-worker.js';
import { buildSuggestIndex, didYouMean, suggest, type Suggestion, type SuggestIndex } from './analysis/suggest-phrases.js';

/** Options of the engine; every field has a default. */
export interface EngineOptions {
  /** Directory of corpus files. */
  readonly corpusDir: string;
  /** Directory of the index cache; `null` keeps the index in memory only. */
  readonly cacheDir: string | null;
  /** An extra user dictionary file for jieba (`USER_DICT`). */
  readonly userDict: string | null;
  /** Where progress and oddities go (pino in the server and CLI). */
  readonly logger: Logger;
  readonly split: SplitOptions;
  /** Count phrases right after start (the server), or only when first asked for (the CLI, tests). */
  readonly phrases: 'eager' | 'lazy';
}

export const defaultEngineOptions: EngineOptions = {
  corpusDir: 'corpus',
  cacheDir: 'index-cache',
  userDict: null,
  logger: silentLogger,
  split: defaultSplitOptions,
  phrases: 'lazy',
};

/** The policy vocabulary shipped with the engine. */
export const POLICY_DICTIONARY = fileURLToPath(new URL('./tokenize/policy-dictionary.txt', import.meta.url));

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

/** The search engine over one corpus: the only object holding state. */
export interface Engine {
  readonly documents: readonly PolicyDocument[];
  readonly skipped: readonly SkippedFile[];
  readonly index: SearchIndex;
  /**
   * Phrases with exact counts per region, or null while they are being counted (in a worker thread, started
   * by the first call or at start with `phrases: 'eager'`; cached beside the index).
   */
  phrases(): PhraseTable | null;
  /** The phrase table once it is ready (rejects if the analysis failed). */
  whenPhrasesReady(): Promise<PhraseTable>;
  /** Completions for the search box (empty until the phrase table is ready). */
  suggest(prefix: string, limit?: number): Suggestion[];
  readonly origin: IndexOrigin;
  /** Region names of the corpus, in document order. */
  readonly regions: readonly string[];
  getDocument(id: string): PolicyDocument | undefined;
  search(request: SearchRequest): TimedSearchResult;
  /** The positions of a document's passages that a query matches, as the search counts them. */
  matchesInDocument(id: string, q: string): Set<number>;
}

/** The corpus as the engine holds it. */
interface Corpus {
  documents: PolicyDocument[];
  skipped: SkippedFile[];
}

/** The JSON part of the cache. */
interface CachedCorpus {
  documents: PackedDocument[];
  skipped: SkippedFile[];
}

/** Builds or loads the index for a corpus and returns a ready engine. */
export async function createEngine(options: Partial<EngineOptions> = {}): Promise<Engine> {
  const opts: EngineOptions = { ...defaultEngineOptions, ...options };
  const started = performance.now();
  const dictionary = await loadDictionaries(opts);
  const key = await inputFingerprint(opts, dictionary.fingerprintText);
  const { corpus, index, from, cacheFile, cacheBytes } = await loadOrBuildIndex(opts, key, dictionary.words);
  reportCorpus(corpus, opts.logger);
  const regions = regionNames(corpus.documents);
  const words = vocabulary(dictionary.words, regions);
  addJiebaWords(words);
  const origin: IndexOrigin = { from, ms: Math.round(performance.now() - started), cacheFile, cacheBytes };
  opts.logger.info({ ...origin, documents: corpus.documents.length, passages: index.passages.length }, `index ready (${from}) in ${(origin.ms / 1000).toFixed(1)} s`);
  const phrases = phraseAnalysis(() => loadOrAnalyzePhrases(opts, key, index, words, dictionary.words), opts.logger);
  if (opts.phrases === 'eager') void phrases.start();
  const byId = new Map(corpus.documents.map((d) => [d.id, d]));
  return {
    documents: corpus.documents,
    skipped: corpus.skipped,
    index,
    origin,
    regions,
    phrases: phrases.table,
    whenPhrasesReady: phrases.start,
    suggest: phrases.suggest,
    getDocument: (id) => byId.get(id),
    search(request) {
      const t0 = performance.now();
      const result = runQuery(index, request);
      const corrections = result.total < FEW_MATCHES ? phrases.corrections(result.query.groups.flat().map((t) => t.text)) : [];
      return { ...result, didYouMean: corrections, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
    },
    matchesInDocument(id, q) {
      const d = corpus.documents.findIndex((doc) => doc.id === id);
      return new Set([...matchingPassages(index, { q })].filter((p) => index.passageDoc[p] === d).map((p) => index.passages[p].index));
    },
  };
}

/** The key of every input of the index: versions, options, dictionaries, metadata.csv, each corpus file's name and bytes. */
async function inputFingerprint(opts: EngineOptions, dictionaryText: string): Promise<string> {
  const names = await listCorpusFiles(opts.corpusDir);
  const files = await Promise.all(names.map(async (name) => [name, await readFile(`${opts.corpusDir}/${name}`)] as const));
  return fingerprint([
    `schema ${CACHE_SCHEMA_VERSION} normalize ${NORMALIZE_VERSION} tokenizer ${TOKENIZER_VERSION}`,
    JSON.stringify(opts.split),
    dictionaryText,
    `metadata.csv ${(await readMetadataCsv(opts.corpusDir)) ?? ''}`,
    ...files.flat(),
  ]);
}

/** The index from the cache when it matches the inputs; otherwise built and cached, saying why. */
async function loadOrBuildIndex(opts: EngineOptions, key: string, dictionaryWords: readonly UserWord[]) {
  const log = opts.logger;
  if (opts.cacheDir) {
    const cached = await loadIndexCache(opts.cacheDir, key);
    if (cached.ok) {
      const packed = cached.payload.json as CachedCorpus;
      const corpus: Corpus = { documents: unpackDocuments(packed.documents), skipped: packed.skipped };
      const base = indexPassages(corpus.documents);
      const words = { bits: cached.payload.wordStarts, passageStart: passageStarts(base.lengths) };
      const index: SearchIndex = { ...base, chars: cached.payload.chars, words };
      return { corpus, index, from: 'cache' as const, cacheFile: path.join(opts.cacheDir, CACHE_FILE), cacheBytes: cached.bytes };
    }
    log.info({ cacheDir: opts.cacheDir }, `index cache not used, rebuilding: ${cached.reason}`);
  }
  const { corpus, index } = await buildIndex(opts, dictionaryWords);
  let saved: { file: string; bytes: number } | null = null;
  if (opts.cacheDir) {
    try {
      const json: CachedCorpus = { documents: packDocuments(corpus.documents), skipped: corpus.skipped };
      saved = await saveIndexCache(opts.cacheDir, key, { json, chars: index.chars, wordStarts: index.words.bits });
    } catch (err) {
      log.warn({ cacheDir: opts.cacheDir }, `could not write the index cache (the index stays in memory): ${(err as Error).message}`);
    }
  }
  return { corpus, index, from: 'build' as const, cacheFile: saved?.file ?? null, cacheBytes: saved?.bytes ?? null };
}

/** Fewer exact matches than this, and the search offers corrections. */
const FEW_MATCHES = 3;

/**
 * The phrase table's life: started once (eagerly or on first use), then serving the table, completions and
 * corrections; the formulations it finds in several regions become jieba words, so that splitting a query term,
 * related results and phrases agree (新质生产力 stays one word).
 */
function phraseAnalysis(run: () => Promise<PhraseTable>, log: Logger) {
  let table: PhraseTable | null = null;
  let completions: SuggestIndex | null = null;
  let ready: Promise<PhraseTable> | null = null;
  const start = (): Promise<PhraseTable> => {
    if (ready) return ready;
    ready = run();
    ready.then(
      (built) => {
        table = built;
        completions = buildSuggestIndex(built);
        addJiebaWords(sharedFormulations(built).map((word) => ({ word, tag: 'nz' })));
      },
      (err: Error) => log.error(`phrase analysis failed (search still works): ${err.message}`),
    );
    return ready;
  };
  return {
    start,
    table: (): PhraseTable | null => {
      void start();
      return table;
    },
    suggest: (prefix: string, limit?: number): Suggestion[] => (completions ? suggest(completions, prefix, limit) : []),
    corrections: (terms: readonly string[]): string[] => (completions ? [...new Set(terms.flatMap((t) => didYouMean(completions!, t)))] : []),
  };
}


/** Region names of documents, in document order. */
function regionNames(documents: readonly PolicyDocument[]): string[] {
  return [...new Set(documents.map((d) => d.region).filter((r): r is string => r !== null))];
}

/** jieba's extra words: the dictionaries, and the region names so that 南山镇 stays one word. */
function vocabulary(words: readonly UserWord[], regions: readonly string[]): UserWord[] {
  return [...words, ...regions.map((word) => ({ word, tag: 'ns' }))];
}

const PHRASE_CACHE = 'phrases.json';

/** The phrase table from its cache, or counted in a worker thread and then cached. */
async function loadOrAnalyzePhrases(opts: EngineOptions, key: string, index: SearchIndex, words: UserWord[], terms: readonly UserWord[]): Promise<PhraseTable> {
  const log = opts.logger;
  if (opts.cacheDir) {
    const cached = await loadJsonCache<PhraseTable>(opts.cacheDir, PHRASE_CACHE, key);
    if (cached.ok) return cached.value;
    log.info(`phrase cache not used, counting phrases in the background: ${cached.reason}`);
  }
  const started = performance.now();
  const source = { normalized: index.normalized, passageDoc: index.passageDoc, lengths: index.lengths, chars: index.chars, documents: index.documents.map((d) => ({ region: d.region, year: d.year })) };
  const table = await analyzeInWorker({ source, words, terms: terms.map((t) => t.word) });
  log.info(`phrase analysis: ${table.phrases.length} phrases counted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (opts.cacheDir) {
    await saveJsonCache(opts.cacheDir, PHRASE_CACHE, key, table).catch((err: Error) => log.warn(`could not write the phrase cache: ${err.message}`));
  }
  return table;
}

/** Reads, cleans and splits the corpus, then builds the character index, logging progress. */
async function buildIndex(opts: EngineOptions, dictionaryWords: readonly UserWord[]): Promise<{ corpus: Corpus; index: SearchIndex }> {
  const log = opts.logger;
  const t0 = performance.now();
  const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);
  const { files, skipped } = await readCorpusFiles(opts.corpusDir);
  log.info(`building the index: ${files.length} files read in ${seconds()} s`);
  const csv = await readMetadataCsv(opts.corpusDir);
  const overrides = csv === null ? { overrides: [], errors: [] } : parseMetadataCsv(csv);
  for (const e of overrides.errors) log.warn({ file: 'metadata.csv', line: e.line }, `metadata.csv:${e.line}: ${e.message} (the other rows still apply)`);
  const { documents, notes } = buildCorpus(files, opts.split, overrides.overrides);
  for (const note of notes) log.info({ file: note.file }, `${note.file}: ${note.message}`);
  const base = indexPassages(documents);
  log.info(`building the index: ${documents.length} documents, ${base.passages.length} passages in ${seconds()} s`);
  // jieba's word edges on the other core while this one indexes characters.
  const edges = buildWordStartsInWorker(base.normalized, base.lengths, vocabulary(dictionaryWords, regionNames(documents)));
  const chars = buildCharIndex(base.normalized);
  log.info(`building the index: ${chars.keys.length} distinct characters and bigrams, ${chars.postings.length} postings in ${seconds()} s`);
  const words = { bits: await edges, passageStart: passageStarts(base.lengths) };
  log.info(`building the index: word edges of every passage in ${seconds()} s`);
  return { corpus: { documents, skipped: [...skipped] }, index: { ...base, chars, words } };
}

/** Says once per start which files were skipped and which documents lack metadata. */
function reportCorpus(corpus: Corpus, log: Logger): void {
  for (const skip of corpus.skipped) log.warn({ file: skip.name }, `skipped corpus file ${skip.name}: ${skip.reason}`);
  for (const doc of corpus.documents) {
    const missing = missingFields(doc);
    if (missing.length > 0) log.info({ doc: doc.id, missing }, `document ${doc.id} (${doc.title}) has no ${missing.join(', ')}`);
  }
}

/** The shipped policy vocabulary and the optional USER_DICT file; bad lines are logged with their numbers. */
async function loadDictionaries(opts: EngineOptions): Promise<{ words: UserWord[]; fingerprintText: string }> {
  const sources: [string, string][] = [[POLICY_DICTIONARY, await readFile(POLICY_DICTIONARY, 'utf8')]];
  if (opts.userDict) {
    try {
      sources.push([opts.userDict, await readFile(opts.userDict, 'utf8')]);
    } catch (err) {
      opts.logger.warn({ file: opts.userDict }, `USER_DICT not read: ${(err as Error).message}`);
    }
  }
  const words: UserWord[] = [];
  for (const [source, text] of sources) {
    const parsed = parseUserDictionary(text, source);
    words.push(...parsed.words);
    for (const e of parsed.errors) opts.logger.warn({ file: e.source, line: e.line }, `${e.source}:${e.line}: ${e.message}`);
  }
  return { words, fingerprintText: sources.map(([, text]) => text).join('\n') };
}
