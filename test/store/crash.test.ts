import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { makeReport, PG_URL, STORES, type StoreName } from './stores.js';

const BIN = join(__dirname, '..', '..', 'bin', 'luoshi.js');
const N = 300;

/** Reads counts from the database the CLI writes to, whichever engine. */
interface Probe {
  /** What the CLI's --db takes. */
  readonly db: string;
  count(sql: string): Promise<number>;
  /** Engine-level integrity: SQLite's integrity_check; PostgreSQL is transactional by construction. */
  integrity(): Promise<string>;
  dispose(): Promise<void>;
}

async function probeFor(name: StoreName, dir: string): Promise<Probe> {
  if (name === 'sqlite') {
    const file = join(dir, 'crash.db');
    const open = () => new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    return {
      db: file,
      async count(sql) {
        const db = open();
        try {
          return Number((db.prepare(sql).get() as { n: number }).n);
        } finally {
          db.close();
        }
      },
      async integrity() {
        const db = open();
        try {
          return (db.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check;
        } finally {
          db.close();
        }
      },
      async dispose() {},
    };
  }
  const schema = `luoshi_crash_${process.pid}_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`create extension if not exists pg_trgm`);
  await client.query(`create schema ${schema}`);
  await client.query(`set search_path = ${schema}, public`);
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  return {
    db: url.toString(),
    async count(sql) {
      return Number((await client.query(sql)).rows[0].n);
    },
    async integrity() {
      return 'ok';
    },
    async dispose() {
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

async function consistency(p: Probe) {
  return {
    documents: await p.count('select count(*) n from documents'),
    distinctFingerprints: await p.count('select count(distinct fingerprint) n from documents'),
    orphanDocuments: await p.count('select count(*) n from documents d where not exists (select 1 from sources s where s.id = d.source_id)'),
    sourcesWithoutDocuments: await p.count('select count(*) n from sources s where not exists (select 1 from documents d where d.source_id = s.id)'),
    orphanFacts: await p.count('select count(*) n from facts f where not exists (select 1 from documents d where d.id = f.document_id)'),
    unindexed: await p.count('select count(*) n from documents d where not exists (select 1 from doc_sketches k where k.document_id = d.id)'),
    itemsWithoutSource: await p.count("select count(*) n from import_items i where i.status = 'imported' and not exists (select 1 from sources s where s.id = i.source_id)"),
    integrity: await p.integrity(),
  };
}

describe.each(STORES)('import killed mid-run (%s)', (name) => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-crash-'));
  const corpus = join(dir, 'corpus');
  let probe: Probe | undefined;
  afterAll(async () => {
    await probe?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the database consistent, and a re-run completes the job without duplicates', async () => {
    probe = await probeFor(name, dir);
    const p = probe;
    mkdirSync(corpus);
    for (let i = 0; i < N; i++) writeFileSync(join(corpus, `r${String(i).padStart(4, '0')}.txt`), makeReport(i));

    const child = spawn(process.execPath, [BIN, 'import', corpus, '--db', p.db, '--json'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    // Wait until some (but not all) files are in, then kill without warning.
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        seen = await p.count('select count(*) n from documents');
      } catch {
        continue; // not created or not migrated yet
      }
      if (seen >= 5) break;
    }
    child.kill('SIGKILL');
    await exited;
    expect(seen).toBeGreaterThanOrEqual(5);

    const after = await consistency(p);
    expect(after.integrity).toBe('ok');
    expect(after.documents).toBeLessThan(N);
    expect(after).toMatchObject({ orphanDocuments: 0, sourcesWithoutDocuments: 0, orphanFacts: 0, unindexed: 0, itemsWithoutSource: 0 });
    expect(after.distinctFingerprints).toBe(after.documents);

    const rerun = spawn(process.execPath, [BIN, 'import', corpus, '--db', p.db, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    rerun.stdout.on('data', (c) => (out += c));
    expect(await new Promise((ok) => rerun.on('exit', ok))).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.run.imported + summary.run.duplicates).toBe(N);
    expect(summary.run.duplicates).toBe(after.documents);

    const final = await consistency(p);
    expect(final).toMatchObject({ documents: N, distinctFingerprints: N, orphanDocuments: 0, sourcesWithoutDocuments: 0, orphanFacts: 0, integrity: 'ok' });
    expect(await p.count("select count(*) n from import_runs where status = 'interrupted'")).toBe(1);
    expect(await p.count("select count(*) n from import_runs where status = 'done'")).toBe(1);
  });
});
