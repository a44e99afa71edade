import { createHash } from 'node:crypto';
import { readdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a corpus keeps its cache inside the cache directory: a folder of its own, named after the corpus folder
 * and a hash of its real path (`corpus-3f2a9c10d4`), so that a run on another corpus never overwrites the cache
 * of the default one.
 */
export async function corpusCacheDir(root: string, corpusDir: string): Promise<string> {
  const real = await realpath(corpusDir).catch(() => path.resolve(corpusDir));
  const slug = path.basename(real).replace(/[^\w.-]+/g, '_').slice(0, 40) || 'corpus';
  return path.join(root, `${slug}-${createHash('sha1').update(real).digest('hex').slice(0, 10)}`);
}

/** How many corpus caches a cache directory keeps; the least recently used beyond these are removed. */
export const KEEP_CORPUS_CACHES = 5;

/**
 * Removes what is no longer used from a cache directory: corpus folders beyond the most recently used
 * KEEP_CORPUS_CACHES (never `current`), and cache files an older version left at the top. Returns what it removed.
 */
export async function pruneCacheDir(root: string, current: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  const folders: { dir: string; used: number }[] = [];
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isFile() && /^(?:index\.bin|phrases\.json)$|\.tmp$/.test(entry.name)) {
      await rm(full, { force: true });
      removed.push(full);
    } else if (entry.isDirectory() && full !== current && /-[0-9a-f]{10}$/.test(entry.name)) {
      const used = await stat(path.join(full, 'index.bin')).then((s) => s.mtimeMs, () => 0);
      folders.push({ dir: full, used });
    }
  }
  folders.sort((a, b) => b.used - a.used);
  for (const { dir } of folders.slice(KEEP_CORPUS_CACHES - 1)) {
    await rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
