/**
 * Versioned records: rows with an `id` and a `version` that change only
 * through `update`, inside one transaction that checks the version the
 * caller read, bumps it and appends what changed to the record's own
 * history. Nothing is deleted; history entries are only ever added.
 *
 * A caller holding an older version meets `StaleVersion` (409) carrying the
 * record as it is now, in the shape the caller reads, and nothing changes.
 * The 督办 ledger's tasks, the 建议/提案 items and scorecard rulings are such records.
 */
import type { Kysely, Transaction } from 'kysely';
import { NotFound, StaleVersion } from '../errors.js';
import type { Database } from '../store/schema.js';
import type { Trx, Writable } from '../store/transaction.js';

export type { Trx, Writable } from '../store/transaction.js';
export type Db = Kysely<Database> | Transaction<Database>;

/** Tables of versioned records: each has `id`, `version` and `updated_at`. */
export type VersionedTable = 'tasks' | 'proposals' | 'rulings';

export interface Versioned {
  readonly id: number;
  readonly version: number;
}

/** One history entry as the records module hands it to a kind. */
export interface HistoryEntryInput {
  readonly accountId: number | null;
  readonly action: string;
  readonly at: string;
  readonly note: string | null;
  /** The fields that changed, as they were (null: the record was created or nothing changed). */
  readonly before: Record<string, unknown> | null;
  /** … and as they are, with whatever the step adds (a merge's pointers). */
  readonly after: Record<string, unknown> | null;
}

/** What a feature tells the module about its records. */
export interface RecordKind<T extends Versioned> {
  readonly table: VersionedTable;
  /** How messages name one record: `task`, `建议/提案`. */
  readonly noun: string;
  load(db: Db, id: number): Promise<T | undefined>;
  /** Appends one entry to the record's history table (each kind keeps the columns it has). */
  log(trx: Trx, id: number, entry: HistoryEntryInput): Promise<void>;
}

/** Who takes a step, what it is called, and when. */
export interface Step {
  readonly accountId: number | null;
  readonly action: string;
  readonly note?: string | null;
  readonly now: Date;
}

/** What a change may say about itself after looking at the record. */
export interface Outcome {
  /** The history's name for the step when it differs from the one asked for. */
  readonly action?: string;
  readonly note?: string | null;
  /** Added to the history's `after` (pointers such as merged_into). */
  readonly extra?: Record<string, unknown>;
}

/** Raised inside a transaction; `Records.transaction` turns it into StaleVersion once rolled back. */
class Stale extends Error {
  override readonly name = 'Stale';
  constructor(readonly id: number) {
    super(`record ${id} changed meanwhile`);
  }
}

export class Records<T extends Versioned> {
  readonly db: Kysely<Database>;
  constructor(
    /** Where the records live; changes go through its `write` (src/store/transaction.ts). */
    private readonly store: Writable,
    private readonly kind: RecordKind<T>,
    /** The record as clients read it, for StaleVersion's `current`. */
    private readonly present: (record: T) => unknown = (r) => r,
  ) {
    this.db = store.db;
  }

  find(id: number, db: Db = this.db): Promise<T | undefined> {
    return this.kind.load(db, id);
  }

  async get(id: number, db: Db = this.db): Promise<T> {
    const r = await this.kind.load(db, id);
    if (!r) throw new NotFound(`no ${this.kind.noun} with id ${id}`);
    return r;
  }

  /**
   * `work` in one transaction. A stale version met anywhere inside rolls
   * all of it back and answers StaleVersion with that record as it is now.
   */
  async transaction<R>(work: (trx: Trx) => Promise<R>): Promise<R> {
    try {
      return await this.store.write(work);
    } catch (e) {
      if (!(e instanceof Stale)) throw e;
      const current = await this.get(e.id);
      throw new StaleVersion(`the ${this.kind.noun} ${e.id} changed meanwhile: it is at version ${current.version}; reload and apply your change again`, this.present(current));
    }
  }

  /** The record inside a transaction, which must be at `version` (undefined: any). */
  async at(trx: Trx, id: number, version: number | undefined): Promise<T> {
    const r = await this.get(id, trx);
    if (version !== undefined && r.version !== version) throw new Stale(id);
    return r;
  }

  /**
   * One change inside a transaction: the record must be at `version`;
   * `change` writes the kind's own columns; the version is bumped by
   * compare-and-set (a change committed since the read makes this one stale)
   * and the fields that differ go to the history.
   */
  async update(trx: Trx, id: number, version: number | undefined, step: Step, change: (before: T) => Promise<Outcome | void>): Promise<T> {
    // A change that applies to any version (a progress report sent without one) locks the row before it
    // reads (PostgreSQL: a row lock; SQLite holds the write lock already), so another transaction's commit
    // between this read and the compare-and-set cannot answer it 409 when it named no version.
    if (version === undefined) await trx.updateTable(this.kind.table).set((eb) => ({ version: eb.ref('version') })).where('id', '=', id).execute();
    const before = await this.at(trx, id, version);
    const outcome = (await change(before)) ?? {};
    const at = step.now.toISOString();
    const res = await trx
      .updateTable(this.kind.table)
      .set({ version: before.version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', before.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new Stale(id);
    const after = await this.get(id, trx);
    const d = changed(before, after);
    await this.kind.log(trx, id, {
      accountId: step.accountId, action: outcome.action ?? step.action, at, note: outcome.note !== undefined ? outcome.note : step.note ?? null,
      before: d.before, after: { ...d.after, ...outcome.extra },
    });
    return after;
  }

  /** `update` in a transaction of its own. */
  change(id: number, version: number | undefined, step: Step, change: (before: T, trx: Trx) => Promise<Outcome | void>): Promise<T> {
    return this.transaction((trx) => this.update(trx, id, version, step, (before) => change(before, trx)));
  }

  /** An entry that changes no field (a record created, a notice sent). */
  async append(trx: Trx, id: number, step: Step & { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null }): Promise<void> {
    await this.kind.log(trx, id, { accountId: step.accountId, action: step.action, at: step.now.toISOString(), note: step.note ?? null, before: step.before ?? null, after: step.after ?? null });
  }
}

/** A feature's store of versioned records: the database, and its records of one kind over it. */
export abstract class RecordStore<T extends Versioned> {
  readonly db: Kysely<Database>;
  readonly records: Records<T>;
  constructor(store: Writable, kind: RecordKind<T>, present?: (record: T) => unknown) {
    this.db = store.db;
    this.records = new Records(store, kind, present);
  }
}

/** The fields that differ (compared as JSON), before and after; `updated_at` always differs and is left out. */
export function changed<T extends object>(before: T, after: T): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  for (const k of Object.keys(is)) {
    if (k === 'updated_at') continue;
    if (JSON.stringify(was[k]) !== JSON.stringify(is[k])) {
      b[k] = was[k];
      a[k] = is[k];
    }
  }
  return { before: b, after: a };
}
