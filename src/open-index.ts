import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { PolicyDocument } from './types.js';
import type { Logger } from './logger.js';
import { buildCorpus, missingFields } from './corpus/build-documents.js';
import { parseMetadataCsv } from './corpus/metadata-overrides.js';
import { listCorpusFiles, readCorpusFiles, readMetadataCsv, type ReadMemo } from './corpus/read-corpus-files.js';
import { READERS_VERSION } from './corpus/readers/read-source-file.js';
import { METADATA_RULES_VERSION } from './corpus/extract-metadata.js';
import { NORMALIZE_VERSION } from './tokenize/normalize-text.js';
import { TOKENIZER_VERSION } from './tokenize/tokenize-text.js';
import { parseUserDictionary, type UserWord } from './tokenize/user-dictionary.js';
import { buildCharIndex } from './search-index/char-index.js';
import { CACHE_SCHEMA_VERSION, fingerprint, fingerprintHash, loadPreviousWords, saveIndexCache } from './search-index/index-cache.js';
import { loadJsonCache, saveJsonCache } from './search-index/json-cache.js';
import { indexPassages, passagesContaining, type SearchIndex } from './search-index/search-index.js';
import { startWordStartsInProcess, passageStarts, type PreviousWords } from './search-index/word-starts.js';
import { packDocuments } from './search-index/pack-documents.js';
import { PHRASE_RULES_VERSION, type PhraseTable } from './analysis/phrase-table.js';
import { findCorpusSlogans } from './analysis/find-slogans.js';
import { COPY_RULES_VERSION, type Copies } from './analysis/find-copies.js';
import { jobUrl, runApart, runsApart } from './run-in-process.js';
import { packTexts } from './search-index/packed-texts.js';
import { indexFromCache, type CachedCorpus, type CachedIndexRef, type Corpus, type KnownDocuments } from './search-index/cached-index.js';
export type { Corpus } from './search-index/cached-index.js';
import type { PhraseJob } from './analysis/phrase-job.js';
import type { CopiesJob } from './copies-job.js';
import type { FiguresJob } from './figures-job.js';
import { FIGURE_RULES_VERSION } from './figures/extract-figures.js';
import type { FigureRecord } from './figures/figure-table.js';
import { parseIndicatorSynonyms, type IndicatorGroups } from './figures/indicator-synonyms.js';
import { parseSloganThesaurus, type Slogan } from './tokenize/slogan-thesaurus.js';
import type { EngineOptions } from './engine.js';

/**
 * Opening an index, without state: the fingerprint of the inputs, the cache load or the build (reading, cleaning,
 * splitting, the character index, jieba's word edges), the phrase table's cache or count. The engine calls these
 * and keeps what they return.
 */

/** The policy vocabulary shipped with the engine. */
export const POLICY_DICTIONARY = fileURLToPath(new URL('./tokenize/policy-dictionary.txt', import.meta.url));

/** The key of every input of the index: versions, options, dictionaries, metadata.csv, each corpus file's name and bytes. */
export async function inputFingerprint(opts: EngineOptions, dictionaryText: string): Promise<string> {
  const names = await listCorpusFiles(opts.corpusDir);
  const hash = fingerprintHash();
  hash.add(`schema ${CACHE_SCHEMA_VERSION} readers ${READERS_VERSION} metadata ${METADATA_RULES_VERSION} normalize ${NORMALIZE_VERSION} tokenizer ${TOKENIZER_VERSION}`);
  hash.add(JSON.stringify(opts.split));
  hash.add(dictionaryText);
  hash.add(`metadata.csv ${(await readMetadataCsv(opts.corpusDir)) ?? ''}`);
  // A few files at a time, hashed in order: all 3,469 laws read at once held 63 MB, and their completions, run
  // back to back, held a swapping server's event loop 0.2 s.
  for (let from = 0; from < names.length; from += FINGERPRINT_BATCH) {
    const batch = names.slice(from, from + FINGERPRINT_BATCH);
    const files = await Promise.all(batch.map((name) => readFile(`${opts.corpusDir}/${name}`)));
    batch.forEach((name, i) => {
      hash.add(name);
      hash.add(files[i]);
    });
  }
  return hash.digest();
}

/** How many corpus files the fingerprint reads at once. */
const FINGERPRINT_BATCH = 16;

/**
 * The index from the cache when it matches the inputs; otherwise built and cached, saying why. `buildApart`, when
 * given, builds and writes the cache elsewhere (a job process), and the index is then loaded from it.
 */
export async function loadOrBuildIndex(opts: EngineOptions, key: string, dictionaryWords: readonly UserWord[], buildApart: (() => Promise<unknown>) | null = null, known: KnownDocuments | null = null) {
  const log = opts.logger;
  if (opts.cacheDir) {
    const cached = await indexFromCache(opts.cacheDir, key, known);
    if (cached.ok) return { ...cached.value, from: 'cache' as const };
    log.info({ cacheDir: opts.cacheDir }, `index cache not used, rebuilding: ${cached.reason}`);
    if (buildApart) {
      await buildApart();
      const built = await indexFromCache(opts.cacheDir, key, known);
      if (built.ok) return { ...built.value, from: 'build' as const };
      // The inputs changed while the job process built: build them here as they are now.
      log.info({ cacheDir: opts.cacheDir }, `the index built apart cannot be used, building here: ${built.reason}`);
    }
  }
  return buildAndCacheIndex(opts, key, dictionaryWords);
}

/** The index built from the corpus, and written to the cache (when there is one) under `key`. */
export async function buildAndCacheIndex(opts: EngineOptions, key: string, dictionaryWords: readonly UserWord[]) {
  const log = opts.logger;
  const { corpus, index, wordsKey: cutWith } = await buildIndex(opts, dictionaryWords);
  let saved: { file: string; bytes: number; recordKeys: string[] } | null = null;
  if (opts.cacheDir) {
    try {
      const json: CachedCorpus = { skipped: corpus.skipped, wordsKey: cutWith };
      saved = await saveIndexCache(opts.cacheDir, key, { json, records: packDocuments(corpus.documents), chars: index.chars, wordStarts: index.words.bits, normalized: index.normalized.join(''), lengths: index.lengths });
    } catch (err) {
      log.warn({ cacheDir: opts.cacheDir }, `could not write the index cache (the index stays in memory): ${(err as Error).message}`);
    }
  }
  return { corpus: { ...corpus, recordKeys: saved?.recordKeys }, index, from: 'build' as const, cacheFile: saved?.file ?? null, cacheBytes: saved?.bytes ?? null };
}

/** Region names of documents, in document order. */
export function regionNames(documents: readonly PolicyDocument[]): string[] {
  return [...new Set(documents.map((d) => d.region).filter((r): r is string => r !== null))];
}

/** jieba's extra words: the dictionaries, and the region names so that 南山镇 stays one word. */
export function vocabulary(words: readonly UserWord[], regions: readonly string[]): UserWord[] {
  return [...words, ...regions.map((word) => ({ word, tag: 'ns' }))];
}

export const PHRASE_CACHE = 'phrases.json';
export const COPIES_CACHE = 'copies.json';
export const FIGURES_CACHE = 'figures.json';
/** The memo of earlier reads of the corpus's files (see `ReadMemo`), kept whatever the fingerprint. */
export const READS_CACHE = 'reads.json';

/**
 * A result computed from the index in a job process, kept in a cache file of its own under the index's
 * fingerprint and the rules' version: loaded when it is there, else computed, logged with its time, and saved.
 */
async function loadOrCompute<T>(opts: EngineOptions, file: string, key: string, job: { cache: string; what: string; doing: string }, compute: () => Promise<T>, summary: (value: T) => string): Promise<T> {
  const log = opts.logger;
  const what = job.what;
  if (opts.cacheDir) {
    const cached = await loadJsonCache<T>(opts.cacheDir, file, key);
    if (cached.ok) return cached.value;
    log.info(`${job.cache} cache not used, ${job.doing} in the background: ${cached.reason}`);
  }
  const started = performance.now();
  const value = await compute();
  log.info(`${what}: ${summary(value)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (opts.cacheDir) await saveJsonCache(opts.cacheDir, file, key, value).catch((err: Error) => log.warn(`could not write the ${what} cache: ${err.message}`));
  return value;
}

/** The phrase table from its cache, or counted in a job process (or here, for a small corpus) and then cached. */
export function loadOrAnalyzePhrases(opts: EngineOptions, indexKey: string, index: SearchIndex, words: UserWord[], terms: readonly UserWord[], cached: CachedIndexRef | null = null): Promise<PhraseTable> {
  // The job is made only when the table is counted: a cache load needs no 19-million-character copy of the texts.
  const compute = () => {
    const source = fromCache(cached, index) ?? { texts: packTexts(index.normalized, index.lengths), passageDoc: index.passageDoc, lengths: index.lengths, chars: index.chars, words: index.words, documents: index.documents.map((d) => ({ region: d.region, year: d.year })) };
    return runApart<PhraseJob, PhraseTable>(jobUrl('analysis/phrase-job', import.meta.url), { source, words, terms: terms.map((t) => t.word) }, 'phrase analysis', index.passages.length);
  };
  return loadOrCompute(opts, PHRASE_CACHE, `${indexKey} phrase-rules ${PHRASE_RULES_VERSION}`, { cache: 'phrase', what: 'phrase analysis', doing: 'counting phrases' }, compute, (t) => `${t.phrases.length} phrases counted`);
}

/** The figures of every passage from their cache, or read in a job process (or here, for a small corpus) and then cached. */
export function loadOrExtractFigures(opts: EngineOptions, indexKey: string, index: SearchIndex, words: readonly UserWord[], cached: CachedIndexRef | null = null): Promise<FigureRecord[]> {
  const compute = () => {
    const passages = fromCache(cached, index) ?? index.passages.map((p) => ({ text: p.text, section: p.section }));
    return runApart<FiguresJob, FigureRecord[]>(jobUrl('figures-job', import.meta.url), { passages, words }, 'figure extraction', index.passages.length);
  };
  return loadOrCompute(opts, FIGURES_CACHE, `${indexKey} figure-rules ${FIGURE_RULES_VERSION}`, { cache: 'figure', what: 'figure extraction', doing: 'reading figures' }, compute, (r) => `${r.length} figures read`);
}

/**
 * Where a job process reads the index itself: the cache file it was loaded from, when there is one and the job
 * runs in a process. Sent through the pipe instead, the index (its texts, postings, passages) was serialised on the
 * server's thread — 0.3–0.5 s per job after every swap, with every request waiting — and its copy in the pipe's
 * buffers was a few hundred MB more RSS.
 */
function fromCache(cached: CachedIndexRef | null, index: SearchIndex): { cached: CachedIndexRef } | null {
  return cached && runsApart(index.passages.length) ? { cached } : null;
}

/** The indicator synonym list (INDICATOR_SYNONYMS, or the shipped one); bad lines logged with their numbers. */
export async function loadIndicatorSynonyms(opts: EngineOptions): Promise<IndicatorGroups> {
  if (!opts.indicatorSynonyms) return new Map();
  try {
    const parsed = parseIndicatorSynonyms(await readFile(opts.indicatorSynonyms, 'utf8'), opts.indicatorSynonyms);
    for (const e of parsed.errors) opts.logger.warn({ file: e.source, line: e.line }, `${e.source}:${e.line}: ${e.message}`);
    return parsed.groups;
  } catch (err) {
    opts.logger.warn({ file: opts.indicatorSynonyms }, `indicator synonyms not read: ${(err as Error).message}`);
    return new Map();
  }
}

/** The near-duplicate passages from their cache, or found in a job process (or here, for a small corpus) and then cached. */
export function loadOrFindCopies(opts: EngineOptions, indexKey: string, index: SearchIndex, cached: CachedIndexRef | null = null): Promise<Copies> {
  const compute = () => {
    const job: CopiesJob = fromCache(cached, index) ?? { texts: packTexts(index.normalized, index.lengths), passageDoc: index.passageDoc, headings: index.headings };
    return runApart<CopiesJob, Copies>(jobUrl('copies-job', import.meta.url), job, 'copy search', index.passages.length);
  };
  return loadOrCompute(opts, COPIES_CACHE, `${indexKey} copy-rules ${COPY_RULES_VERSION}`, { cache: 'copy', what: 'copy search', doing: 'looking for copied passages' }, compute, (c) => `${c.pairs.length} pairs of near-duplicate passages found`);
}

/** Reads, cleans and splits the corpus, then builds the character index, logging progress. */
export async function buildIndex(opts: EngineOptions, dictionaryWords: readonly UserWord[]): Promise<{ corpus: Corpus; index: SearchIndex; wordsKey: string }> {
  const log = opts.logger;
  const t0 = performance.now();
  const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);
  const progress = opts.onProgress;
  const readsKey = `readers ${READERS_VERSION}`;
  const memo = opts.cacheDir ? await loadJsonCache<ReadMemo>(opts.cacheDir, READS_CACHE, readsKey) : null;
  const { files, skipped, reads, reused } = await readCorpusFiles(opts.corpusDir, (done, total) => progress({ stage: 'reading files', done, total, passages: 0 }), memo?.ok ? memo.value : {});
  log.info(`building the index: ${files.length} files read in ${seconds()} s${reused > 0 ? ` (${reused} as read by an earlier build: same bytes)` : ''}`);
  const savedReads = opts.cacheDir ? saveJsonCache(opts.cacheDir, READS_CACHE, readsKey, reads).catch((err: Error) => log.warn(`could not write the read cache: ${err.message}`)) : null;
  const csv = await readMetadataCsv(opts.corpusDir);
  const overrides = csv === null ? { overrides: [], errors: [] } : parseMetadataCsv(csv);
  for (const e of overrides.errors) log.warn({ file: 'metadata.csv', line: e.line }, `metadata.csv:${e.line}: ${e.message} (the other rows still apply)`);
  const { documents, notes } = buildCorpus(files, opts.split, overrides.overrides);
  for (const note of notes) log.info({ file: note.file }, `${note.file}: ${note.message}`);
  const base = indexPassages(documents);
  log.info(`building the index: ${documents.length} documents, ${base.passages.length} passages in ${seconds()} s`);
  progress({ stage: 'indexing characters and words', done: files.length, total: files.length, passages: base.passages.length });
  // jieba's word edges on the other core while this one indexes characters; those of passages the last build
  // holds with the same text and vocabulary are taken over from its cache.
  const words = vocabulary(dictionaryWords, regionNames(documents));
  const cutWith = wordsKey(words);
  const previous = opts.cacheDir ? await previousWords(opts.cacheDir, cutWith) : null;
  const edges = (await startWordStartsInProcess(base.normalized, base.lengths, words, previous)).answer;
  const chars = buildCharIndex(base.normalized);
  log.info(`building the index: ${chars.keys.length} distinct characters and bigrams, ${chars.postings.length} postings in ${seconds()} s`);
  const { bits, reused: cut } = await edges;
  log.info(`building the index: word edges of every passage in ${seconds()} s${cut > 0 ? ` (${cut} of ${base.passages.length} passages as cut by the last build: same text and vocabulary)` : ''}`);
  await savedReads;
  progress({ stage: 'done', done: files.length, total: files.length, passages: base.passages.length });
  return { corpus: { documents, skipped: [...skipped] }, index: { ...base, chars, words: { bits, passageStart: passageStarts(base.lengths) } }, wordsKey: cutWith };
}

/** What identifies jieba's vocabulary: the same key, the same cut of the same text. */
function wordsKey(words: readonly UserWord[]): string {
  return fingerprint([`tokenizer ${TOKENIZER_VERSION} normalize ${NORMALIZE_VERSION}`, JSON.stringify(words)]);
}

/** The word edges of the cache there if they were cut with this vocabulary; otherwise none. */
async function previousWords(cacheDir: string, key: string): Promise<PreviousWords | null> {
  const previous = await loadPreviousWords(cacheDir);
  return previous && (previous.json as Partial<CachedCorpus>).wordsKey === key ? previous : null;
}

/** Says once per start which files were skipped and which documents lack metadata. */
export function reportCorpus(corpus: Corpus, log: Logger): void {
  for (const skip of corpus.skipped) log.warn({ file: skip.name }, `skipped corpus file ${skip.name}: ${skip.reason}`);
  for (const doc of corpus.documents) {
    const missing = missingFields(doc);
    if (missing.length > 0) log.info({ doc: doc.id, missing }, `document ${doc.id} (${doc.title}) has no ${missing.join(', ')}`);
  }
}

/** The shipped policy vocabulary and the optional USER_DICT file; bad lines are logged with their numbers. */
export async function loadDictionaries(opts: EngineOptions): Promise<{ words: UserWord[]; fingerprintText: string }> {
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

/**
 * The slogans `~六稳` unfolds: the thesaurus file's (bad lines logged with their numbers; a missing file logged and
 * skipped), then those the corpus defines (`“三清三拆三整治”即…`) that the thesaurus lacks.
 */
export async function loadSlogans(opts: EngineOptions, index: Pick<SearchIndex, 'chars' | 'normalized' | 'passages'>): Promise<Slogan[]> {
  const slogans: Slogan[] = [];
  if (opts.slogans) {
    try {
      const parsed = parseSloganThesaurus(await readFile(opts.slogans, 'utf8'), opts.slogans);
      slogans.push(...parsed.slogans);
      for (const e of parsed.errors) opts.logger.warn({ file: e.source, line: e.line }, `${e.source}:${e.line}: ${e.message}`);
    } catch (err) {
      opts.logger.warn({ file: opts.slogans }, `slogan thesaurus not read: ${(err as Error).message}`);
    }
  }
  const known = new Set(slogans.map((s) => s.name));
  // Only passages with an opening quote can define one; the index names them (scanning all 363,000 laws took 77 ms).
  const quoted = Array.from(passagesContaining(index, '“'), (p) => index.passages[p]);
  return [...slogans, ...findCorpusSlogans(quoted).filter((s) => !known.has(s.name))];
}

