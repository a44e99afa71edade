#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.js';
import { createEngine } from '../engine.js';
import { createLogger } from '../logger.js';
import { printDocuments } from './print-documents.js';
import { buildProgressBar } from './progress-bar.js';
import { printDistinctive, printKwic, printMatrix, printPhrases } from './print-analysis.js';
import { printSearch } from './print-search.js';
import { serve } from './serve.js';

/** The command line: documents | search | phrases | kwic | matrix | distinctive | index | serve. Output to stdout, logs to stderr. */
const program = new Command();
program
  .name('zhengce')
  .description('政策检索: full-text search for Chinese policy documents')
  .option('--corpus <dir>', 'corpus directory (env CORPUS_DIR, default corpus/)')
  .option('--cache-dir <dir>', 'index cache directory (env INDEX_CACHE_DIR, default index-cache/)')
  .option('--user-dict <file>', 'extra jieba user dictionary (env USER_DICT)')
  .option('--slogans <file>', 'slogan thesaurus, 名称：部分、部分 a line (env SLOGANS, default the shipped one)')
  .option('--indicator-synonyms <file>', 'indicator synonyms, 名称 = 别名 a line (env INDICATOR_SYNONYMS, default the shipped one)');

function config(extra: { port?: number; host?: string; publicUrl?: string; watch?: boolean } = {}) {
  const o = program.opts<{ corpus?: string; cacheDir?: string; userDict?: string; slogans?: string; indicatorSynonyms?: string }>();
  return loadConfig({ corpusDir: o.corpus, cacheDir: o.cacheDir, userDict: o.userDict, slogans: o.slogans, indicatorSynonyms: o.indicatorSynonyms, ...extra });
}

/** An engine for a one-shot command: progress is logged only when asked for (LOG_LEVEL), the index always. */
async function engineFor(cfg: ReturnType<typeof config>, logger = createLogger(process.env.LOG_LEVEL ?? 'warn')) {
  return createEngine({ corpusDir: cfg.corpusDir, cacheDir: cfg.cacheDir, userDict: cfg.userDict, slogans: cfg.slogans, indicatorSynonyms: cfg.indicatorSynonyms, logger, onProgress: buildProgressBar() });
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

program
  .command('documents')
  .description('list the documents of the corpus with their metadata')
  .option('--json', 'print JSON (as GET /api/documents)')
  .action(async (o: { json?: boolean }) => printDocuments(await engineFor(config()), o.json === true));

program
  .command('search <query>')
  .description('search the corpus (query syntax: words AND, OR, "phrase", -exclude, region:, year:)')
  .option('--json', 'print JSON (as GET /api/search)')
  .option('--limit <n>', 'number of hits', positiveInt, 10)
  .option('--offset <n>', 'hits to skip', (v) => Number(v), 0)
  .option('--related', 'also list related matches when the exact ones fill a page')
  .option('--explain', 'say how the query was read')
  .action(async (query: string, o: { json?: boolean; limit: number; offset: number; related?: boolean; explain?: boolean }) =>
    printSearch(await engineFor(config()), query, o),
  );

program
  .command('phrases')
  .description('formulations shared across regions, with counts per region')
  .option('--min-regions <k>', 'a phrase must occur in at least k regions', positiveInt, 2)
  .option('--limit <n>', 'number of phrases', positiveInt, 100)
  .option('--csv', 'print CSV (UTF-8 with BOM)')
  .action(async (o: { minRegions: number; limit: number; csv?: boolean }) => printPhrases(await engineFor(config()), o));

program
  .command('kwic <phrase>')
  .description('concordance: every occurrence of a phrase with its context')
  .option('--sort <by>', 'corpus, region, left or right', 'corpus')
  .option('--csv', 'print CSV (UTF-8 with BOM)')
  .action(async (phrase: string, o: { sort: string; csv?: boolean }) => printKwic(await engineFor(config()), phrase, o));

program
  .command('matrix [phrases...]')
  .description('phrase × region counts (default: the top shared phrases)')
  .option('--csv', 'print CSV (UTF-8 with BOM)')
  .action(async (phrases: string[], o: { csv?: boolean }) => printMatrix(await engineFor(config()), phrases, o));

program
  .command('distinctive <region>')
  .description("phrases one region uses more than the others (log-likelihood G²)")
  .option('--min-count <n>', 'minimum occurrences in the region', positiveInt, 2)
  .option('--limit <n>', 'number of phrases', positiveInt, 30)
  .option('--csv', 'print CSV (UTF-8 with BOM)')
  .action(async (region: string, o: { minCount: number; limit: number; csv?: boolean }) => printDistinctive(await engineFor(config()), region, o));

program
  .command('index')
  .description('build the index and phrase caches ahead of time (or check that they are current)')
  .action(async () => {
    const engine = await engineFor(config(), createLogger());
    await engine.whenPhrasesReady();
    const { from, ms, cacheFile, cacheBytes } = engine.origin;
    console.log(`${from === 'build' ? 'built' : 'cache is current'}: ${engine.documents.length} documents, ${engine.index.passages.length} passages in ${(ms / 1000).toFixed(1)} s; ${cacheFile ?? 'no cache'} (${((cacheBytes ?? 0) / 1e6).toFixed(1)} MB)`);
  });

program
  .command('serve')
  .description('start the web server (env PORT, HOST)')
  .option('--port <n>', 'port (env PORT, default 3000)', (v) => Number(v))
  .option('--host <host>', 'interface (env HOST, default 127.0.0.1)')
  .option('--public-url <url>', 'address users reach the server at, for permalinks (env PUBLIC_URL)')
  .option('--no-watch', 'do not watch the corpus folder for changes (env WATCH=0)')
  .action(async (o: { port?: number; host?: string; publicUrl?: string; watch: boolean }) => serve(config({ ...o, watch: o.watch ? undefined : false })));

program.parseAsync().catch((err: Error) => {
  console.error(`zhengce: ${err.message}`);
  process.exitCode = 1;
});
