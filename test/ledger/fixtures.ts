/**
 * Fresh worlds for the HTTP suites of the ledger and 建议/提案: a store of
 * its own, the app on a clock the test moves, units, accounts and signed-in
 * clients. Each case builds the world it needs, so any case runs alone.
 * Accounts and sessions are written straight into the store (the HTTP
 * paths that create them have their own cases); a password is hashed once.
 */
import { readFileSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import { hashPassword } from '../../src/accounts/auth.js';
import type { Role } from '../../src/accounts/roles.js';
import { AccountStore } from '../../src/accounts/store.js';
import { createApp, type AppOptions } from '../../src/server/app.js';
import { inProcess } from '../helpers/in-process.js';
import { createTestStore, type StoreName, type TestStore } from '../store/stores.js';
import { body, Client, text, type App } from './client.js';

export const PASSWORD = 'S3cret-pass!';
export const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
export const PLAN_2023 = '000_a1392cf4c794e201.txt';
export const REVIEW_2024 = '004_7053f82eff3fb455.txt';

/** Long enough for a test that moves the clock over a year. */
const SESSION_TTL_MS = 400 * 86_400_000;

let passwordHash: Promise<string> | undefined;

export interface World {
  readonly store: TestStore;
  readonly app: App;
  readonly accounts: AccountStore;
  /** The app's clock. */
  now(): Date;
  /** Moves the app's clock. */
  at(iso: string): void;
  /** Units by name. */
  readonly units: Record<string, number>;
  /** Accounts by name. */
  readonly ids: Record<string, number>;
}

/** An empty store and its app, disposed when the test ends. */
export async function world(storeName: StoreName, startsAt: string, options: AppOptions = {}): Promise<World> {
  const store = await createTestStore(storeName);
  onTestFinished(() => store.dispose());
  let clock = new Date(startsAt);
  const app = inProcess(createApp(store.repo, { now: () => clock, ledger: { sessionTtlMs: SESSION_TTL_MS }, trustedProxies: 1, ...options }));
  return { store, app, accounts: new AccountStore(store.repo), now: () => clock, at: (iso) => (clock = new Date(iso)), units: {}, ids: {} };
}

/** Units, each after its parent (named earlier in the list or before). */
export async function addUnits(w: World, list: readonly (readonly [string, string | null])[]): Promise<void> {
  for (const [name, parent] of list) w.units[name] = (await w.accounts.createUnit(name, parent === null ? null : w.units[parent], w.now())).id;
}

/** An account with the shared test password (hashed once per file). */
export async function addAccount(w: World, name: string, role: Role, unit: string | null = null): Promise<void> {
  passwordHash ??= hashPassword(PASSWORD);
  const r = await w.store.repo.db
    .insertInto('accounts')
    .values({ name, password_hash: await passwordHash, role, unit_id: unit === null ? null : w.units[unit], disabled: 0, created_at: w.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  w.ids[name] = Number(r.id);
}

/** A client holding a session of `name` (as a sign-in leaves it: both cookies). */
export async function signedIn(w: World, name: string, ip: string): Promise<Client> {
  const c = new Client(w.app, ip);
  // The CSRF token must be one the server issued: ask for it as a browser does.
  await c.get('/api/ledger/session');
  const csrf = c.cookies.get('luoshi_csrf')!;
  c.cookies.set('luoshi_session', await w.accounts.createSession(w.ids[name], csrf, w.now(), SESSION_TTL_MS));
  return c;
}

/** The administrator `root`, signed in. */
export async function admin(w: World, ip = '10.0.0.1'): Promise<Client> {
  await addAccount(w, 'root', 'admin');
  return signedIn(w, 'root', ip);
}

/** Uploads a seed report through the API; the ids of its documents. */
export async function upload(c: Client, seed: string): Promise<number[]> {
  const r = await c.upload(seed, readFileSync(new URL(seed, SEEDS)));
  if (r.status !== 201) throw new Error(`upload of ${seed}: ${r.status} ${text(r)}`);
  return body(r).documentIds;
}
