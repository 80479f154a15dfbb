/**
 * What differs between the embedded and the server database, and nothing
 * else: DDL types, the full-text index and how to ask it. Code above this
 * contract never asks "is this SQLite?" — it reads capability flags.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DocumentFilter } from './filters.js';
import type { Database, DocumentsTable } from './schema.js';
import { readText } from './document-text.js';

export type EngineName = 'sqlite' | 'postgres';

/** Migrations whose work each engine does its own way (Engine.ownSteps). */
export type EngineStepVersion = 15 | 17 | 19 | 20 | 22 | 27 | 28 | 29;

/**
 * Tables whose rows the cached public reads show: a committed change to any
 * of them changes `changeToken` (a ledger edit, a ballot or a sign-in does not).
 * rulings: the scorecard (/api/check) shows them, and it is a cached read.
 */
export const COUNTED_TABLES = ['sources', 'documents', 'facts', 'duplicates', 'report_choices', 'settings', 'rulings'] as const;

export interface Engine {
  readonly name: EngineName;
  readonly db: Kysely<Database>;
  /** Where the data lives, for messages (a file path or a URL without password). */
  readonly location: string;
  /** The schema holding the tables, where the database has schemas (PostgreSQL). */
  readonly schema?: string;
  /**
   * Statements that open a transaction holding a lock only one migrating
   * process at a time can hold (SQLite: the write lock; PostgreSQL: an
   * advisory lock), so concurrent openers migrate one after the other.
   */
  readonly migrationLock: readonly string[];
  /**
   * Opens a transaction that will write, on `conn`. SQLite: `begin immediate`,
   * which takes the write lock up front (a deferred transaction that reads
   * first fails at once when it then writes behind another writer's commit),
   * and does not wait for it: when another process holds it, this throws
   * WriteLockBusy and writeTransaction waits and tries again. The driver is
   * synchronous, so SQLite's own wait (busy_timeout) would stop every other
   * request of this process while it lasted. PostgreSQL: `begin`.
   */
  beginWrite(conn: Kysely<Database>): Promise<void>;
  readonly types: { readonly id: string; readonly blob: string; readonly real: string; readonly bigint: string };
  /** DDL that creates the full-text index (run by migration 1). */
  readonly searchIndexDdl: readonly string[];
  /** DDL that adds a substring index for queries of 3+ characters (migration 5; on SQLite migration 22 replaces it). */
  readonly trigramIndexDdl: readonly string[];
  /**
   * This engine's part of the migrations whose work differs per engine, by
   * version (see ENGINE_STEPS in migrations/steps.ts for what each is). A
   * version an engine has no part in is recorded as applied and does nothing.
   */
  readonly ownSteps: Readonly<Partial<Record<EngineStepVersion, (db: Kysely<Database>) => Promise<void>>>>;
  /**
   * A value that differs after any connection — this one, another server
   * process, an import — has committed a change to the data public reads
   * show (COUNTED_TABLES), read cheaply on every cached request: a counter
   * that triggers on those tables raise, in commit order (SQLite: migration
   * 20, one update per changed row inside the writing transaction;
   * PostgreSQL: migration 17, once per committing transaction). Writes to
   * other tables (the ledger, votes, sessions) leave it as it is, so they
   * do not empty the read caches.
   */
  changeToken(): Promise<string>;
  /**
   * A new document's text as its row keeps it (SQLite: UTF-16 bytes, see
   * document-text.ts), and the columns of that row that index it
   * (PostgreSQL: the gram keys). Written with the row: set by a later update
   * they would cost a second version of the row and every index entry again.
   */
  textColumns(text: string): Pick<Insertable<DocumentsTable>, 'text' | 'grams'>;
  /** Adds a document's text to an index outside its row (on the connection of the import's transaction). */
  indexDocument(trx: Kysely<Database>, documentId: number, text: string): Promise<void>;
  /** Takes a document out of the full-text index (a withdrawal), given the text it was indexed with. */
  unindexDocument(trx: Kysely<Database>, documentId: number, text: string): Promise<void>;
  /**
   * Ids of documents containing `query` verbatim (any length), best first.
   * `query` is plain text; the engine quotes it for its own syntax.
   */
  matchDocuments(db: Kysely<Database>, query: string, limit: number): Promise<number[]>;
  /**
   * One page of matching document ids with the filters applied inside the
   * index query, and how many match in all (the index's count: it may include
   * a document where the characters are split by punctuation). Order: by
   * relevance where the engine ranks cheaply (SQLite, up to RANK_LIMIT
   * matches), otherwise newest report first.
   */
  searchPage(db: Kysely<Database>, query: string, filter: DocumentFilter, limit: number, offset: number): Promise<{ ids: number[]; total: number }>;
  /**
   * Drops what the files keep of deleted or replaced rows of `tables`, so a
   * copy of the files taken later holds only the rows as they are (a closed
   * ballot box must not keep the order its ballots came in). SQLite
   * checkpoints and truncates its WAL (deleted cells are zeroed as they go:
   * secure_delete); PostgreSQL vacuums the tables (dead tuples no
   * transaction can see any more). Best effort: it never fails the caller.
   */
  forgetHistory(tables: readonly (keyof Database & string)[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every stored document's id and text, read in batches by id: what an engine's
 * migration walks to build an index from the stored texts (one batch in
 * memory, however large the library).
 */
export async function* storedTexts(db: Kysely<Database>, batch = 200): AsyncGenerator<{ id: number; text: string }> {
  for (let last = 0; ; ) {
    const rows = await db.selectFrom('documents').select(['id', 'text']).where('id', '>', last).orderBy('id').limit(batch).execute();
    if (rows.length === 0) return;
    for (const r of rows) yield { id: Number(r.id), text: readText(r.text) };
    last = Number(rows[rows.length - 1].id);
  }
}

/** Raised for a database the code cannot open or migrate. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}
