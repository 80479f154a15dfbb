/**
 * Signing in and managing units and accounts, with the checks every
 * feature relies on: unique names, a parent unit that exists, and a limit on
 * failed sign-ins per account and per address.
 */
import { Conflict, InvalidInput, TooMany, Unauthenticated } from '../errors.js';
import { LoginLimiter, verifyPassword } from './auth.js';
import type { Account, AccountCreate, Unit } from './schema.js';
import type { AccountStore } from './store.js';

export interface SignInOptions {
  /** How long a session lasts. */
  readonly ttlMs: number;
  readonly limiter: LoginLimiter;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 3600_000;

export class Accounts {
  constructor(
    readonly store: AccountStore,
    private readonly options: SignInOptions = { ttlMs: DEFAULT_SESSION_TTL_MS, limiter: new LoginLimiter() },
  ) {}

  get ttlMs(): number {
    return this.options.ttlMs;
  }

  /** A new session for `name` from `address`; its token. Five failures in the window lock the name and the address out for a while. */
  async signIn(name: string, password: string, address: string, csrf: string, now: Date): Promise<{ account: Account; token: string }> {
    const { limiter, ttlMs } = this.options;
    const keys = [`account:${name}`, `ip:${address}`];
    const wait = Math.max(...keys.map((k) => limiter.retryAfter(k, now)));
    if (wait > 0) throw new TooMany(`too many failed sign-ins; try again in ${wait} s`, wait, 'too_many_sign_ins');
    const a = await this.store.accountByName(name);
    if (!a || a.disabled || !(await verifyPassword(password, a.password_hash))) {
      for (const k of keys) limiter.fail(k, now);
      throw new Unauthenticated('wrong account name or password');
    }
    for (const k of keys) limiter.succeed(k);
    const { password_hash: _hash, ...account } = a;
    return { account, token: await this.store.createSession(a.id, csrf, now, ttlMs) };
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
