/**
 * A write that finds another process holding SQLite's write lock waits for it
 * without holding its own process: reads go on meanwhile, the write goes
 * through once the lock is free, and fails with WriteLockBusy (a 503,
 * nothing written) when it stays taken. The other process is stood in for by a second
 * connection to the same file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository, type Repository } from '../../src/store/repository.js';
import { openSqlite } from '../../src/store/sqlite/engine.js';
import { WRITE_LOCK_WAIT_MS, WriteLockBusy } from '../../src/store/transaction.js';

describe('a write behind another process\'s write lock (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-lock-'));
  const file = join(dir, 'lock.db');
  let repo: Repository;
  let other: BetterSqlite3.Database;
  beforeAll(async () => {
    repo = await openRepository(openSqlite(file));
    other = new BetterSqlite3(file);
  });
  afterAll(async () => {
    other.close();
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const settings = async () => Number((await repo.db.selectFrom('settings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const addSetting = (key: string) => repo.write((trx) => trx.insertInto('settings').values({ key, value: '1', updated_at: new Date().toISOString() }).execute());

  it('answers reads while it waits, and writes once the lock is let go', async () => {
    const before = await settings();
    other.exec('begin immediate');
    const writing = addSetting('waited');
    // The process is not held: a read, and a timer, run while the write waits.
    const readWhileWaiting = await settings();
    await new Promise((go) => setTimeout(go, 150));
    expect(readWhileWaiting).toBe(before);
    other.exec('commit');
    await writing;
    expect(await settings()).toBe(before + 1);
  });

  it('fails with WriteLockBusy, having written nothing, when the lock stays taken', async () => {
    const before = await settings();
    other.exec('begin immediate');
    const started = Date.now();
    try {
      const failed = addSetting('never');
      await expect(failed).rejects.toBeInstanceOf(WriteLockBusy);
      // A busy database, not a server fault: the API answers 503 "busy, try again shortly".
      await expect(failed).rejects.toMatchObject({ status: 503, code: 'busy' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(WRITE_LOCK_WAIT_MS - 50);
    } finally {
      other.exec('rollback');
    }
    expect(await settings()).toBe(before);
    await addSetting('after');
    expect(await settings()).toBe(before + 1);
  }, 20_000);
});
