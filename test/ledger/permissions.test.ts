/**
 * Who may do what in the ledger: unit scope, sign-in, CSRF on every write
 * (checked against the app's own route table), the sign-in limiter, and two
 * editors saving the same task. Each case has a world of its own.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { STORES, type StoreName } from '../store/stores.js';
import { body, Client, text } from './client.js';
import { addAccount, addUnits, admin, PASSWORD, signedIn, world } from './fixtures.js';

/** Two units with an officer each, a supervisor, and one task led by each unit (甲局: taskA, 乙局: taskB), both at version 2. */
async function twoUnits(storeName: StoreName) {
  const w = await world(storeName, '2023-03-01T00:00:00Z');
  await admin(w);
  await addUnits(w, [['甲局', null], ['乙局', null]]);
  await addAccount(w, 'sup', 'supervisor');
  await addAccount(w, 'officer_a', 'unit_officer', '甲局');
  await addAccount(w, 'officer_b', 'unit_officer', '乙局');
  const sup = await signedIn(w, 'sup', '10.1.0.1');
  const a = new Client(w.app, '10.1.0.2');
  const b = new Client(w.app, '10.1.0.3');
  expect((await a.login('officer_a', PASSWORD)).status).toBe(200);
  expect((await b.login('officer_b', PASSWORD)).status).toBe(200);
  const taskA: number = body(await sup.post('/api/ledger/tasks', { jurisdiction: '甲市', year: 2023, title: '任务甲' })).task.id;
  const taskB: number = body(await sup.post('/api/ledger/tasks', { jurisdiction: '甲市', year: 2023, title: '任务乙' })).task.id;
  expect((await sup.put(`/api/ledger/tasks/${taskA}`, { version: 1, lead_unit_id: w.units['甲局'] })).status).toBe(200);
  expect((await sup.put(`/api/ledger/tasks/${taskB}`, { version: 1, lead_unit_id: w.units['乙局'] })).status).toBe(200);
  return { w, app: w.app, sup, a, b, taskA, taskB };
}

describe.each(STORES)('ledger permissions, CSRF and concurrency on %s', (storeName) => {
  it("a unit officer touching another unit's task gets 403", async () => {
    const { a, taskA, taskB } = await twoUnits(storeName);
    expect((await a.put(`/api/ledger/tasks/${taskB}`, { version: 2, unit_note: 'x' })).status).toBe(403);
    expect((await a.post(`/api/ledger/tasks/${taskB}/progress`, { report_date: '2023-03-01', narrative: 'x' })).status).toBe(403);
    expect((await a.get(`/api/ledger/tasks/${taskB}`)).status).toBe(403);
    // Their own task: only the unit's note.
    expect((await a.put(`/api/ledger/tasks/${taskA}`, { version: 2, title: '改名' })).status).toBe(403);
    const ok = await a.put(`/api/ledger/tasks/${taskA}`, { version: 2, unit_note: '已安排专人' });
    expect(ok.status, text(ok)).toBe(200);
    // A unit officer cannot manage.
    expect((await a.post('/api/ledger/tasks', { jurisdiction: '甲市', year: 2023, title: 'x' })).status).toBe(403);
  });

  it('anonymous requests to internal endpoints get 401', async () => {
    const { app, taskA } = await twoUnits(storeName);
    const anon = new Client(app, '10.1.0.9');
    for (const url of ['/api/ledger/tasks', `/api/ledger/tasks/${taskA}`, '/api/ledger/units', '/api/ledger/notices', '/api/ledger/dashboard?jurisdiction=甲市&year=2023', '/api/ledger/progress-table.xlsx?jurisdiction=甲市&year=2023', '/api/ledger/accounts']) {
      const r = await anon.get(url);
      expect(r.status, url).toBe(401);
      expect(body(r)).toMatchObject({ ok: false, error: { status: 401 } });
    }
    await anon.get('/api/ledger/session');
    expect((await anon.post('/api/ledger/tasks', { jurisdiction: '甲市', year: 2023, title: 'x' })).status).toBe(401);
  });

  it('every write endpoint refuses a request without the CSRF token', async () => {
    const { w, app, sup, taskA } = await twoUnits(storeName);
    const writes: [string, 'POST' | 'PUT'][] = [
      ['/api/ledger/login', 'POST'], ['/api/ledger/logout', 'POST'], ['/api/ledger/units', 'POST'], ['/api/ledger/accounts', 'POST'],
      ['/api/ledger/generate', 'POST'], ['/api/ledger/tasks', 'POST'], [`/api/ledger/tasks/${taskA}`, 'PUT'],
      [`/api/ledger/tasks/${taskA}/actions/assign`, 'POST'], [`/api/ledger/tasks/${taskA}/progress`, 'POST'],
      [`/api/ledger/tasks/${taskA}/urge`, 'POST'], [`/api/ledger/tasks/${taskA}/instructions`, 'POST'],
      ['/api/ledger/import-plan?filename=a.csv&jurisdiction=甲市&year=2023', 'POST'], [`/api/ledger/tasks/${taskA}/merge`, 'POST'], [`/api/ledger/tasks/${taskA}/split`, 'POST'],
      [`/api/ledger/tasks/${taskA}/year-end-state`, 'PUT'], ['/api/ledger/units/1', 'PUT'], ['/api/ledger/accounts/1', 'PUT'],
      ['/api/ledger/accounts/1/reset-code', 'POST'], ['/api/ledger/password-reset', 'POST'], ['/api/ledger/people/import?filename=a.csv', 'POST'],
    ];
    for (const [url, method] of writes) {
      const r = await sup.send(method, url, { version: 1 }, { csrf: false });
      expect(r.status, url).toBe(403);
      expect(JSON.parse(text(r)).error.code).toBe('csrf');
      // A token that differs from the cookie is refused too.
      const forged = await app({ method, url, headers: { ...sup.headers(false), 'x-csrf-token': 'forged' }, body: Buffer.from('{}') });
      expect(forged.status, url).toBe(403);
    }
    // The app's routes and the list above agree: every non-GET ledger route was tried.
    const writeRoutes = createApp(w.store.repo).routes.filter((r) => r.path.startsWith('/api/ledger/') && r.method !== 'GET' && r.method !== 'ALL');
    expect(writeRoutes.length).toBeGreaterThanOrEqual(writes.length);
    const pattern = (path: string) => new RegExp('^' + path.replace(/:[A-Za-z_]+/g, '[^/]+') + '$');
    for (const r of writeRoutes) expect(writes.some(([url, m]) => m === r.method && pattern(r.path).test(url.split('?')[0])), `${r.method} ${r.path}`).toBe(true);
  });

  it('rate-limits failed logins: the 6th try within 15 minutes gets 429', async () => {
    const { app } = await twoUnits(storeName);
    const c = new Client(app, '10.2.0.1');
    for (let i = 0; i < 5; i++) expect((await c.login('officer_a', 'wrong-password')).status).toBe(401);
    const r = await c.login('officer_a', PASSWORD);
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is limited too for this account.
    expect((await new Client(app, '10.2.0.2').login('officer_a', PASSWORD)).status).toBe(429);
  });

  it('two clients edit the same task: one gets 409 with the current task, nothing is lost', async () => {
    const { w, sup, taskB } = await twoUnits(storeName);
    const t0 = body(await sup.get(`/api/ledger/tasks/${taskB}`)).task;
    const sup2 = new Client(w.app, '10.1.0.7');
    await sup2.login('sup', PASSWORD);
    const [r1, r2] = await Promise.all([
      sup.put(`/api/ledger/tasks/${taskB}`, { version: t0.version, title: '任务乙（甲改）' }),
      sup2.put(`/api/ledger/tasks/${taskB}`, { version: t0.version, internal_note: '乙的备注' }),
    ]);
    const statuses = [r1.status, r2.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = r1.status === 200 ? [r1, r2] : [r2, r1];
    const current = body(lost).current;
    expect(body(lost).error.status).toBe(409);
    expect(current).toEqual(expect.objectContaining({ version: t0.version + 1 }));
    expect(current.version).toBe(body(won).task.version);
    // The loser re-applies on the current version: both changes survive.
    const loserChange = lost === r2 ? { internal_note: '乙的备注' } : { title: '任务乙（甲改）' };
    const again = await (lost === r2 ? sup2 : sup).put(`/api/ledger/tasks/${taskB}`, { version: current.version, ...loserChange });
    expect(again.status).toBe(200);
    expect(body(again).task).toMatchObject({ title: '任务乙（甲改）', internal_note: '乙的备注', version: t0.version + 2 });
    const h = body(await sup.get(`/api/ledger/tasks/${taskB}/history`)).items;
    expect(h.filter((e: { action: string }) => e.action === 'edit').length).toBe(3);
  });
});
