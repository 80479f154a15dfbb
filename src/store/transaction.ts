/**
 * The one way Luoshi opens a transaction that will write. The engine says how
 * it begins (`Engine.beginWrite`): on SQLite `begin immediate` takes the write
 * lock up front, where kysely's deferred `begin` would read first and then
 * fail at once (SQLITE_BUSY) on writing behind another process's commit — a
 * 500 where two server processes edit one record. When another process holds
 * the lock, the wait for it happens here, between tries, with the connection
 * handed back: the process goes on answering reads meanwhile. Every write
 * goes through here: the import, a withdrawal, every versioned record's
 * change, and the accounts', 票决's and settings' own — single statements too
 * (a sign-in's session, a failed attempt), which on their own would be
 * autocommit writes waiting inside SQLite's busy handler.
 */
import { sql, type Kysely } from 'kysely';
import { Unavailable } from '../errors.js';
import type { Database } from './schema.js';

/** A connection inside a write transaction. */
export type Trx = Kysely<Database>;

/** The database and how to write to it: what a feature's store is built on (the repository is one). */
export interface Writable {
  readonly db: Kysely<Database>;
  /** Runs `work` in one transaction begun as a write: all of it or nothing. */
  write<R>(work: (trx: Trx) => Promise<R>): Promise<R>;
}

/**
 * Another process holds the write lock (SQLite): nothing was begun, so the
 * write can be tried again. Past the wait it reaches the caller as a 503
 * ("busy: try again shortly"), not as a server fault.
 */
export class WriteLockBusy extends Unavailable {
  constructor() {
    super('the database is being written by another process (an import?) and stayed locked: try again shortly');
  }
}

/** How long a write waits for another process's write lock before it fails, as SQLite's busy_timeout did. */
export const WRITE_LOCK_WAIT_MS = 5000;

/**
 * `work` on one connection between the engine's begin and commit, rolled back
 * when it throws. A busy write lock is tried again every few milliseconds
 * (1, 2, 4, then 8 ms apart) until WRITE_LOCK_WAIT_MS: often enough to find
 * the gap between an import's transactions, which follow each other closely.
 */
export async function writeTransaction<R>(db: Kysely<Database>, begin: (conn: Kysely<Database>) => Promise<void>, work: (trx: Trx) => Promise<R>): Promise<R> {
  const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
  for (let pause = 1; ; pause = Math.min(pause * 2, 8)) {
    try {
      return await db.connection().execute(async (conn) => {
        await begin(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (e) {
          await sql`rollback`.execute(conn);
          throw e;
        }
      });
    } catch (e) {
      if (!(e instanceof WriteLockBusy) || Date.now() >= deadline) throw e;
    }
    await new Promise((go) => setTimeout(go, pause));
  }
}
