/**
 * Keeping the people and units of an office (admin): renaming and moving
 * units in their tree, changing an account's role, unit and whether it may
 * sign in, and one-time codes to reset a password.
 *
 * A reset code is shown once to the administrator, who passes it on; it is
 * stored as its sha256 (it has 60 random bits, and expires within a day, so a
 * slow hash buys nothing), works once, and a newer code voids older ones.
 */
import { randomInt } from 'node:crypto';
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import { hashPassword, passwordProblem, tokenId } from './auth.js';
import type { Role } from './roles.js';
import type { Account, Unit } from './schema.js';
import type { AccountStore } from './store.js';

/** How long a reset code works. */
export const RESET_CODE_TTL_MS = 24 * 3600_000;

/** Letters and digits that cannot be misread for each other (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `XXXX-XXXX-XXXX`: 12 characters of 31, about 59 bits. */
export function newResetCode(): string {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/** What a person types: case, spaces and dashes do not matter. */
export function normalizeCode(code: string): string {
  const c = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return c.length === 12 ? `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}` : c;
}

export class People {
  constructor(private readonly store: AccountStore) {}

  /** Renames a unit and/or moves it under another (null: to the top); a unit never goes under itself or its own descendants. */
  async updateUnit(id: number, change: { name?: string; parent_id?: number | null }): Promise<Unit> {
    const units = await this.store.listUnits();
    const unit = units.find((u) => u.id === id);
    if (!unit) throw new NotFound(`no unit with id ${id}`);
    if (change.name !== undefined && units.some((u) => u.name === change.name && u.id !== id)) throw new Conflict(`a unit named ${change.name} exists`, 'duplicate');
    if (change.parent_id !== undefined && change.parent_id !== null) {
      if (!units.some((u) => u.id === change.parent_id)) throw new InvalidInput(`no unit with id ${change.parent_id}`, [{ field: 'parent_id', message: 'no such unit' }]);
      if ((await this.store.unitSubtree(id)).includes(change.parent_id)) {
        throw new InvalidInput(`unit ${id} cannot go under ${change.parent_id}: that is the unit itself or one below it`, [{ field: 'parent_id', message: 'a unit cannot go under itself' }], 'unit_cycle');
      }
    }
    const set = { ...(change.name !== undefined ? { name: change.name } : {}), ...(change.parent_id !== undefined ? { parent_id: change.parent_id } : {}) };
    if (Object.keys(set).length) await this.store.write((tx) => tx.updateTable('units').set(set).where('id', '=', id).execute());
    return { ...unit, ...set };
  }

  /**
   * Changes an account's role, unit or whether it may sign in. Disabling ends
   * its sessions; the last active administrator keeps the admin role and stays enabled.
   */
  async updateAccount(id: number, change: { role?: Role; unit_id?: number | null; disabled?: boolean }): Promise<Account> {
    const account = (await this.store.listAccounts()).find((a) => a.id === id);
    if (!account) throw new NotFound(`no account with id ${id}`);
    const next = { ...account, ...change };
    if (next.role === 'unit_officer' && next.unit_id === null) throw new InvalidInput('a unit officer needs a unit_id', [{ field: 'unit_id', message: 'a unit officer needs a unit' }]);
    if (change.unit_id !== undefined && change.unit_id !== null && !(await this.store.listUnits()).some((u) => u.id === change.unit_id)) {
      throw new InvalidInput(`no unit with id ${change.unit_id}`, [{ field: 'unit_id', message: 'no such unit' }]);
    }
    const losesAdmin = account.role === 'admin' && !account.disabled && (next.role !== 'admin' || next.disabled);
    if (losesAdmin && (await this.store.countAdmins({ activeOnly: true })) <= 1) {
      throw new Conflict(`${account.name} is the last active administrator: make or enable another one first`, 'last_admin');
    }
    if (change.role !== undefined || change.unit_id !== undefined) {
      await this.store.write((tx) => tx.updateTable('accounts').set({ role: next.role, unit_id: next.unit_id }).where('id', '=', id).execute());
    }
    if (change.disabled !== undefined && change.disabled !== account.disabled) await this.store.setDisabled(id, change.disabled);
    return next;
  }

  /** A new one-time code for `accountId` (older unused ones are voided); the code itself is returned once and never stored. */
  async issueResetCode(accountId: number, by: number | null, now: Date): Promise<{ code: string; expires_at: string; account: Account }> {
    const account = (await this.store.listAccounts()).find((a) => a.id === accountId);
    if (!account) throw new NotFound(`no account with id ${accountId}`);
    const code = newResetCode();
    const expires_at = new Date(now.getTime() + RESET_CODE_TTL_MS).toISOString();
    await this.store.write(async (tx) => {
      await tx.updateTable('reset_codes').set({ used_at: now.toISOString() }).where('account_id', '=', accountId).where('used_at', 'is', null).execute();
      await tx.insertInto('reset_codes').values({ account_id: accountId, code_hash: tokenId(code), created_by: by, created_at: now.toISOString(), expires_at }).execute();
    });
    return { code, expires_at, account };
  }

  /**
   * Sets a new password with a code: the code must be the account's, unused
   * and unexpired; it is spent in the same transaction that sets the password
   * (and ends the account's sessions), so it never works twice.
   */
  async redeemResetCode(name: string, code: string, password: string, now: Date): Promise<Account> {
    const problem = passwordProblem(password, name);
    if (problem) throw new InvalidInput(problem, [{ field: 'password', message: problem }], 'weak_password');
    const hash = await hashPassword(password);
    const wrong = () => new InvalidInput('wrong, used or expired reset code', [{ field: 'code', message: 'wrong, used or expired' }], 'bad_reset_code');
    return this.store.write(async (tx) => {
      const r = await tx
        .selectFrom('reset_codes as r').innerJoin('accounts as a', 'a.id', 'r.account_id')
        .select(['r.id', 'r.expires_at', 'a.id as account_id'])
        .where('r.code_hash', '=', tokenId(normalizeCode(code))).where('a.name', '=', name).where('r.used_at', 'is', null)
        .executeTakeFirst();
      if (!r || Date.parse(r.expires_at) <= now.getTime()) throw wrong();
      // Spent only if still unspent: of two requests with one code, one wins.
      const spent = await tx.updateTable('reset_codes').set({ used_at: now.toISOString() }).where('id', '=', r.id).where('used_at', 'is', null).executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) throw wrong();
      await tx.updateTable('accounts').set({ password_hash: hash }).where('id', '=', r.account_id).execute();
      await tx.updateTable('sessions').set({ revoked: 1 }).where('account_id', '=', r.account_id).execute();
      // Read on the transaction's connection (SQLite has one: a read beside it would wait for it).
      const a = await tx.selectFrom('accounts').select(['id', 'name', 'role', 'unit_id', 'disabled', 'created_at']).where('id', '=', r.account_id).executeTakeFirstOrThrow();
      return { id: Number(a.id), name: a.name, role: a.role, unit_id: a.unit_id === null ? null : Number(a.unit_id), disabled: Number(a.disabled) === 1, created_at: a.created_at };
    });
  }
}
