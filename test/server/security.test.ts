/**
 * Being on a network (issue 15): guessing limits that a fresh address per
 * request does not dodge and that never lock the owner out, limits shared by
 * every server process, server-issued CSRF tokens, Secure cookies behind
 * TLS, the public ledger keeping internal figures inside, and ledgers larger
 * than one SQL statement's parameters.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { inProcess } from '../helpers/in-process.js';
import { body, Client } from '../ledger/client.js';
import { addAccount, addUnits, admin, PASSWORD, world } from '../ledger/fixtures.js';
import { STORES } from '../store/stores.js';

describe.each(STORES)('sign-in and code limits on %s', (storeName) => {
  it('a fresh X-Forwarded-For per request does not dodge the limit when no proxy is trusted', async () => {
    const w = await world(storeName, '2026-03-01T09:00:00Z', { trustedProxies: 0 });
    await addAccount(w, 'clerk', 'supervisor');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await new Client(w.app, `203.0.113.${i}`).login(`guess${i}`, 'wrong-password-1')).status);
    // Ten failures from the one real address, then it waits, whatever the header says.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('a guesser from many addresses slows the account to a try a minute, and never locks out its owner', async () => {
    const w = await world(storeName, '2026-03-01T09:00:00Z');
    await addAccount(w, 'clerk', 'supervisor');
    // The owner signed in from this browser before: it holds a device cookie.
    const owner = new Client(w.app, '10.1.1.1');
    expect((await owner.login('clerk', PASSWORD)).status).toBe(200);
    expect(owner.cookies.get('luoshi_device')).toBeTruthy();
    let limited = 0;
    for (let i = 0; i < 30; i++) {
      const r = await new Client(w.app, `198.51.100.${i}`).login('clerk', `guess-${i}-xxxxx`);
      if (r.status === 429) {
        limited++;
        expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
      } else expect(r.status).toBe(401);
    }
    expect(limited).toBeGreaterThan(20);
    // The owner's browser is not locked out.
    const again = new Client(w.app, '10.1.1.1');
    again.cookies.set('luoshi_device', owner.cookies.get('luoshi_device')!);
    expect((await again.login('clerk', PASSWORD)).status).toBe(200);
    // A new browser waits at most a minute, then gets in.
    const fresh = new Client(w.app, '10.2.2.2');
    const wait = await fresh.login('clerk', PASSWORD);
    expect(wait.status).toBe(429);
    w.at(new Date(w.now().getTime() + 61_000).toISOString());
    expect((await fresh.login('clerk', PASSWORD)).status).toBe(200);
  });

  it('counts failures in the database, so a second server process sees them', async () => {
    const w = await world(storeName, '2026-03-01T09:00:00Z');
    await addAccount(w, 'clerk', 'supervisor');
    const other = inProcess(createApp(w.store.repo, { now: () => w.now(), trustedProxies: 1 }));
    for (let i = 0; i < 10; i++) expect((await new Client(w.app, '192.0.2.7').login(`nobody${i}`, 'wrong-password-1')).status).toBe(401);
    expect((await new Client(other, '192.0.2.7').login('clerk', PASSWORD)).status).toBe(429);
  });

  it('a right voting code clears no failures: ten wrong codes pause the address, right codes between them or not', async () => {
    const w = await world(storeName, '2026-03-01T09:00:00Z', { votes: { box: { batch: 1, waitMs: 10 } } });
    const root = await admin(w);
    const session = body(await root.post('/api/votes/sessions', { jurisdiction: '甲市', year: 2026, title: '测试', seats: 1 })).session;
    await root.post(`/api/votes/sessions/${session.id}/candidates`, { text: '1. 甲\n2. 乙' });
    const code = body(await root.post(`/api/votes/sessions/${session.id}/deputies`, { text: '张三' })).items[0].code;
    const guesser = new Client(w.app, '10.7.7.7');
    await guesser.get('/api/ledger/session');
    for (let i = 0; i < 9; i++) {
      expect((await guesser.post('/api/votes/lookup', { code: `WRONG-${i}AAAA` })).status).toBe(403);
      expect((await guesser.post('/api/votes/lookup', { code })).status).toBe(200);
    }
    expect((await guesser.post('/api/votes/lookup', { code: 'WRONG-XAAAA' })).status).toBe(403);
    expect((await guesser.post('/api/votes/lookup', { code })).status).toBe(429);
  });
});

describe('CSRF tokens the server issued', () => {
  it('refuses a token the client made up, and replaces it when asked for the session', async () => {
    const w = await world('sqlite', '2026-03-01T09:00:00Z');
    await addAccount(w, 'clerk', 'supervisor');
    const c = new Client(w.app, '10.3.3.3');
    c.cookies.set('luoshi_csrf', 'attacker-chosen-token');
    const forged = await c.post('/api/ledger/login', { name: 'clerk', password: PASSWORD });
    expect(forged.status).toBe(403);
    expect(body(forged).error.code).toBe('csrf');
    const s = await c.get('/api/ledger/session');
    expect(body(s).csrf_token).not.toBe('attacker-chosen-token');
    expect(c.cookies.get('luoshi_csrf')).toBe(body(s).csrf_token);
    expect((await c.post('/api/ledger/login', { name: 'clerk', password: PASSWORD })).status).toBe(200);
  });

  it('marks cookies Secure and asks for HTTPS when served behind TLS', async () => {
    const w = await world('sqlite', '2026-03-01T09:00:00Z', { secureCookies: true });
    await addAccount(w, 'clerk', 'supervisor');
    const c = new Client(w.app, '10.3.3.4');
    const s = await c.get('/api/ledger/session');
    expect(s.headers['set-cookie']).toMatch(/luoshi_csrf=[^;]+;.*Secure/);
    expect(s.headers['strict-transport-security']).toMatch(/max-age=/);
    const login = await c.login('clerk', PASSWORD);
    for (const line of login.headers['set-cookie'].split('\n')) expect(line).toMatch(/; Secure/);
  });
});

describe.each(STORES)('the ledger on %s', (storeName) => {
  it('shows the public only figures from public progress reports', async () => {
    const w = await world(storeName, '2026-03-01T09:00:00Z');
    await addUnits(w, [['甲局', null]]);
    const root = await admin(w);
    const task = body(await root.post('/api/ledger/tasks', { jurisdiction: '甲市', year: 2026, title: '新建农田10万亩', figure_value: 10, figure_unit: '万亩' })).task;
    const assigned = body(await root.put(`/api/ledger/tasks/${task.id}`, { version: task.version, lead_unit_id: w.units['甲局'] })).task;
    await root.post(`/api/ledger/tasks/${task.id}/actions/assign`, { version: assigned.version });
    await root.post(`/api/ledger/tasks/${task.id}/progress`, { report_date: '2026-03-01', narrative: '公开进展', figure: 3 });
    await root.post(`/api/ledger/tasks/${task.id}/progress`, { report_date: '2026-03-02', narrative: '内部估算', figure: 9, internal: true });
    expect(body(await root.get(`/api/ledger/tasks/${task.id}`)).task.progress_figure).toBe(9);
    const list = body(await new Client(w.app).get('/api/public/ledger/tasks?jurisdiction=甲市&year=2026'));
    expect(list.items[0].progress_figure).toBe(3);
    const one = body(await new Client(w.app).get(`/api/public/ledger/tasks/${task.id}`));
    expect(one.task.progress_figure).toBe(3);
    expect(JSON.stringify(one)).not.toMatch(/内部估算|"figure":9/);
  });

  it('lists a ledger larger than one statement may bind, a page at a time', async () => {
    const w = await world(storeName, '2026-03-01T09:00:00Z');
    const root = await admin(w);
    const n = 33_000;
    const at = w.now().toISOString();
    const rows = Array.from({ length: n }, (_, i) => ({
      jurisdiction: '乙市', year: 2026, source_kind: 'manual' as const, title: `任务${i}`, deadline: '2026-12-31', state: 'draft' as const, livelihood: 0, archived: 0, version: 1, created_at: at, updated_at: at,
    }));
    for (let i = 0; i < n; i += 500) await w.store.repo.db.insertInto('tasks').values(rows.slice(i, i + 500)).execute();
    const first = body(await root.get('/api/ledger/tasks?jurisdiction=乙市&year=2026&_limit=1000'));
    expect(first.total).toBe(n);
    expect(first.items).toHaveLength(1000);
    const last = body(await root.get(`/api/ledger/tasks?jurisdiction=乙市&year=2026&_limit=1000&_offset=${n - 10}`));
    expect(last.items.map((t: { title: string }) => t.title)).toEqual(Array.from({ length: 10 }, (_, i) => `任务${n - 10 + i}`));
  }, 120_000);
});
