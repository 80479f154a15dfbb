/**
 * More than one server (issue 18): two real `luoshi serve` processes on one
 * PostgreSQL database, and one `luoshi serve --workers 2` on SQLite, behave
 * as one server. A session made through one process works on the other; the
 * sign-in and voting-code limits count across them; a cached read never
 * answers with data older than a write made through the other process; a
 * stale ledger edit is refused (409) and a voting code casts one ballot
 * while concurrent requests are split across the processes.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/accounts/admin.js';
import { openRepository } from '../../src/store/repository.js';
import type { App } from '../helpers/in-process.js';
import { serveProcess, type ServeProcess } from '../helpers/serve-process.js';
import { body, Client, text } from '../ledger/client.js';
import { createTestDatabase, makeReport, STORES, type TestDatabase } from '../store/stores.js';

const PASSWORD = 'S3cret-pass!';

/**
 * The ledger test client's transport over real HTTP (the in-process adapter's
 * answer shape), a new connection per request: with round robin (asked for
 * below) node:cluster hands each new connection to the next worker, so
 * requests to one port also split.
 */
function overHttp(base: string): App {
  return (req) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
      if (req.body) headers['content-length'] = String(req.body.length);
      const r = request(base + req.url, { method: req.method, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('error', reject);
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join('\n') : v;
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: out, body: /^(application\/json|text\/)/.test(res.headers['content-type'] ?? '') ? bytes.toString('utf8') : new Uint8Array(bytes) });
        });
      });
      r.on('error', reject);
      r.end(req.body ? Buffer.from(req.body) : undefined);
    });
}

/** A browser that sends each request to one of the processes, keeping its cookies across them. */
function browser(apps: App[], ip: string): Client & { on(i: number): Client } {
  const c = new Client(apps[0], ip);
  return Object.assign(c, {
    on(i: number): Client {
      const other = new Client(apps[i % apps.length], ip);
      // The same cookie jar: a session is the browser's, whichever process answers.
      (other as { cookies: Map<string, string> }).cookies = c.cookies;
      return other;
    },
  });
}

interface Setup {
  name: string;
  start(): Promise<{ bases: string[]; stop(): Promise<void> }>;
}

const SETUPS: Setup[] = [
  ...(STORES.includes('postgres')
    ? [{
        name: 'two luoshi serve processes on one PostgreSQL database',
        async start() {
          const database: TestDatabase = await createTestDatabase('postgres');
          const repo = await openRepository(database.open());
          await createAdmin(repo, 'root', PASSWORD);
          await repo.close();
          const procs: ServeProcess[] = [];
          for (let i = 0; i < 2; i++) procs.push(await serveProcess(['--trust-proxy', '1'], { LUOSHI_DB: database.location }));
          return { bases: procs.map((p) => p.base), stop: async () => { for (const p of procs) await p.stop(); await database.dispose(); } };
        },
      }]
    : []),
  ...(STORES.includes('sqlite')
    ? [{
        name: 'luoshi serve --workers 2 on one SQLite file',
        async start() {
          const database: TestDatabase = await createTestDatabase('sqlite');
          const repo = await openRepository(database.open());
          await createAdmin(repo, 'root', PASSWORD);
          await repo.close();
          // Round robin rather than the serve command's default (whichever worker accepts first, which
          // on an idle machine may be the same one every time), so requests split across the two.
          const proc = await serveProcess(['--trust-proxy', '1', '--workers', '2'], { LUOSHI_DB: database.location, NODE_CLUSTER_SCHED_POLICY: 'rr' });
          return { bases: [proc.base, proc.base], stop: async () => { await proc.stop(); await database.dispose(); } };
        },
      }]
    : []),
];

describe.each(SETUPS)('$name', (setup) => {
  let apps: App[];
  let stop: () => Promise<void>;
  let root: ReturnType<typeof browser>;
  beforeAll(async () => {
    const started = await setup.start();
    stop = started.stop;
    apps = started.bases.map(overHttp);
    root = browser(apps, '10.9.0.1');
    const r = await root.login('root', PASSWORD);
    expect(r.status, text(r)).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await stop?.();
  });

  it('a session made on one process works on the other', async () => {
    expect(body(await root.on(1).get('/api/ledger/session')).account?.name).toBe('root');
    expect(body(await root.on(0).get('/api/ledger/session')).account?.name).toBe('root');
    // A write on the other process with the session and CSRF token the first one issued.
    const r = await root.on(1).post('/api/ledger/accounts', { name: 'clerk', password: PASSWORD, role: 'supervisor', unit_id: null });
    expect(r.status, text(r)).toBe(201);
    const clerk = browser(apps, '10.9.0.2');
    expect((await clerk.on(1).login('clerk', PASSWORD)).status).toBe(200);
    expect((await clerk.on(0).get('/api/ledger/tasks')).status).toBe(200);
  });

  it('sign-in failures on one process limit the same address on the other', async () => {
    for (let i = 0; i < 10; i++) expect((await browser(apps, '192.0.2.50').on(i).login(`nobody${i}`, 'wrong-password-1')).status).toBe(401);
    expect((await browser(apps, '192.0.2.50').on(0).login('root', PASSWORD)).status).toBe(429);
    expect((await browser(apps, '192.0.2.50').on(1).login('root', PASSWORD)).status).toBe(429);
  });

  it('wrong voting codes on one process pause the address on the other', async () => {
    const s = body(await root.post('/api/votes/sessions', { jurisdiction: '甲市', year: 2026, title: '限次测试', seats: 1 })).session;
    await root.post(`/api/votes/sessions/${s.id}/candidates`, { text: '1. 甲\n2. 乙' });
    const code = body(await root.post(`/api/votes/sessions/${s.id}/deputies`, { text: '张三' })).items[0].code;
    const guesser = browser(apps, '10.7.7.7');
    await guesser.get('/api/ledger/session');
    for (let i = 0; i < 10; i++) expect((await guesser.on(i).post('/api/votes/lookup', { code: `WRONG-${i}AAAA` })).status).toBe(403);
    expect((await guesser.on(0).post('/api/votes/lookup', { code })).status).toBe(429);
    expect((await guesser.on(1).post('/api/votes/lookup', { code })).status).toBe(429);
  });

  it('a cached read never answers with data older than an import through the other process', async () => {
    const reader = browser(apps, '10.9.0.3');
    const url = '/api/search.json?q=' + encodeURIComponent('农田');
    // Four times (both workers of a cluster, in turn): later answers come from a cache.
    for (let i = 0; i < 4; i++) expect(body(await reader.on(1).get(url)).total).toBe(0);
    const before = body(await reader.on(1).get('/api/reports.json')).total;
    for (let i = 0; i < 3; i++) expect(body(await reader.on(1).get('/api/reports.json')).total).toBe(before);
    const up = await root.on(0).upload('report.txt', Buffer.from(makeReport(5)));
    expect(up.status, text(up)).toBeLessThan(300);
    for (let i = 0; i < 4; i++) {
      expect(body(await reader.on(1).get(url)).total).toBe(1);
      expect(body(await reader.on(1).get('/api/reports.json')).total).toBe(before + 1);
    }
  });

  it('concurrent edits of one task at the same version, split across processes: one succeeds, the rest get 409', async () => {
    const made = await root.post('/api/ledger/tasks', { jurisdiction: '四平市', year: 2023, title: '完成春耕备耕物资储备', deadline_phrase: '4月底前' });
    expect(made.status, text(made)).toBe(201);
    const task = body(made).task;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => root.on(i).put(`/api/ledger/tasks/${task.id}`, { version: task.version, internal_note: `第${i}次修改` })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses, JSON.stringify(answers.map((a) => [a.status, text(a).slice(0, 200)]))).toEqual([200, ...Array(9).fill(409)]);
  });

  it('concurrent progress reports without a version on one task, split across processes: every one is stored', async () => {
    const unit = body(await root.post('/api/ledger/units', { name: '并发报送单位', parent_id: null })).unit.id;
    const made = body(await root.post('/api/ledger/tasks', { jurisdiction: '四平市', year: 2023, title: '完成农村公路改造', deadline_phrase: '年底前' })).task;
    const v = body(await root.put(`/api/ledger/tasks/${made.id}`, { version: made.version, lead_unit_id: unit })).task.version;
    expect((await root.post(`/api/ledger/tasks/${made.id}/actions/assign`, { version: v })).status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => root.on(i).post(`/api/ledger/tasks/${made.id}/progress`, { report_date: '2023-06-30', narrative: `第${i}次报送` })));
    expect(answers.map((a) => a.status), JSON.stringify(answers.map((a) => [a.status, text(a).slice(0, 200)]))).toEqual(Array(10).fill(201));
    expect(body(await root.get(`/api/ledger/tasks/${made.id}`)).progress).toHaveLength(10);
  });

  it('one voting code casts one ballot when the same code is sent to both processes at once', async () => {
    const s = body(await root.post('/api/votes/sessions', { jurisdiction: '乙市', year: 2026, title: '并发投票', seats: 1 })).session;
    const cands = body(await root.post(`/api/votes/sessions/${s.id}/candidates`, { text: '1. 甲\n2. 乙' })).items;
    const codes = body(await root.post(`/api/votes/sessions/${s.id}/deputies`, { text: '张三\n李四\n王五' })).items.map((d: { code: string }) => d.code);
    const round = await root.post(`/api/votes/sessions/${s.id}/rounds`, {});
    expect(round.status, text(round)).toBe(201);
    const roundId = body(round).round.id;
    const deputy = browser(apps, '10.9.0.4');
    await deputy.get('/api/ledger/session');
    // Each code sent eight times at once, alternately to each process.
    const sends = codes.flatMap((code: string) => Array.from({ length: 8 }, () => code));
    const answers = await Promise.all(sends.map((code: string, i: number) => deputy.on(i).post(`/api/votes/rounds/${roundId}/ballots`, { code, choices: [cands[i % 2].id] })));
    const accepted = answers.filter((a) => a.status === 201).length;
    expect(accepted, answers.map((a) => a.status).join(',')).toBe(codes.length);
    expect(answers.every((a) => a.status === 201 || a.status === 409 || a.status === 403)).toBe(true);
    const closed = await root.post(`/api/votes/rounds/${roundId}/close`);
    expect(closed.status, text(closed)).toBe(200);
    expect(body(closed).tally.ballots).toBe(codes.length);
  });
});
