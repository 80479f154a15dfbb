/**
 * First run: the first administrator account (`luoshi admin create`).
 */
import type { Repository } from '../store/repository.js';
import { passwordProblem } from './auth.js';
import { AccountStore, type Account } from './store.js';

export class AdminError extends Error {
  override readonly name = 'AdminError';
}

export async function createAdmin(repo: Repository, name: string, password: string, now: Date = new Date()): Promise<Account> {
  const store = new AccountStore(repo.db);
  if (!/^[\p{L}\p{N}_.@-]{2,64}$/u.test(name)) throw new AdminError(`invalid account name: ${name} (2–64 letters, digits, _ . @ -)`);
  const problem = passwordProblem(password, name);
  if (problem) throw new AdminError(problem);
  if (await store.accountByName(name)) throw new AdminError(`an account named ${name} already exists`);
  return store.createAccount({ name, password, role: 'admin', unitId: null }, now);
}
