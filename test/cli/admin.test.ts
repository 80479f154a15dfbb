/**
 * `luoshi admin create|list|reset|disable|enable` on a SQLite file that a
 * running app also serves: a disabled account's sessions stop working at once,
 * a reset password ends the old sessions, and the last active administrator
 * cannot be disabled.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open.js';
import type { Repository } from '../../src/store/repository.js';
import { inProcess } from '../helpers/in-process.js';
import { body, Client, type App } from '../ledger/client.js';
import { luoshi, tempDir } from './run.js';

const PASSWORD = 'S3cret-pass!';
const NEW_PASSWORD = 'Another-Pass-42';

describe('luoshi admin', () => {
  const db = join(tempDir(), 'admin.db');
  const admin = (args: string[], password?: string) => luoshi(['admin', ...args, '--db', db], { env: password === undefined ? {} : { LUOSHI_ADMIN_PASSWORD: password } });
  let repo: Repository;
  let app: App;
  let root: Client;

  const signedIn = async (c: Client) => body(await c.get('/api/ledger/session')).account?.name ?? null;

  beforeAll(async () => {
    const created = await admin(['create', '--name', 'root'], PASSWORD);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^created admin account root \(#1\)/);
    repo = await openStore({ db });
    app = inProcess(createApp(repo));
    root = new Client(app, '10.1.0.1');
    await root.login('root', PASSWORD);
    expect((await root.post('/api/ledger/accounts', { name: 'clerk', password: PASSWORD, role: 'supervisor' })).status).toBe(201);
  });

  afterAll(async () => {
    await repo?.close();
  });

  it('lists the accounts with role, unit and whether disabled', async () => {
    const r = await admin(['list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, total: 2, items: [
      { id: 1, name: 'root', role: 'admin', unit_id: null, unit: null, disabled: false },
      { id: 2, name: 'clerk', role: 'supervisor', unit: null, disabled: false },
    ] });
    const text = await admin(['list']);
    expect(text.stdout.split('\n')).toEqual([expect.stringMatching(/^ +1 +root +admin +—$/), expect.stringMatching(/^ +2 +clerk +supervisor +—$/), '2 accounts', '']);
  });

  it('disable ends the sessions and refuses sign-in; enable lets the account sign in anew', async () => {
    const clerk = new Client(app, '10.1.0.2');
    await clerk.login('clerk', PASSWORD);
    expect(await signedIn(clerk)).toBe('clerk');

    const off = await admin(['disable', '--name', 'clerk', '--json']);
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ ok: true, account: { name: 'clerk', disabled: true } });
    expect(await signedIn(clerk)).toBe(null);
    expect((await clerk.login('clerk', PASSWORD)).status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse((await admin(['list', '--json'])).stdout).items[1].disabled).toBe(true);

    expect((await admin(['enable', '--name', 'clerk'])).stdout).toBe('enabled clerk (#2)\n');
    expect(await signedIn(clerk)).toBe(null); // the sessions ended for good
    const again = new Client(app, '10.1.0.3');
    expect((await again.login('clerk', PASSWORD)).status).toBe(200);
    expect(await signedIn(again)).toBe('clerk');
  });

  it('reset sets the password from LUOSHI_ADMIN_PASSWORD and ends the sessions signed in with the old one', async () => {
    const clerk = new Client(app, '10.1.0.4');
    await clerk.login('clerk', PASSWORD);
    expect(await signedIn(clerk)).toBe('clerk');
    const r = await admin(['reset', '--name', 'clerk'], NEW_PASSWORD);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('new password set for clerk (#2); its sessions have ended\n');
    expect(await signedIn(clerk)).toBe(null);
    expect((await new Client(app, '10.1.0.5').login('clerk', PASSWORD)).status).toBeGreaterThanOrEqual(400);
    expect((await new Client(app, '10.1.0.6').login('clerk', NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a weak password, an unknown account, and a missing password (exit 1, 1, 2)', async () => {
    const weak = await admin(['reset', '--name', 'clerk', '--json'], 'clerk12345');
    expect(weak.code).toBe(1);
    expect(JSON.parse(weak.stdout).error).toMatchObject({ status: 422, code: 'weak_password' });
    const nobody = await admin(['disable', '--name', 'nobody', '--json']);
    expect(nobody.code).toBe(1);
    expect(JSON.parse(nobody.stdout)).toEqual({ ok: false, error: { status: 404, code: 'not_found', message: 'no account named nobody' } });
    const none = await admin(['reset', '--name', 'clerk']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('luoshi: no password: set LUOSHI_ADMIN_PASSWORD or run on a terminal\n');
    expect((await new Client(app, '10.1.0.7').login('clerk', NEW_PASSWORD)).status).toBe(200);
  });

  it('never disables the last active administrator', async () => {
    const r = await admin(['disable', '--name', 'root', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ status: 409, code: 'last_admin' });
    expect(await signedIn(root)).toBe('root');
    // With a second administrator, the first may be disabled.
    expect((await admin(['create', '--name', 'root2'], PASSWORD)).code).toBe(0);
    expect((await admin(['disable', '--name', 'root'])).code).toBe(0);
    expect(await signedIn(root)).toBe(null);
  });
});
