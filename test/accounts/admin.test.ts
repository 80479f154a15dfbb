/**
 * The account changes behind `luoshi admin` (and the accounts pages to come),
 * on both engines: disabling and a new password end the sessions, and
 * enabling does not bring them back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, listAccounts, resetPassword, setAccountDisabled } from '../../src/accounts/admin.js';
import { verifyPassword } from '../../src/accounts/auth.js';
import { AccountStore } from '../../src/accounts/store.js';
import { createTestStore, STORES, type TestStore } from '../store/stores.js';

const PASSWORD = 'S3cret-pass!';
const HOUR = 3600_000;

describe.each(STORES)('account administration on %s', (name) => {
  let store: TestStore;
  let accounts: AccountStore;
  const now = new Date('2024-03-01T08:00:00Z');

  beforeAll(async () => {
    store = await createTestStore(name);
    accounts = new AccountStore(store.repo);
    await createAdmin(store.repo, 'root', PASSWORD, now);
    const unit = await accounts.createUnit('农业农村局', null, now);
    await accounts.createAccount({ name: 'officer', password: PASSWORD, role: 'unit_officer', unitId: unit.id }, now);
  });

  afterAll(async () => {
    await store?.dispose();
  });

  it('lists accounts with the name of their unit', async () => {
    expect(await listAccounts(store.repo)).toMatchObject([
      { name: 'root', role: 'admin', unit: null, disabled: false },
      { name: 'officer', role: 'unit_officer', unit: '农业农村局', disabled: false },
    ]);
  });

  it('disabling ends the sessions; enabling does not revive them', async () => {
    const officer = (await accounts.accountByName('officer'))!;
    const token = await accounts.createSession(officer.id, 'csrf', now, HOUR);
    expect((await accounts.session(token, now))?.account.name).toBe('officer');
    expect(await setAccountDisabled(store.repo, 'officer', true)).toMatchObject({ name: 'officer', disabled: true });
    expect(await accounts.session(token, now)).toBeUndefined();
    await setAccountDisabled(store.repo, 'officer', false);
    expect((await accounts.accountByName('officer'))!.disabled).toBe(false);
    expect(await accounts.session(token, now)).toBeUndefined();
    const fresh = await accounts.createSession(officer.id, 'csrf', now, HOUR);
    expect((await accounts.session(fresh, now))?.account.name).toBe('officer');
  });

  it('a new password replaces the old one and ends the sessions', async () => {
    const officer = (await accounts.accountByName('officer'))!;
    const token = await accounts.createSession(officer.id, 'csrf', now, HOUR);
    await resetPassword(store.repo, 'officer', 'Another-Pass-42');
    const after = (await accounts.accountByName('officer'))!;
    expect(await verifyPassword('Another-Pass-42', after.password_hash)).toBe(true);
    expect(await verifyPassword(PASSWORD, after.password_hash)).toBe(false);
    expect(await accounts.session(token, now)).toBeUndefined();
    await expect(resetPassword(store.repo, 'officer', 'officer-2024')).rejects.toMatchObject({ status: 422, code: 'weak_password' });
    await expect(resetPassword(store.repo, 'nobody', 'Another-Pass-42')).rejects.toMatchObject({ status: 404 });
  });

  it('keeps one active administrator', async () => {
    await expect(setAccountDisabled(store.repo, 'root', true)).rejects.toMatchObject({ status: 409, code: 'last_admin' });
    expect(await accounts.countAdmins({ activeOnly: true })).toBe(1);
    await expect(createAdmin(store.repo, 'root', PASSWORD)).rejects.toMatchObject({ status: 409, code: 'name_taken' });
    await expect(createAdmin(store.repo, 'a b', PASSWORD)).rejects.toMatchObject({ status: 422 });
  });
});
