/**
 * Accounts kept from the command line (`luoshi admin create|list|reset|
 * disable|enable`): the first administrator, and the way back in when nobody
 * can sign in to the web pages.
 */
import { Conflict, InvalidInput, NotFound } from '../errors.js';
import type { Repository } from '../store/repository.js';
import { passwordProblem } from './auth.js';
import { AccountName } from './schema.js';
import { AccountStore, type Account } from './store.js';

async function existing(store: AccountStore, name: string): Promise<Account> {
  const a = await store.accountByName(name);
  if (!a) throw new NotFound(`no account named ${name}`);
  return { id: a.id, name: a.name, role: a.role, unit_id: a.unit_id, disabled: a.disabled, created_at: a.created_at };
}

function checkPassword(password: string, name: string): void {
  const problem = passwordProblem(password, name);
  if (problem) throw new InvalidInput(problem, [{ field: 'password', message: problem }], 'weak_password');
}

export async function createAdmin(repo: Repository, name: string, password: string, now: Date = new Date()): Promise<Account> {
  const store = new AccountStore(repo);
  const valid = AccountName.safeParse(name);
  if (!valid.success) throw new InvalidInput(`invalid account name: ${name} (${valid.error.issues[0].message})`, [{ field: 'name', message: valid.error.issues[0].message }]);
  checkPassword(password, name);
  if (await store.accountByName(name)) throw new Conflict(`an account named ${name} already exists`, 'name_taken');
  return store.createAccount({ name, password, role: 'admin', unitId: null }, now);
}

/** Every account with the name of its unit. */
export async function listAccounts(repo: Repository): Promise<(Account & { unit: string | null })[]> {
  const store = new AccountStore(repo);
  const units = new Map((await store.listUnits()).map((u) => [u.id, u.name]));
  return (await store.listAccounts()).map((a) => ({ ...a, unit: a.unit_id === null ? null : (units.get(a.unit_id) ?? null) }));
}

/** Sets a new password; the account's sessions end. */
export async function resetPassword(repo: Repository, name: string, password: string): Promise<Account> {
  const store = new AccountStore(repo);
  const account = await existing(store, name);
  checkPassword(password, name);
  await store.setPassword(account.id, password);
  return account;
}

/**
 * Disables or enables an account; disabling ends its sessions. The last
 * administrator who can sign in is never disabled: the office would be left
 * with nobody to keep its accounts.
 */
export async function setAccountDisabled(repo: Repository, name: string, disabled: boolean): Promise<Account> {
  const store = new AccountStore(repo);
  const account = await existing(store, name);
  if (disabled && account.role === 'admin' && !account.disabled && (await store.countAdmins({ activeOnly: true })) <= 1) {
    throw new Conflict(`${name} is the last active administrator: make or enable another one first`, 'last_admin');
  }
  await store.setDisabled(account.id, disabled);
  return { ...account, disabled };
}
