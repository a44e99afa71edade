import path from 'node:path';
import chokidar from 'chokidar';
import type { Logger } from './logger.js';
import { defaultEngineOptions, type BuildProgress, type Engine, type EngineOptions, type EngineStatus, type IndexOrigin, type LiveEngine, type LiveEngineOptions, type PhraseService } from './engine-types.js';
import { jobUrl, runInProcess } from './run-in-process.js';
import type { BuildJob } from './build-job.js';
import { addJiebaWords } from './tokenize/tokenize-text.js';
import { FiguresNotReadyError, matchingPassages, runQuery } from './query/run-query.js';
import type { PhraseTable } from './analysis/phrase-table.js';
import { sharedFormulations } from './analysis/shared-phrases.js';
import { corpusCacheDir, pruneCacheDir } from './search-index/cache-location.js';
import { figureTable } from './figures/figure-table.js';
import { inputFingerprint, loadDictionaries, loadIndicatorSynonyms, loadOrAnalyzePhrases, loadOrBuildIndex, loadOrExtractFigures, loadOrFindCopies, loadSlogans, regionNames, reportCorpus, vocabulary } from './open-index.js';
import { buildSuggestIndex, didYouMean, suggest, type Suggestion, type SuggestIndex } from './analysis/suggest-phrases.js';

export { defaultEngineOptions } from './engine-types.js';
export type { BuildProgress, Engine, PhraseService, EngineOptions, EngineStatus, IndexOrigin, LiveEngine, LiveEngineOptions, TimedSearchResult } from './engine-types.js';

/** Builds or loads the index for a corpus and returns a ready engine. */
export async function createEngine(options: Partial<EngineOptions> = {}): Promise<Engine> {
  // The documents of the index being replaced are for the load only: no closure made here may keep them (a rebuild
  // that changed every record would otherwise hold the previous corpus for the life of this engine).
  const known = options.knownDocuments ?? null;
  const given: EngineOptions = { ...defaultEngineOptions, ...options, knownDocuments: null };
  // From here on cacheDir is this corpus's own folder inside the cache directory.
  const opts: EngineOptions = { ...given, cacheDir: given.cacheDir ? await corpusCacheDir(given.cacheDir, given.corpusDir) : null };
  const started = performance.now();
  const dictionary = await loadDictionaries(opts);
  const key = await inputFingerprint(opts, dictionary.fingerprintText);
  const own = opts.cacheDir;
  const buildApart = given.buildApart && own ? () => runInProcess<BuildJob, unknown>(jobUrl('build-job', import.meta.url), { corpusDir: opts.corpusDir, cacheDir: own, userDict: opts.userDict, split: opts.split, key }, 'index build', (p) => given.onProgress(p as BuildProgress), 'normal') : null;
  const { corpus, index, from, cacheFile, cacheBytes } = await loadOrBuildIndex(opts, key, dictionary.words, buildApart, known);
  if (given.cacheDir && opts.cacheDir) {
    const removed = await pruneCacheDir(given.cacheDir, opts.cacheDir);
    if (removed.length > 0) opts.logger.info({ removed }, `removed ${removed.length} unused cache entries from ${given.cacheDir}`);
  }
  reportCorpus(corpus, opts.logger);
  const regions = regionNames(corpus.documents);
  const words = vocabulary(dictionary.words, regions);
  addJiebaWords(words);
  const slogans = await loadSlogans(opts, index);
  // Job processes read the index from its cache file rather than be sent it.
  const cached = cacheFile && own ? { dir: own, key } : null;
  const origin: IndexOrigin = { from, ms: Math.round(performance.now() - started), cacheFile, cacheBytes };
  opts.logger.info({ ...origin, documents: corpus.documents.length, passages: index.passages.length }, `index ready (${from}) in ${(origin.ms / 1000).toFixed(1)} s`);
  const phrases = phraseAnalysis(() => loadOrAnalyzePhrases(opts, key, index, words, dictionary.words, cached), opts.logger);
  const copies = backgroundJob(() => loadOrFindCopies(opts, key, index, cached), opts.logger, 'copy search');
  const synonyms = await loadIndicatorSynonyms(opts);
  const figures = backgroundJob(async () => figureTable(await loadOrExtractFigures(opts, key, index, words, cached), synonyms), opts.logger, 'figure extraction');
  // One job at a time in the worker: figures (seconds, and searches ask for them), phrases, then copies.
  // Failures are logged where they happen.
  if (opts.phrases === 'eager') figures.start().catch(() => {}).then(() => phrases.start()).catch(() => {}).then(() => copies.start()).catch(() => {});
  const byId = new Map(corpus.documents.map((d) => [d.id, d]));
  return {
    documents: corpus.documents,
    skipped: corpus.skipped,
    index,
    knownDocuments: corpus.recordKeys ? { keys: corpus.recordKeys, documents: corpus.documents } : null,
    origin,
    regions,
    slogans,
    phrases: phrases.table,
    whenPhrasesReady: phrases.start,
    copies: copies.value,
    whenCopiesReady: copies.start,
    figures: figures.value,
    whenFiguresReady: figures.start,
    backgroundResults: () => [phrases.peek(), figures.peek(), copies.peek()],
    suggest: phrases.suggest,
    phraseService: phrases.service,
    getDocument: (id) => byId.get(id),
    search(request) {
      const t0 = performance.now();
      const result = withFiguresStarted(() => runQuery(index, { ...request, slogans, figures: figures.peek() }), figures.start);
      // Corrections are for words the corpus hardly holds, not for a filter that leaves few of their passages.
      const corrections = result.matched < FEW_MATCHES ? phrases.corrections(result.query.groups.flat().map((t) => t.text)) : [];
      return { ...result, didYouMean: corrections, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
    },
    matchesInDocument(id, q) {
      const d = corpus.documents.findIndex((doc) => doc.id === id);
      return new Set([...withFiguresStarted(() => matchingPassages(index, { q, slogans, figures: figures.peek() }), figures.start)].filter((p) => index.passageDoc[p] === d).map((p) => index.passages[p].index));
    },
  };
}

/** A result computed once in the background, started on first use: null until it is ready; a failure is logged. */
function backgroundJob<T>(run: () => Promise<T>, log: Logger, what: string) {
  let value: T | null = null;
  let ready: Promise<T> | null = null;
  const start = (): Promise<T> => {
    if (ready) return ready;
    ready = run();
    ready.then(
      (done) => (value = done),
      (err: Error) => log.error(`${what} failed (search still works): ${err.message}`),
    );
    return ready;
  };
  return {
    start,
    value: (): T | null => {
      void start();
      return value;
    },
    /** The result if it is there, without starting the job (a search that may not need it). */
    peek: (): T | null => value,
  };
}

/**
 * Runs a search that reads the figures only if it is a figure query: one asked before they are read starts their
 * job, and its 503 says to try again; other searches never start it (a one-shot CLI search does not wait for it).
 */
function withFiguresStarted<R>(search: () => R, start: () => Promise<unknown>): R {
  try {
    return search();
  } catch (err) {
    if (err instanceof FiguresNotReadyError) start().catch(() => {});
    throw err;
  }
}

/** What `/api/status` says of an engine's background results, read without starting their jobs. */
export function backgroundStates(engine: Pick<Engine, 'backgroundResults'>): Pick<EngineStatus, 'phrases' | 'figures' | 'copies'> {
  const [phrases, figures, copies] = engine.backgroundResults();
  return { phrases: phrases ? 'ready' : 'counting', figures: figures ? 'ready' : 'reading', copies: copies ? 'ready' : 'searching' };
}

/** Fewer exact matches than this, and the search offers corrections. */
const FEW_MATCHES = 3;

/**
 * The phrase table's life: started once (eagerly or on first use), then serving the table, completions and
 * corrections; the formulations it finds in several regions become jieba words, so that splitting a query term,
 * related results and phrases agree (新质生产力 stays one word).
 */
function phraseAnalysis(run: () => Promise<PhraseTable>, log: Logger) {
  let completions: SuggestIndex | null = null;
  let service: PhraseService | null = null;
  const job = backgroundJob(async () => {
    const built = await run();
    completions = buildSuggestIndex(built);
    service = servePhrases(built, completions);
    addJiebaWords(sharedFormulations(built).map((word) => ({ word, tag: 'nz' })));
    return built;
  }, log, 'phrase analysis');
  return {
    start: job.start,
    table: job.value,
    peek: job.peek,
    suggest: (prefix: string, limit?: number): Suggestion[] => (completions ? suggest(completions, prefix, limit) : []),
    service: (): PhraseService | null => service,
    corrections: (terms: readonly string[]): string[] => (completions ? [...new Set(terms.flatMap((t) => didYouMean(completions!, t)))] : []),
  };
}


/**
 * A phrase table and its completions, made at module level so that the closure holds these two only: one made
 * inside the engine would keep the whole engine — its index, some 700 MB on the 63 MB corpus — alive with it.
 */
function servePhrases(table: PhraseTable, completions: SuggestIndex): PhraseService {
  return { table, suggest: (prefix, limit) => suggest(completions, prefix, limit) };
}

/** Retry an unreadable corpus folder this often. */
const RETRY_MS = 10_000;

/**
 * An engine that serves its corpus while the corpus changes: changes (files added, changed, renamed, removed,
 * metadata.csv) start a rebuild in a job process, which writes the new cache; the new index is loaded and swapped
 * in at once, so every request is answered by one complete index, old or new. The phrase table follows the same
 * way once counted (the previous one serves meanwhile).
 */
export async function createLiveEngine(options: Partial<LiveEngineOptions> = {}): Promise<LiveEngine> {
  const opts: LiveEngineOptions = { ...defaultEngineOptions, watch: true, debounceMs: 1000, ...options };
  const log = opts.logger;
  let servingSince = new Date().toISOString();
  let running: Promise<void> | null = null;
  let pending = false;
  let startedAt: string | null = null;
  let progress: BuildProgress | null = null;
  let lastSwapAt: string | null = null;
  let lastMs: number | null = null;
  let lastError: string | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const rebuildOnce = async (): Promise<void> => {
    const t0 = performance.now();
    startedAt = new Date().toISOString();
    try {
      // With a cache, a job process builds and writes it, and this thread only loads it; without one it builds here.
      const next = await createEngine({ ...opts, phrases: 'eager', buildApart: true, knownDocuments: current.knownDocuments, onProgress: (p) => (progress = p) });
      // The index swaps now; the previous phrase table serves until the new one is counted, then follows. Only the
      // table is kept: the previous index goes at once, so that two indexes are not held while the phrases count.
      previous = current.phraseService() ?? previous;
      current = next;
      const dropPrevious = () => {
        if (current === next) previous = null;
      };
      void next.whenPhrasesReady().then(dropPrevious, dropPrevious);
      servingSince = lastSwapAt = new Date().toISOString();
      lastMs = Math.round(performance.now() - t0);
      lastError = null;
      log.info({ documents: next.documents.length, ms: lastMs }, `index swapped: ${next.documents.length} documents, rebuilt in ${(lastMs / 1000).toFixed(1)} s`);
    } catch (err) {
      lastError = (err as Error).message;
      log.error({ corpusDir: opts.corpusDir }, `rebuild failed, the last good index keeps serving: ${lastError}`);
      if (!closed) setTimeout(schedule, RETRY_MS).unref();
    } finally {
      startedAt = null;
      progress = null;
    }
  };
  const rebuild = (): Promise<void> => {
    if (running) {
      pending = true;
      return running;
    }
    running = (async () => {
      do {
        pending = false;
        await rebuildOnce();
      } while (pending && !closed);
      running = null;
    })();
    return running;
  };
  let started = false;
  let changedDuringStart = false;
  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), opts.debounceMs);
    timer.unref();
  }
  // The watcher starts before the first build, so that a file copied in while it runs is not missed.
  const watcher = opts.watch
    ? chokidar
        .watch(opts.corpusDir, { ignoreInitial: true, ignored: (file) => path.basename(file).startsWith('.'), awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 100 } })
        .on('all', () => (started ? schedule() : (changedDuringStart = true)))
        .on('error', (err) => log.warn(`watching ${opts.corpusDir}: ${(err as Error).message}`))
    : null;
  if (watcher) await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  let current = await createEngine({ ...opts, buildApart: true });
  let previous: PhraseService | null = null;
  started = true;
  if (changedDuringStart) schedule();

  return {
    get documents() { return current.documents; },
    get skipped() { return current.skipped; },
    get index() { return current.index; },
    get knownDocuments() { return current.knownDocuments; },
    get origin() { return current.origin; },
    get regions() { return current.regions; },
    get slogans() { return current.slogans; },
    phrases: () => current.phrases() ?? previous?.table ?? null,
    whenPhrasesReady: () => current.whenPhrasesReady(),
    // The previous copies are the previous index's passage numbers: nothing serves until the new ones are found.
    copies: () => current.copies(),
    whenCopiesReady: () => current.whenCopiesReady(),
    figures: () => current.figures(),
    whenFiguresReady: () => current.whenFiguresReady(),
    // The previous phrase table serves until the new one is counted, so it is part of what answers are made from.
    backgroundResults: () => {
      const [table, figures, copies] = current.backgroundResults();
      return [table ?? previous?.table ?? null, figures, copies];
    },
    suggest: (prefix, limit) => (current.phrases() || !previous ? current : previous).suggest(prefix, limit),
    phraseService: () => current.phraseService() ?? previous,
    getDocument: (id) => current.getDocument(id),
    search: (request) => current.search(request),
    matchesInDocument: (id, q) => current.matchesInDocument(id, q),
    rebuild,
    status: () => ({
      corpusDir: opts.corpusDir,
      documents: current.documents.length,
      passages: current.index.passages.length,
      skipped: current.skipped.length,
      origin: current.origin,
      servingSince,
      watching: watcher !== null,
      ...backgroundStates(current),
      rebuild: { running: running !== null, startedAt, progress, pending, lastSwapAt, lastMs, lastError },
    }),
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher?.close();
      await running;
    },
  };
}
