/**
 * Units (单位), accounts and sessions: who is signed in and what they answer
 * for. Every feature (督办, 票决, 建议/提案) uses the same accounts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Trx, Writable } from '../store/transaction.js';
import { randomBytes } from 'node:crypto';
import { hashPassword, newToken, tokenId } from './auth.js';
import type { Role } from './roles.js';
import type { Account, Unit } from './schema.js';

export type { Account, Unit };

export interface Session {
  account: Account;
  csrf: string;
  id: string;
}

/** Itself a `Writable`, so what builds on the accounts (People, the table import) writes as they do. */
export class AccountStore implements Writable {
  readonly db: Kysely<Database>;
  constructor(
    /** Where the accounts live: reads on its `db`, changes of more than one row through its `write` (src/store/transaction.ts). */
    private readonly store: Writable,
  ) {
    this.db = store.db;
  }

  write<R>(work: (trx: Trx) => Promise<R>): Promise<R> {
    return this.store.write(work);
  }

  async createUnit(name: string, parentId: number | null, now: Date): Promise<Unit> {
    const r = await this.write((tx) => tx.insertInto('units').values({ name, parent_id: parentId, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow());
    return { id: Number(r.id), name, parent_id: parentId };
  }

  async listUnits(): Promise<Unit[]> {
    const rows = await this.db.selectFrom('units').select(['id', 'name', 'parent_id']).orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), name: r.name, parent_id: r.parent_id === null ? null : Number(r.parent_id) }));
  }

  /** A unit and every unit below it. */
  async unitSubtree(unitId: number): Promise<number[]> {
    const units = await this.listUnits();
    const out = new Set([unitId]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of units) if (u.parent_id !== null && out.has(u.parent_id) && !out.has(u.id)) { out.add(u.id); grew = true; }
    }
    return [...out];
  }

  async createAccount(a: { name: string; password: string; role: Role; unitId: number | null }, now: Date): Promise<Account> {
    const hash = await hashPassword(a.password);
    const r = await this.write((tx) => tx
      .insertInto('accounts')
      .values({ name: a.name, password_hash: hash, role: a.role, unit_id: a.unitId, disabled: 0, created_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow());
    return { id: Number(r.id), name: a.name, role: a.role, unit_id: a.unitId, disabled: false, created_at: now.toISOString() };
  }

  async accountByName(name: string): Promise<(Account & { password_hash: string }) | undefined> {
    const r = await this.db.selectFrom('accounts').selectAll().where('name', '=', name).executeTakeFirst();
    return r ? { ...accountOf(r), password_hash: r.password_hash } : undefined;
  }

  async listAccounts(): Promise<Account[]> {
    return (await this.db.selectFrom('accounts').selectAll().orderBy('id').execute()).map(accountOf);
  }

  /** Units an account answers for: a unit officer's unit and those below it; undefined: all. */
  async scope(a: Account): Promise<number[] | undefined> {
    if (a.role !== 'unit_officer') return undefined;
    return a.unit_id === null ? [] : this.unitSubtree(a.unit_id);
  }

  async countAdmins(options: { activeOnly?: boolean } = {}): Promise<number> {
    let q = this.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin');
    if (options.activeOnly) q = q.where('disabled', '=', 0);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  /** Disabling ends the account's sessions too, so enabling it again does not bring them back. */
  async setDisabled(accountId: number, disabled: boolean): Promise<void> {
    await this.write(async (tx) => {
      await tx.updateTable('accounts').set({ disabled: disabled ? 1 : 0 }).where('id', '=', accountId).execute();
      if (disabled) await tx.updateTable('sessions').set({ revoked: 1 }).where('account_id', '=', accountId).execute();
    });
  }

  /** A new password ends every session of the account: whoever knew the old one is signed out. */
  async setPassword(accountId: number, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.write(async (tx) => {
      await tx.updateTable('accounts').set({ password_hash: hash }).where('id', '=', accountId).execute();
      await tx.updateTable('sessions').set({ revoked: 1 }).where('account_id', '=', accountId).execute();
    });
  }

  // --- sessions -----------------------------------------------------------------

  async createSession(accountId: number, csrf: string, now: Date, ttlMs: number): Promise<string> {
    const token = newToken();
    await this.write((tx) => tx
      .insertInto('sessions')
      .values({ id: tokenId(token), account_id: accountId, csrf_token: csrf, created_at: now.toISOString(), expires_at: new Date(now.getTime() + ttlMs).toISOString(), revoked: 0 })
      .execute());
    return token;
  }

  async session(token: string, now: Date): Promise<Session | undefined> {
    const r = await this.db
      .selectFrom('sessions as s')
      .innerJoin('accounts as a', 'a.id', 's.account_id')
      .select(['s.id as sid', 's.csrf_token', 's.expires_at', 's.revoked', 'a.id', 'a.name', 'a.role', 'a.unit_id', 'a.disabled', 'a.created_at'])
      .where('s.id', '=', tokenId(token))
      .executeTakeFirst();
    if (!r || Number(r.revoked) === 1 || Number(r.disabled) === 1 || Date.parse(r.expires_at) <= now.getTime()) return undefined;
    return { account: accountOf(r), csrf: r.csrf_token, id: r.sid };
  }

  // --- server secrets and known devices -------------------------------------------

  /**
   * A secret this database keeps for the server (created on first use), so
   * every server process on the same database signs and checks alike.
   */
  async secret(name: string): Promise<Buffer> {
    const key = `secret:${name}`;
    const read = async () => (await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
    let value = await read();
    if (value === undefined) {
      // Two processes may create it at once: the first insert wins, both read it back.
      const fresh = { key, value: randomBytes(32).toString('base64url'), updated_at: new Date().toISOString() };
      await this.write((tx) => tx.insertInto('settings').values(fresh).onConflict((oc) => oc.column('key').doNothing()).execute());
      value = (await read())!;
    }
    return Buffer.from(value, 'base64url');
  }

  /** The account a browser's device token belongs to (it signed in from there before). */
  async deviceAccount(token: string): Promise<number | undefined> {
    const r = await this.db.selectFrom('login_devices').select('account_id').where('token_hash', '=', tokenId(token)).executeTakeFirst();
    return r ? Number(r.account_id) : undefined;
  }

  /** Remembers this browser for the account; its token (kept by the browser in an HTTP-only cookie). */
  async rememberDevice(accountId: number, now: Date): Promise<string> {
    const token = newToken();
    await this.write((tx) => tx.insertInto('login_devices').values({ token_hash: tokenId(token), account_id: accountId, created_at: now.toISOString(), last_used_at: now.toISOString() }).execute());
    return token;
  }

  async touchDevice(token: string, now: Date): Promise<void> {
    await this.write((tx) => tx.updateTable('login_devices').set({ last_used_at: now.toISOString() }).where('token_hash', '=', tokenId(token)).execute());
  }

  async revokeSession(id: string): Promise<void> {
    await this.write((tx) => tx.updateTable('sessions').set({ revoked: 1 }).where('id', '=', id).execute());
  }
}

function accountOf(r: { id: number; name: string; role: Role; unit_id: number | null; disabled: number; created_at: string }): Account {
  return { id: Number(r.id), name: r.name, role: r.role, unit_id: r.unit_id === null ? null : Number(r.unit_id), disabled: Number(r.disabled) === 1, created_at: r.created_at };
}
