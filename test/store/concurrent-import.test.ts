import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeReport } from './stores.js';

const BIN = join(__dirname, '..', '..', 'bin', 'luoshi.js');

function importInto(db: string, folder: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'import', folder, '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => done({ code, out, err }));
  });
}

describe('two processes importing into one SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-two-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('both finish: a write waits for the other process instead of failing with "database is locked"', async () => {
    const N = 40;
    for (const [name, from] of [['a', 0], ['b', N]] as const) {
      mkdirSync(join(dir, name));
      for (let i = from; i < from + N; i++) writeFileSync(join(dir, name, `r${i}.txt`), makeReport(i));
    }
    const db = join(dir, 'shared.db');
    // Create and migrate first, so the two runs contend on imports, not on creating the schema.
    expect((await importInto(db, join(dir, 'none-yet'))).code).not.toBeNull();
    const [a, b] = await Promise.all([importInto(db, join(dir, 'a')), importInto(db, join(dir, 'b'))]);
    for (const r of [a, b]) {
      expect(r.err).not.toMatch(/locked|busy/i);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).run).toMatchObject({ imported: N, failed: 0 });
    }
    const check = new BetterSqlite3(db, { readonly: true });
    try {
      expect((check.prepare('select count(*) n from documents').get() as { n: number }).n).toBe(2 * N);
    } finally {
      check.close();
    }
  });
});
