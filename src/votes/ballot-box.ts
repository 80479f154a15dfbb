/**
 * The ballot box: where a cast ballot waits until it is written together
 * with others, so the database files cannot tell which deputy cast which
 * ballot (see "Ballot secrecy" in the README for the threat model).
 *
 * A cast is answered only once its ballot is stored (nothing acknowledged is
 * ever lost), but it is not stored by the cast's own transaction: ballots
 * wait here, per round, and a separate step writes every waiting ballot and
 * its deputy's participation row in one transaction, each list in a fresh
 * random order and the ballots under random ids. A reader of the files (WAL
 * frames, rowids, page cells, xmin, ctid) can then tell at most which writes
 * a ballot and a deputy came in, and each write holds many of both. A write
 * happens when `batch` ballots wait, when the oldest has waited `waitMs`, and
 * when the round closes (in the closing transaction).
 *
 * Cast, write and close serialise on the round: in this process through a
 * lock per round, across processes because each transaction first updates
 * the round's row (a row lock on PostgreSQL, the write lock on SQLite) and
 * then reads its state. A write that finds the round closed refuses its
 * ballots; it never stores a ballot the count has not seen.
 */
import { randomInt } from 'node:crypto';
import { Conflict } from '../errors.js';
import type { Trx, Writable } from '../store/transaction.js';
import { ballotId } from './codes.js';

export interface BoxPolicy {
  /** Ballots written as soon as this many wait. */
  readonly batch: number;
  /** …or once the oldest has waited this long (a deputy voting alone is answered after at most this). */
  readonly waitMs: number;
}

export const DEFAULT_BOX: BoxPolicy = { batch: 10, waitMs: 5000 };

interface Waiting {
  deputyId: number;
  choices: string;
  done(error?: Error): void;
}

interface Box {
  waiting: Waiting[];
  /** Deputies with a ballot waiting here (a second cast is refused at once). */
  deputies: Set<number>;
  timer?: NodeJS.Timeout;
  closing: boolean;
}

/** Fisher–Yates with a cryptographic source: the stored order must not be guessable. */
export function shuffle<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Rows per INSERT: far below either engine's limit on bound values. */
const CHUNK = 500;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Takes the round's row lock (an update that changes nothing) and answers
 * the round's state as of after the lock: a close that committed meanwhile
 * is seen.
 */
export async function lockRound(trx: Trx, roundId: number): Promise<'open' | 'closed' | undefined> {
  const r = await trx.updateTable('vote_rounds').set((eb) => ({ state: eb.ref('state') })).where('id', '=', roundId).returning('state').executeTakeFirst();
  return r?.state;
}

/**
 * Writes ballots with their participation rows, both in a fresh random
 * order. A deputy whose participation row exists already (a cast through
 * another process) is left out; the answer is the set written.
 */
async function writeBallots(trx: Trx, roundId: number, ballots: readonly Waiting[]): Promise<Set<number>> {
  const written = new Set<number>();
  await insertChunked(shuffle(ballots), async (chunk) => {
    const rows = await trx
      .insertInto('vote_participation')
      .values(chunk.map((b) => ({ round_id: roundId, deputy_id: b.deputyId })))
      .onConflict((oc) => oc.doNothing())
      .returning('deputy_id')
      .execute();
    for (const r of rows) written.add(Number(r.deputy_id));
  });
  await insertChunked(shuffle(ballots.filter((b) => written.has(b.deputyId))), (chunk) =>
    trx.insertInto('ballots').values(chunk.map((b) => ({ id: ballotId(), round_id: roundId, choices_json: b.choices }))).execute(),
  );
  return written;
}

const closedConflict = () => new Conflict('the round was closed before this ballot was stored: it was not counted', 'round_closed');
const twiceConflict = () => new Conflict('you have already voted in this round; a ballot cannot be cast twice', 'already_voted');

export class BallotBox {
  private readonly boxes = new Map<number, Box>();
  private readonly locks = new Map<number, Promise<unknown>>();
  /** Rounds this process closed: a cast that read the round open just before is refused at once. */
  private readonly closed = new Set<number>();

  constructor(
    /** Where ballots are written: each write and the close through its `write` (src/store/transaction.ts). */
    private readonly store: Writable,
    private readonly policy: BoxPolicy = DEFAULT_BOX,
  ) {}

  /** Whether a ballot of this deputy waits here. */
  holds(roundId: number, deputyId: number): boolean {
    return this.boxes.get(roundId)?.deputies.has(deputyId) ?? false;
  }

  /** Runs `f` alone for this round in this process (writes and the close queue up). */
  private serial<T>(roundId: number, f: () => Promise<T>): Promise<T> {
    const run = (this.locks.get(roundId) ?? Promise.resolve()).then(f, f);
    const tail = run.catch(() => undefined);
    this.locks.set(roundId, tail);
    void tail.then(() => {
      if (this.locks.get(roundId) === tail) this.locks.delete(roundId);
    });
    return run;
  }

  /** Puts a checked ballot in the box; resolves once it is stored, rejects if it was not. */
  cast(roundId: number, deputyId: number, choices: string): Promise<void> {
    let box = this.boxes.get(roundId);
    if (!box) this.boxes.set(roundId, (box = { waiting: [], deputies: new Set(), closing: false }));
    if (box.closing || this.closed.has(roundId)) return Promise.reject(closedConflict());
    if (box.deputies.has(deputyId)) return Promise.reject(twiceConflict());
    box.deputies.add(deputyId);
    const stored = new Promise<void>((resolve, reject) => box.waiting.push({ deputyId, choices, done: (e) => (e ? reject(e) : resolve()) }));
    if (box.waiting.length >= this.policy.batch) this.schedule(roundId, box, 0);
    else if (!box.timer) this.schedule(roundId, box, this.policy.waitMs);
    return stored;
  }

  private schedule(roundId: number, box: Box, ms: number): void {
    if (box.timer) clearTimeout(box.timer);
    box.timer = setTimeout(() => {
      box.timer = undefined;
      void this.write(roundId);
    }, ms);
    // A waiting ballot keeps no process alive; a process that ends never answered it.
    box.timer.unref();
  }

  /** Writes what waits for this round (its own transaction). */
  private write(roundId: number): Promise<void> {
    return this.serial(roundId, async () => {
      if (!this.boxes.get(roundId)?.waiting.length) return;
      let taken: Waiting[] = [];
      try {
        const { open, written } = await this.store.write(async (trx) => {
          const state = await lockRound(trx, roundId);
          taken = this.take(roundId);
          return { open: state === 'open', written: state === 'open' ? await writeBallots(trx, roundId, taken) : new Set<number>() };
        });
        this.settle(roundId, taken, written, open);
      } catch (e) {
        this.settle(roundId, taken, new Set(), true, e as Error);
      }
    });
  }

  /** Takes what waits in a round's box (the deputies stay marked until their ballots are settled). */
  private take(roundId: number): Waiting[] {
    const box = this.boxes.get(roundId);
    if (!box) return [];
    if (box.timer) clearTimeout(box.timer);
    box.timer = undefined;
    return box.waiting.splice(0);
  }

  /**
   * Answers each taken ballot: stored; refused as a second ballot (another
   * process stored this deputy's first); refused because the round had
   * closed; or failed with `error` (not stored: the deputy may cast again).
   */
  private settle(roundId: number, taken: readonly Waiting[], written: ReadonlySet<number>, open: boolean, error?: Error): void {
    const box = this.boxes.get(roundId);
    for (const b of taken) {
      box?.deputies.delete(b.deputyId);
      b.done(written.has(b.deputyId) ? undefined : (error ?? (open ? twiceConflict() : closedConflict())));
    }
    if (box && !box.waiting.length && !box.deputies.size && !box.closing) this.boxes.delete(roundId);
  }

  /**
   * Closes the box: no ballot enters any more, and in one transaction the
   * waiting ballots are written and `then` runs (it counts and marks the
   * round closed), given the round's state after the lock.
   */
  close<T>(roundId: number, then: (trx: Trx, state: 'open' | 'closed' | undefined) => Promise<T>): Promise<T> {
    const box = this.boxes.get(roundId) ?? { waiting: [], deputies: new Set<number>(), closing: false };
    this.boxes.set(roundId, box);
    box.closing = true;
    return this.serial(roundId, async () => {
      let taken: Waiting[] = [];
      let open = false;
      let written = new Set<number>();
      try {
        const out = await this.store.write(async (trx) => {
          const state = await lockRound(trx, roundId);
          taken = this.take(roundId);
          open = state === 'open';
          if (open) written = await writeBallots(trx, roundId, taken);
          return then(trx, state);
        });
        this.closed.add(roundId);
        this.settle(roundId, taken, written, open);
        return out;
      } catch (e) {
        // Nothing of the closing transaction is stored: neither the close nor these ballots.
        this.settle(roundId, taken, new Set(), false, e instanceof Conflict ? closedConflict() : (e as Error));
        throw e;
      } finally {
        box.closing = false;
        this.settle(roundId, [], new Set(), false);
      }
    });
  }
}
