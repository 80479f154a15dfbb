/**
 * Signing in and managing units and accounts, with the checks every
 * feature relies on: unique names, a parent unit that exists, and limits on
 * guessing that slow a guesser without locking the owner out.
 *
 * Sign-in limits (src/accounts/attempts.ts keeps the counts in the database):
 * - from a browser the account signed in from before (its device cookie):
 *   only that browser's own failures count, so nobody else can lock it out;
 * - otherwise: failures per client address (a window: that address waits) and
 *   per account (a capped backoff: at most a minute between tries).
 */
import { msg } from '../messages.js';
import { Conflict, InvalidInput, TooMany, Unauthenticated } from '../errors.js';
import { AttemptStore, POLICIES, type AttemptPolicy } from './attempts.js';
import { hashPassword, verifyPassword } from './auth.js';
import type { Account, AccountCreate, Unit } from './schema.js';
import type { AccountStore } from './store.js';

export interface SignInOptions {
  /** How long a session lasts. */
  readonly ttlMs: number;
}

export interface SignedIn {
  readonly account: Account;
  /** The session's token (the session cookie). */
  readonly token: string;
  /** A new device token when this browser had none for the account (the device cookie). */
  readonly device?: string;
}

/** Checked against when the name is unknown, so a wrong name costs the same time as a wrong password. */
let decoy: Promise<string> | undefined;

export const DEFAULT_SESSION_TTL_MS = 12 * 3600_000;

export class Accounts {
  private readonly attempts: AttemptStore;
  constructor(
    readonly store: AccountStore,
    private readonly options: SignInOptions = { ttlMs: DEFAULT_SESSION_TTL_MS },
  ) {
    this.attempts = new AttemptStore(store);
  }

  get ttlMs(): number {
    return this.options.ttlMs;
  }

  /**
   * A new session for `name`, asked from `address` by a browser holding
   * `device` (its device cookie, if any); `csrf` is the server-issued token
   * the session's writes must repeat.
   */
  async signIn(name: string, password: string, address: string, device: string | undefined, csrf: string, now: Date): Promise<SignedIn> {
    const a = await this.store.accountByName(name);
    const known = device !== undefined && a !== undefined && (await this.store.deviceAccount(device)) === a.id;
    const keys: [string, AttemptPolicy][] = known ? [[`device:${device}`, POLICIES.device]] : [[`ip:${address}`, POLICIES.address], [`account:${name}`, POLICIES.account]];
    const wait = await this.attempts.waitAll(keys, now);
    if (wait > 0) throw new TooMany(`too many failed sign-ins; try again in ${wait} s`, wait, 'too_many_sign_ins');
    decoy ??= hashPassword('not an account password');
    let good = false;
    if (a && !a.disabled) good = await verifyPassword(password, a.password_hash);
    else await verifyPassword(password, await decoy);
    if (!a || !good) {
      await this.attempts.fail(keys.map(([k]) => k), now);
      throw new Unauthenticated(msg('auth.wrong_password'));
    }
    const { password_hash: _hash, ...account } = a;
    const token = await this.store.createSession(a.id, csrf, now, this.options.ttlMs);
    if (known) {
      await this.attempts.clear(`device:${device}`);
      await this.store.touchDevice(device, now);
      return { account, token };
    }
    return { account, token, device: await this.store.rememberDevice(a.id, now) };
  }

  async addUnit(name: string, parentId: number | null, now: Date): Promise<Unit> {
    const units = await this.store.listUnits();
    if (units.some((u) => u.name === name)) throw new Conflict(`a unit named ${name} exists`, 'duplicate');
    if (parentId !== null && !units.some((u) => u.id === parentId)) throw new InvalidInput(`no unit with id ${parentId}`);
    return this.store.createUnit(name, parentId, now);
  }

  async addAccount(a: AccountCreate, now: Date): Promise<Account> {
    if (await this.store.accountByName(a.name)) throw new Conflict(`an account named ${a.name} exists`, 'duplicate');
    if (a.unit_id !== null && !(await this.store.listUnits()).some((u) => u.id === a.unit_id)) throw new InvalidInput(`no unit with id ${a.unit_id}`);
    return this.store.createAccount({ name: a.name, password: a.password, role: a.role, unitId: a.unit_id }, now);
  }
}
