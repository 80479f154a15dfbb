/**
 * Units and accounts kept through the API (admin only) on both stores:
 * create, rename and move units (never under themselves); create accounts,
 * change role and unit, disable (sessions end, sign-in refused) and enable;
 * a one-time reset code that is stored hashed, works once and expires.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { RESET_CODE_TTL_MS } from '../../src/accounts/people.js';
import { createApp } from '../../src/server/app.js';
import { inProcess } from '../helpers/in-process.js';
import { body, Client, type App } from '../ledger/client.js';
import { createTestStore, STORES, type TestStore } from '../store/stores.js';

const PASSWORD = 'S3cret-pass!';
const NEW_PASSWORD = 'An0ther-long-one';

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(STORES)('people and units on %s', (storeName) => {
  let store: TestStore;
  let app: App;
  let root: Client;
  let clock = new Date('2026-03-01T08:00:00Z');

  beforeAll(async () => {
    store = await createTestStore(storeName);
    app = inProcess(createApp(store.repo, { now: () => clock }));
    await createAdmin(store.repo, 'root', PASSWORD);
    root = new Client(app, '10.9.3.1');
    await root.login('root', PASSWORD);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('keeps a unit tree: create, rename, move, never under itself', async () => {
    const top = body(await root.post('/api/ledger/units', { name: '市政府办' })).unit;
    const child = body(await root.post('/api/ledger/units', { name: '督查室', parent_id: top.id })).unit;
    const other = body(await root.post('/api/ledger/units', { name: '发改委' })).unit;
    expect(body(await root.put(`/api/ledger/units/${child.id}`, { name: '督查科' })).unit).toMatchObject({ id: child.id, name: '督查科', parent_id: top.id });
    expect(body(await root.put(`/api/ledger/units/${child.id}`, { parent_id: other.id })).unit.parent_id).toBe(other.id);
    const cycle = await root.put(`/api/ledger/units/${other.id}`, { parent_id: child.id });
    expect(cycle.status).toBe(422);
    expect(body(cycle).error.code).toBe('unit_cycle');
    expect((await root.put(`/api/ledger/units/${other.id}`, { name: '市政府办' })).status).toBe(409);
    const units = body(await root.get('/api/ledger/units')).items;
    expect(units.find((u: { id: number }) => u.id === child.id)).toMatchObject({ name: '督查科', parent_id: other.id });
  });

  it('creates, changes, disables and enables an account', async () => {
    const unit = body(await root.post('/api/ledger/units', { name: '住建局' })).unit;
    const created = await root.post('/api/ledger/accounts', { name: 'zhang', password: PASSWORD, role: 'leader' });
    expect(created.status).toBe(201);
    const id = body(created).account.id;
    const zhang = new Client(app, '10.9.3.2');
    expect((await zhang.login('zhang', PASSWORD)).status).toBe(200);
    expect(body(await root.put(`/api/ledger/accounts/${id}`, { role: 'unit_officer', unit_id: unit.id })).account).toMatchObject({ role: 'unit_officer', unit_id: unit.id });
    expect((await root.put(`/api/ledger/accounts/${id}`, { unit_id: null })).status).toBe(422);

    expect(body(await root.put(`/api/ledger/accounts/${id}`, { disabled: true })).account.disabled).toBe(true);
    expect((await zhang.get('/api/ledger/session')).status).toBe(200);
    expect(body(await zhang.get('/api/ledger/session')).account).toBeNull();
    expect((await new Client(app, '10.9.3.3').login('zhang', PASSWORD)).status).toBe(401);
    expect(body(await root.put(`/api/ledger/accounts/${id}`, { disabled: false })).account.disabled).toBe(false);
    expect((await new Client(app, '10.9.3.4').login('zhang', PASSWORD)).status).toBe(200);

    // The last active administrator keeps the role and stays enabled; only an admin may change accounts.
    const rootId = body(await root.get('/api/ledger/session')).account.id;
    expect(body(await root.put(`/api/ledger/accounts/${rootId}`, { disabled: true })).error.code).toBe('last_admin');
    expect(body(await root.put(`/api/ledger/accounts/${rootId}`, { role: 'leader' })).error.code).toBe('last_admin');
    const z2 = new Client(app, '10.9.3.5');
    await z2.login('zhang', PASSWORD);
    expect((await z2.put(`/api/ledger/accounts/${id}`, { role: 'admin' })).status).toBe(403);
  });

  it('resets a password with a one-time code: hashed, once, expiring, voided by a newer one', async () => {
    const id = body(await root.post('/api/ledger/accounts', { name: 'li', password: PASSWORD, role: 'supervisor' })).account.id;
    const li = new Client(app, '10.9.3.6');
    await li.login('li', PASSWORD);
    const first = body(await root.post(`/api/ledger/accounts/${id}/reset-code`)).code;
    const issued = body(await root.post(`/api/ledger/accounts/${id}/reset-code`));
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = await store.repo.db.selectFrom('reset_codes').select('code_hash').where('account_id', '=', id).execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(issued.code);

    const visitor = new Client(app, '10.9.3.7');
    await visitor.get('/api/ledger/session');
    const voided = await visitor.post('/api/ledger/password-reset', { name: 'li', code: first, password: NEW_PASSWORD });
    expect(body(voided).error.code).toBe('bad_reset_code');
    const wrongName = await visitor.post('/api/ledger/password-reset', { name: 'zhang', code: issued.code, password: NEW_PASSWORD });
    expect(body(wrongName).error.code).toBe('bad_reset_code');
    const done = await visitor.post('/api/ledger/password-reset', { name: 'li', code: issued.code.toLowerCase().replace(/-/g, ' '), password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(body(await li.get('/api/ledger/session')).account).toBeNull();
    expect((await new Client(app, '10.9.3.8').login('li', NEW_PASSWORD)).status).toBe(200);
    const again = await visitor.post('/api/ledger/password-reset', { name: 'li', code: issued.code, password: 'Yet-another-0ne' });
    expect(body(again).error.code).toBe('bad_reset_code');

    const late = body(await root.post(`/api/ledger/accounts/${id}/reset-code`)).code;
    clock = new Date(clock.getTime() + RESET_CODE_TTL_MS + 1000);
    const expired = await visitor.post('/api/ledger/password-reset', { name: 'li', code: late, password: 'Yet-another-0ne' });
    expect(body(expired).error.code).toBe('bad_reset_code');
  });

  it('imports units and accounts from XLSX: one bad row refuses all of it, a good table goes in whole', async () => {
    await root.login('root', PASSWORD); // the clock moved past the session in the test before
    const count = async (t: 'units' | 'accounts') => Number((await store.repo.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = { units: await count('units'), accounts: await count('accounts') };
    const head = ['单位', '上级单位', '账号', '角色', '初始密码'];
    const upload = async (rows: string[][]) =>
      app({ method: 'POST', url: '/api/ledger/people/import?filename=people.xlsx', headers: { ...root.headers(), 'content-type': 'application/octet-stream' }, body: await xlsx(rows) });
    const bad = await upload([head, ['市水利局', '', 'shuili', '责任单位联络员', PASSWORD], ['水利局办公室', '市水利局', 'ban', '局长', PASSWORD], ['', '', 'x', '领导', 'short']]);
    expect(bad.status).toBe(422);
    const err = body(bad).error;
    expect(err.code).toBe('rows_invalid');
    expect(err.errors.map((e: { field: string }) => e.field)).toEqual(['第3行', '第4行', '第4行']);
    expect({ units: await count('units'), accounts: await count('accounts') }).toEqual(before);

    const good = await upload([['人员名单'], head, ['市水利局', '', 'shuili', '责任单位联络员', PASSWORD], ['水利局办公室', '市水利局', '', '', ''], ['', '', 'boss', '领导', PASSWORD]]);
    expect(good.status).toBe(200);
    expect(body(good)).toMatchObject({ units: ['市水利局', '水利局办公室'], accounts: ['shuili', 'boss'] });
    expect({ units: await count('units'), accounts: await count('accounts') }).toEqual({ units: before.units + 2, accounts: before.accounts + 2 });
    const units = body(await root.get('/api/ledger/units')).items as { id: number; name: string; parent_id: number | null }[];
    const top = units.find((u) => u.name === '市水利局')!;
    expect(units.find((u) => u.name === '水利局办公室')!.parent_id).toBe(top.id);
    expect(body(await root.get('/api/ledger/accounts')).items).toContainEqual(expect.objectContaining({ name: 'shuili', role: 'unit_officer', unit_id: top.id }));
    expect((await new Client(app, '10.9.3.10').login('shuili', PASSWORD)).status).toBe(200);
  });
});
