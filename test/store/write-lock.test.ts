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
import { AccountStore } from '../../src/accounts/store.js';
import { Accounts } from '../../src/accounts/service.js';
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

  it('a sign-in, right or wrong, waits for the lock without holding the process', async () => {
    const accounts = new Accounts(new AccountStore(repo));
    const t = new Date('2026-03-01T00:00:00Z');
    await accounts.addAccount({ name: 'clerk', password: 'a long enough password', role: 'supervisor', unit_id: null }, t);
    const attempts = async () => Number((await repo.db.selectFrom('auth_attempts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    for (const password of ['a long enough password', 'a wrong password']) {
      const before = await attempts();
      other.exec('begin immediate');
      let settled = false;
      const signing = accounts.signIn('clerk', password, '10.0.0.1', undefined, 'csrf', t).then(
        () => { settled = true; return 'signed in'; },
        (e: Error) => { settled = true; return e.constructor.name; },
      );
      // Inside SQLite's own busy handler the whole process would stop here until the lock was let go.
      await new Promise((go) => setTimeout(go, 1500)); // longer than the password hash
      expect(settled).toBe(false);
      expect(await attempts()).toBe(before);
      other.exec('commit');
      expect(await signing).toBe(password === 'a wrong password' ? 'Unauthenticated' : 'signed in');
      expect(await attempts()).toBe(password === 'a wrong password' ? before + 2 : before);
    }
  });
});
