/**
 * Rate limits on guessing (passwords, voting codes), kept in the database so
 * every server process counts the same attempts and memory stays bounded
 * however many addresses an attacker uses.
 *
 * Two kinds of limit:
 * - `window`: at most `max` failures per key in `windowMs`, then wait until
 *   the oldest leaves the window. For client addresses: it stops the guesser,
 *   and only the guesser's own address waits.
 * - `backoff`: after `max` failures each further attempt must wait twice as
 *   long as the one before, up to `maxDelayMs`. For accounts: a guesser from
 *   many addresses gets one try a minute at most, while the owner is never
 *   locked out for long (and not at all from a browser they signed in from
 *   before, which has a limit of its own).
 */
import type { Writable } from '../store/transaction.js';

export interface AttemptPolicy {
  readonly max: number;
  readonly windowMs: number;
  readonly mode: 'window' | 'backoff';
  /** backoff only: the longest wait between attempts. */
  readonly maxDelayMs?: number;
}

const MIN = 60_000;

export const POLICIES = {
  /** Sign-ins from one client address. */
  address: { max: 10, windowMs: 15 * MIN, mode: 'window' },
  /** Sign-ins to one account from browsers it never signed in from. */
  account: { max: 5, windowMs: 15 * MIN, mode: 'backoff', maxDelayMs: MIN },
  /** Sign-ins from a browser the account signed in from before. */
  device: { max: 5, windowMs: 15 * MIN, mode: 'backoff', maxDelayMs: MIN },
  /** Voting codes tried from one client address. */
  code: { max: 10, windowMs: 15 * MIN, mode: 'window' },
} as const satisfies Record<string, AttemptPolicy>;

/** Seconds to wait given the failure times (ms, ascending) within the window; 0: may try now. */
export function waitSeconds(failures: readonly number[], policy: AttemptPolicy, now: number): number {
  const recent = failures.filter((t) => now - t < policy.windowMs);
  if (recent.length < policy.max) return 0;
  let until: number;
  if (policy.mode === 'window') until = recent[recent.length - policy.max] + policy.windowMs;
  else {
    const extra = recent.length - policy.max;
    until = recent[recent.length - 1] + Math.min(policy.maxDelayMs ?? MIN, 1000 * 2 ** extra);
  }
  return until > now ? Math.max(1, Math.ceil((until - now) / 1000)) : 0;
}

export class AttemptStore {
  private writes = 0;
  private readonly db: Writable['db'];
  /** Reads on the store's `db`; each change through its `write`, so on SQLite a sign-in never waits for an import's lock inside SQLite's synchronous busy handler. */
  constructor(private readonly store: Writable) {
    this.db = store.db;
  }

  private async failures(key: string, since: Date): Promise<number[]> {
    const rows = await this.db.selectFrom('auth_attempts').select('at').where('key', '=', key).where('at', '>', since.toISOString()).orderBy('at').execute();
    return rows.map((r) => Date.parse(r.at));
  }

  /** Seconds until `key` may try again under `policy`; 0 when it may now. */
  async wait(key: string, policy: AttemptPolicy, now: Date): Promise<number> {
    return waitSeconds(await this.failures(key, new Date(now.getTime() - policy.windowMs)), policy, now.getTime());
  }

  /** The longest wait among several keys, each with its policy. */
  async waitAll(keys: readonly (readonly [string, AttemptPolicy])[], now: Date): Promise<number> {
    let longest = 0;
    for (const [k, p] of keys) longest = Math.max(longest, await this.wait(k, p, now));
    return longest;
  }

  async fail(keys: readonly string[], now: Date): Promise<void> {
    const at = now.toISOString();
    // Old attempts count for nothing: sweep them now and then so the table stays small.
    const sweep = ++this.writes % 100 === 1;
    await this.store.write(async (tx) => {
      await tx.insertInto('auth_attempts').values(keys.map((key) => ({ key, at }))).execute();
      if (sweep) await tx.deleteFrom('auth_attempts').where('at', '<', new Date(now.getTime() - 24 * 3600_000).toISOString()).execute();
    });
  }

  /** Forgets the failures of `key` (a device that has just signed in correctly). */
  async clear(key: string): Promise<void> {
    await this.store.write((tx) => tx.deleteFrom('auth_attempts').where('key', '=', key).execute());
  }
}
