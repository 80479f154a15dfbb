import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeReport } from './stores.js';

const BIN = join(__dirname, '..', '..', 'bin', 'luoshi.js');
const N = 300;

function count(db: BetterSqlite3.Database, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n;
}

function consistency(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      documents: count(db, 'select count(*) n from documents'),
      distinctFingerprints: count(db, 'select count(distinct fingerprint) n from documents'),
      orphanDocuments: count(db, 'select count(*) n from documents d where not exists (select 1 from sources s where s.id = d.source_id)'),
      sourcesWithoutDocuments: count(db, 'select count(*) n from sources s where not exists (select 1 from documents d where d.source_id = s.id)'),
      orphanFacts: count(db, 'select count(*) n from facts f where not exists (select 1 from documents d where d.id = f.document_id)'),
      unindexed: count(db, 'select count(*) n from documents d where not exists (select 1 from doc_sketches k where k.document_id = d.id)'),
      itemsWithoutSource: count(db, "select count(*) n from import_items i where i.status = 'imported' and not exists (select 1 from sources s where s.id = i.source_id)"),
      integrity: (db.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check,
    };
  } finally {
    db.close();
  }
}

describe('import killed mid-run (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-crash-'));
  const corpus = join(dir, 'corpus');
  const dbFile = join(dir, 'crash.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the database consistent, and a re-run completes the job without duplicates', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(corpus);
    for (let i = 0; i < N; i++) writeFileSync(join(corpus, `r${String(i).padStart(4, '0')}.txt`), makeReport(i));

    const child = spawn(process.execPath, [BIN, 'import', corpus, '--db', dbFile, '--json'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    // Wait until some (but not all) files are in, then kill without warning.
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
        try {
          seen = count(db, 'select count(*) n from documents');
        } finally {
          db.close();
        }
      } catch {
        continue; // not created or not migrated yet
      }
      if (seen >= 5) break;
    }
    child.kill('SIGKILL');
    await exited;
    expect(seen).toBeGreaterThanOrEqual(5);

    const after = consistency(dbFile);
    expect(after.integrity).toBe('ok');
    expect(after.documents).toBeLessThan(N);
    expect(after).toMatchObject({ orphanDocuments: 0, sourcesWithoutDocuments: 0, orphanFacts: 0, unindexed: 0, itemsWithoutSource: 0 });
    expect(after.distinctFingerprints).toBe(after.documents);

    const rerun = spawn(process.execPath, [BIN, 'import', corpus, '--db', dbFile, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    rerun.stdout.on('data', (c) => (out += c));
    expect(await new Promise((ok) => rerun.on('exit', ok))).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.run.imported + summary.run.duplicates).toBe(N);
    expect(summary.run.duplicates).toBe(after.documents);

    const final = consistency(dbFile);
    expect(final).toMatchObject({ documents: N, distinctFingerprints: N, orphanDocuments: 0, sourcesWithoutDocuments: 0, orphanFacts: 0, integrity: 'ok' });
    const db = new BetterSqlite3(dbFile, { readonly: true });
    const runs = db.prepare('select status from import_runs order by id').all() as { status: string }[];
    db.close();
    expect(runs.map((r) => r.status)).toEqual(['interrupted', 'done']);
  });
});
