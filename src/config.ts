import path from 'node:path';
import { SHIPPED_SLOGANS } from './tokenize/slogan-thesaurus.js';
import { SHIPPED_INDICATOR_SYNONYMS } from './figures/indicator-synonyms.js';

/** Where the engine reads and writes, and how the server listens. Every field has an environment variable. */
export interface Config {
  /** Directory of corpus files, read recursively (`CORPUS_DIR`, default `corpus/`). */
  readonly corpusDir: string;
  /** Directory of the on-disk index cache (`INDEX_CACHE_DIR`, default `index-cache/`). */
  readonly cacheDir: string;
  /** Optional extra user dictionary for jieba, one word a line (`USER_DICT`). */
  readonly userDict: string | null;
  /** The slogan thesaurus, `名称：部分、部分` a line (`SLOGANS`; default the shipped one). */
  readonly slogans: string | null;
  /** Indicator synonyms, `名称 = 别名 = …` a line (`INDICATOR_SYNONYMS`; default the shipped one). */
  readonly indicatorSynonyms: string | null;
  /** Port of the HTTP server (`PORT`, default 3000). */
  readonly port: number;
  /** Interface of the HTTP server (`HOST`, default 127.0.0.1). */
  readonly host: string;
  /** The address users reach the server at, for permalinks in citations (`PUBLIC_URL`; default: the request's). */
  readonly publicUrl: string | null;
  /** Watch the corpus folder and rebuild on changes (`WATCH=0` or `--no-watch` for a read-only deployment). */
  readonly watch: boolean;
}

/** The configuration from the environment, with flags (already parsed) taking precedence. */
export function loadConfig(flags: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const port = flags.port ?? Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`zhengce: PORT must be a port number, got "${env.PORT}"`);
  return {
    corpusDir: path.resolve(flags.corpusDir ?? env.CORPUS_DIR ?? 'corpus'),
    cacheDir: path.resolve(flags.cacheDir ?? env.INDEX_CACHE_DIR ?? 'index-cache'),
    userDict: flags.userDict ?? env.USER_DICT ?? null,
    slogans: flags.slogans ?? env.SLOGANS ?? SHIPPED_SLOGANS,
    indicatorSynonyms: flags.indicatorSynonyms ?? env.INDICATOR_SYNONYMS ?? SHIPPED_INDICATOR_SYNONYMS,
    port,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    publicUrl: publicUrl(flags.publicUrl ?? env.PUBLIC_URL ?? null),
    watch: flags.watch ?? !/^(?:0|false|no|off)$/i.test(env.WATCH ?? ''),
  };
}

/** A public URL without its trailing slash; refused unless it is http(s). */
function publicUrl(value: string | null): string | null {
  if (!value) return null;
  if (!/^https?:\/\/[^\s/]+/.test(value)) throw new Error(`zhengce: PUBLIC_URL must be an http(s) address such as https://search.example.org, got "${value}"`);
  return value.replace(/\/+$/, '');
}
