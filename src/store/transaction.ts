/**
 * The one way Luoshi opens a transaction that will write. The engine says how
 * it begins (`Engine.writeBegin`): on SQLite `begin immediate` takes the write
 * lock up front and waits its turn (busy_timeout) behind another process's
 * write, where kysely's deferred `begin` would read first and then fail at
 * once (SQLITE_BUSY) on writing behind another process's commit — a 500
 * where two server processes edit one record. The import, a withdrawal and
 * every versioned record's change go through here.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A connection inside a write transaction. */
export type Trx = Kysely<Database>;

/** The database and how to write to it: what a feature's store is built on (the repository is one). */
export interface Writable {
  readonly db: Kysely<Database>;
  /** Runs `work` in one transaction begun as a write: all of it or nothing. */
  write<R>(work: (trx: Trx) => Promise<R>): Promise<R>;
}

/** `work` on one connection between `begin` (the engine's `writeBegin`) and commit, rolled back when it throws. */
export function writeTransaction<R>(db: Kysely<Database>, begin: string, work: (trx: Trx) => Promise<R>): Promise<R> {
  return db.connection().execute(async (conn) => {
    await sql.raw(begin).execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (e) {
      await sql`rollback`.execute(conn);
      throw e;
    }
  });
}
