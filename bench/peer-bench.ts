import Database from 'better-sqlite3';
import type { Engine } from '../src/engine.js';
import { parseQuery, type ParsedQuery } from '../src/query/parse-query.js';

/**
 * `npm run bench -- --peer`: the same queries against SQLite FTS5 with the trigram tokenizer over the same normalised
 * passages — bm25 ranking, `LIKE` for terms of one or two characters (a trigram index cannot hold them), region and
 * year filters by a join — and the engine, top-10 each, in one run; latencies side by side with their ratios.
 */

/** Builds the peer: one FTS5 row a passage (rowid = passage number), and each passage's region and year. */
function buildPeer(engine: Engine): { db: Database.Database; buildMs: number } {
  const t0 = performance.now();
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE p USING fts5(text, tokenize='trigram'); CREATE TABLE meta(id INTEGER PRIMARY KEY, region TEXT, year INTEGER);");
  const insert = db.prepare('INSERT INTO p(rowid, text) VALUES (?, ?)');
  const meta = db.prepare('INSERT INTO meta(id, region, year) VALUES (?, ?, ?)');
  db.transaction(() => {
    engine.index.normalized.forEach((text, k) => {
      const doc = engine.index.documents[engine.index.passageDoc[k]];
      insert.run(k, text);
      meta.run(k, doc.region, doc.year);
    });
  })();
  return { db, buildMs: Math.round(performance.now() - t0) };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Our query as SQL over the peer: MATCH for the terms of three characters or more, LIKE for shorter ones. */
function toSql(q: ParsedQuery, limit: number): { sql: string; params: (string | number)[] } | null {
  const params: (string | number)[] = [];
  const match: string[] = [];
  const where: string[] = [];
  for (const group of q.groups) {
    const long = group.filter((t) => t.normalized.length >= 3);
    // A group with a short term is matched with LIKE as a whole (MATCH cannot OR with LIKE).
    if (long.length === group.length) match.push(`(${group.map((t) => quote(t.normalized)).join(' OR ')})`);
    else {
      where.push(`(${group.map(() => 'p.text LIKE ?').join(' OR ')})`);
      params.push(...group.map((t) => `%${t.normalized}%`));
    }
  }
  for (const t of q.excluded) {
    where.push('p.text NOT LIKE ?');
    params.push(`%${t.normalized}%`);
  }
  if (q.regions.length > 0) {
    where.push(`meta.region IN (${q.regions.map(() => '?').join(',')})`);
    params.push(...q.regions);
  }
  if (q.years.length > 0) {
    where.push(`meta.year IN (${q.years.map(() => '?').join(',')})`);
    params.push(...q.years);
  }
  if (match.length === 0 && where.length === 0) return null;
  const matchClause = match.length > 0 ? ['p MATCH ?'] : [];
  const all = [...matchClause, ...where];
  const order = match.length > 0 ? 'ORDER BY bm25(p)' : 'ORDER BY p.rowid';
  const sql = `SELECT p.rowid FROM p JOIN meta ON meta.id = p.rowid WHERE ${all.join(' AND ')} ${order} LIMIT ${limit}`;
  return { sql, params: match.length > 0 ? [match.join(' AND '), ...params] : params };
}

const percentile = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100;

/** Runs both over the queries `runs` times (after one warm-up pass) and reports their latencies and ratios. */
export function runPeerBench(engine: Engine, queries: readonly string[], limit: number, runs: number) {
  const { db, buildMs } = buildPeer(engine);
  const statements = queries.map((q) => {
    const sql = toSql(parseQuery(q), limit);
    return sql ? { q, statement: db.prepare(sql.sql), params: sql.params } : null;
  }).filter((s) => s !== null);
  const peer: number[] = [];
  const ours: number[] = [];
  for (let r = 0; r <= runs; r++) {
    for (const s of statements) {
      let t0 = performance.now();
      s.statement.all(...s.params);
      const peerMs = performance.now() - t0;
      t0 = performance.now();
      engine.search({ q: s.q, limit });
      const ourMs = performance.now() - t0;
      if (r === 0) continue; // the warm-up pass
      peer.push(peerMs);
      ours.push(ourMs);
    }
  }
  db.close();
  peer.sort((a, b) => a - b);
  ours.sort((a, b) => a - b);
  const row = (sorted: number[]) => ({ p50Ms: percentile(sorted, 50), p90Ms: percentile(sorted, 90), p99Ms: percentile(sorted, 99), maxMs: percentile(sorted, 100) });
  const [a, b] = [row(ours), row(peer)];
  const ratio = (x: number, y: number) => Math.round((x / y) * 1000) / 1000;
  return {
    peer: 'SQLite FTS5, trigram tokenizer, bm25; LIKE for terms under 3 characters',
    queries: statements.length,
    measurements: ours.length,
    peerBuildMs: buildMs,
    ours: a,
    sqlite: b,
    ratio: { p50: ratio(a.p50Ms, b.p50Ms), p90: ratio(a.p90Ms, b.p90Ms), p99: ratio(a.p99Ms, b.p99Ms) },
  };
}
