/**
 * Child process for one import measurement, so its peak RSS is its own:
 *   { engine, source: 'corpus' }            full pipeline + store of the real corpus
 *   { engine, source: 'generated', factor } store import, pre-extracted (see generate.ts)
 * then, when asked, search latency on the result. Prints one JSON line.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { expandPaths } from '../src/cli/files.js';
import { batchHasRoom, importFiles, newFile } from '../src/import/index.js';
import type { NewFile } from '../src/store/input.js';
import { openPostgres } from '../src/store/postgres/engine.js';
import { openRepository, type Repository } from '../src/store/repository.js';
import { openSqlite } from '../src/store/sqlite/engine.js';
import { Generator, rng, type Pool } from './generate.js';
import { CORPUS, PG_URL, peakRss, resetPeakRss } from './lib.js';
import { measureSearch, type SearchStats } from './search.js';

export interface WorkerArgs {
  engine: 'sqlite' | 'postgres';
  source: 'corpus' | 'generated';
  factor?: number;
  poolFile?: string;
  /** Generated: go on until this much input (UTF-8 bytes of the generated files); default one pass over the templates per factor. */
  targetBytes?: number;
  /** Keep the SQLite database in this folder (for later groups) instead of a temp one. */
  keepDir?: string;
  search?: boolean;
  searchBudgetMs?: number;
  /** Corpus: reading threads for `importFiles` (0: read on the storing thread, as before the pool). */
  workers?: number;
}

export interface WorkerResult {
  engine: string;
  source: string;
  factor: number;
  files: number;
  failed: number;
  documents: number;
  facts: number;
  inputBytes: number;
  /** Time spent in importFiles (corpus: read, extract and store) or storeFile only (generated). */
  seconds: number;
  wallSeconds: number;
  peakRssBytes: number;
  peakRssReset: boolean;
  dbBytes: number;
  /** SQLite: bytes of each table with its indexes (an FTS5 table with its shadow tables), from dbstat. */
  tableBytes?: Record<string, number>;
  dbFile?: string;
  search?: SearchStats[];
}

async function openStore(a: WorkerArgs): Promise<{ repo: Repository; size: () => Promise<number>; dispose: () => Promise<void>; file?: string }> {
  if (a.engine === 'sqlite') {
    const dir = a.keepDir ?? mkdtempSync(join(tmpdir(), 'luoshi-bench-'));
    const file = join(dir, 'luoshi.db');
    rmSync(file, { force: true });
    const repo = await openRepository(openSqlite(file));
    const size = async () => readdirSync(dir).filter((f) => f.startsWith('luoshi.db')).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
    return { repo, size, file, dispose: async () => { if (!a.keepDir) rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `luoshi_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query('create extension if not exists pg_trgm');
  await admin.query(`create schema ${schema}`);
  const repo = await openRepository(openPostgres(PG_URL, { schema }));
  const size = async () => {
    const r = await admin.query(
      `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ('r', 'm')`,
      [schema],
    );
    return Number(r.rows[0].n);
  };
  return { repo, size, dispose: async () => { await admin.query(`drop schema ${schema} cascade`); await admin.end(); } };
}

/**
 * What each table of a SQLite file costs, its indexes included: dbstat names every b-tree, sqlite_schema
 * tells an index's table, and an FTS5 table's shadow tables (`<name>_data`, `_idx`, `_docsize`,
 * `_config`) count as that table. Reads every page once (about a minute at ×100).
 */
function tableBytes(file: string): Record<string, number> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const schema = db.prepare('select name, tbl_name as tbl, sql from sqlite_schema').all() as { name: string; tbl: string; sql: string | null }[];
    const virtual = schema.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
    const tableOf = new Map(schema.map((r) => [r.name, virtual.find((v) => r.tbl.startsWith(`${v}_`)) ?? r.tbl]));
    const out: Record<string, number> = {};
    for (const r of db.prepare('select name, sum(pgsize) as bytes from dbstat group by name').all() as { name: string; bytes: number }[]) {
      const t = tableOf.get(r.name) ?? r.name;
      out[t] = (out[t] ?? 0) + Number(r.bytes);
    }
    return out;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const a = JSON.parse(process.argv[2]) as WorkerArgs;
  const store = await openStore(a);
  const { repo } = store;
  const res: WorkerResult = {
    engine: a.engine, source: a.source, factor: a.factor ?? 1, files: 0, failed: 0, documents: 0, facts: 0, inputBytes: 0,
    seconds: 0, wallSeconds: 0, peakRssBytes: 0, peakRssReset: false, dbBytes: 0,
  };
  if (a.source === 'corpus') {
    // The product path (`luoshi import`): files read from disk, hashed, read in the pool, stored in order.
    const files = await expandPaths([CORPUS]);
    res.inputBytes = files.reduce((n, f) => n + statSync(f).size, 0);
    res.peakRssReset = resetPeakRss();
    const t0 = performance.now();
    const report = await importFiles(repo, files, undefined, { workers: a.workers });
    res.seconds = (performance.now() - t0) / 1000;
    res.wallSeconds = res.seconds;
    res.files = report.items.length;
    res.failed = report.run.failed;
  } else {
    const runId = await repo.startRun();
    const pool = JSON.parse(readFileSync(a.poolFile!, 'utf8')) as Pool;
    const gen = new Generator(pool, rng(1000 + (a.factor ?? 1)));
    const n = a.targetBytes ? Infinity : pool.templates.length * (a.factor ?? 1);
    res.peakRssReset = resetPeakRss();
    const w0 = performance.now();
    let busy = 0;
    // Files come ready faster than they are stored, so they are stored as importFiles stores files
    // read ahead of the writer: as many to a transaction as STORE_BATCH allows.
    for (let i = 0; i < n && !(a.targetBytes && res.inputBytes >= a.targetBytes); ) {
      const batch: NewFile[] = [];
      for (let chars = 0; batchHasRoom(batch.length, chars) && i < n && !(a.targetBytes && res.inputBytes >= a.targetBytes); i++) {
        const f = newFile(gen.file(i, `x${a.factor}`));
        res.inputBytes += f.source.size;
        chars += f.source.text.length;
        batch.push(f);
      }
      const t = performance.now();
      await repo.storeFiles(batch, runId);
      busy += performance.now() - t;
      const before = res.files;
      res.files += batch.length;
      if (Math.floor(res.files / 2000) > Math.floor(before / 2000)) process.stderr.write(`bench: ×${a.factor} ${a.engine}: ${res.files} files, ${(res.inputBytes / 1e6).toFixed(0)} MB, ${(busy / 1000).toFixed(0)} s in import\n`);
    }
    res.seconds = busy / 1000;
    res.wallSeconds = (performance.now() - w0) / 1000;
    await repo.finishRun(runId, 'done');
  }
  res.peakRssBytes = peakRss();
  const c = await repo.counts();
  res.documents = c.documents;
  res.facts = c.facts;
  if (a.search) res.search = await measureSearch(repo, a.searchBudgetMs);
  if (a.engine === 'postgres') res.dbBytes = await store.size();
  await repo.close();
  if (a.engine === 'sqlite') {
    res.dbBytes = await store.size();
    res.tableBytes = tableBytes(store.file!);
  }
  res.dbFile = a.keepDir ? store.file : undefined;
  await store.dispose();
  process.stdout.write(JSON.stringify(res) + '\n');
}

main().catch((e) => {
  process.stderr.write(`bench worker: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
