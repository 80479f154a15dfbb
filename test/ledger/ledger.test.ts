import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createAdmin } from '../../src/accounts/admin.js';
import { createApp } from '../../src/server/app.js';
import { inProcess } from '../helpers/in-process.js';
import { createTestStore, STORES, type TestStore } from '../store/stores.js';
import { body, Client, text, type App } from './client.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const PLAN_2023 = '000_a1392cf4c794e201.txt';
const REVIEW_2024 = '004_7053f82eff3fb455.txt';
const PASSWORD = 'S3cret-pass!';

describe.each(STORES)('督办 ledger over HTTP on %s', (storeName) => {
  let store: TestStore;
  let app: App;
  let clock = new Date('2023-02-01T09:00:00+08:00');
  const advance = (iso: string) => {
    clock = new Date(iso);
  };
  const admin = () => new Client(app, '10.0.0.1');
  let adminC: Client;
  let supC: Client;
  let officerC: Client;
  let otherOfficerC: Client;
  let leaderC: Client;
  let units: Record<string, number> = {};
  let documentId = 0;
  let taskId = 0;
  let version = 0;

  const upload = async (name: string) => adminC.upload(name, readFileSync(new URL(name, SEEDS)));

  beforeAll(async () => {
    store = await createTestStore(storeName);
    app = inProcess(createApp(store.repo, { now: () => clock, ledger: { sessionTtlMs: 400 * 86_400_000 } }));
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('imports 四平 2023, sets up an admin (CLI path), units and accounts', async () => {
    await createAdmin(store.repo, 'root', PASSWORD, clock);
    adminC = admin();
    const login = await adminC.login('root', PASSWORD);
    expect(login.status).toBe(200);
    expect(login.headers['set-cookie']).toMatch(/^luoshi_session=[^;]+; Path=\/; SameSite=Strict; HttpOnly/);
    const r = await upload(PLAN_2023);
    expect(r.status).toBe(201);
    documentId = body(r).documentIds[0];
    for (const [name, parent] of [['四平市发展和改革委员会', null], ['四平市农业农村局', null], ['梨树县农业农村局', '四平市农业农村局'], ['四平市商务局', null]] as const) {
      const u = await adminC.post('/api/ledger/units', { name, parent_id: parent ? units[parent] : null });
      expect(u.status).toBe(201);
      units[name] = body(u).unit.id;
    }
    const accounts: [string, string, number | null][] = [
      ['sup', 'supervisor', null], ['agri', 'unit_officer', units['四平市农业农村局']], ['commerce', 'unit_officer', units['四平市商务局']], ['boss', 'leader', null],
    ];
    for (const [name, role, unit] of accounts) {
      const a = await adminC.post('/api/ledger/accounts', { name, password: PASSWORD, role, unit_id: unit });
      expect(a.status, text(a)).toBe(201);
      expect(JSON.stringify(body(a))).not.toMatch(/scrypt|password/);
    }
    supC = new Client(app, '10.0.0.2');
    officerC = new Client(app, '10.0.0.3');
    otherOfficerC = new Client(app, '10.0.0.4');
    leaderC = new Client(app, '10.0.0.5');
    expect((await supC.login('sup', PASSWORD)).status).toBe(200);
    expect((await officerC.login('agri', PASSWORD)).status).toBe(200);
    expect((await otherOfficerC.login('commerce', PASSWORD)).status).toBe(200);
    expect((await leaderC.login('boss', PASSWORD)).status).toBe(200);
  });

  it('generates the draft ledger from the report, with sources and deadlines', async () => {
    const r = await supC.post('/api/ledger/generate', { jurisdiction: '四平市', year: 2023 });
    expect(r.status, text(r)).toBe(201);
    const g = body(r);
    expect(g.document_id).toBe(documentId);
    expect(g.created).toBeGreaterThan(20);
    const tasks = g.items as { id: number; title: string; source_kind: string; source: { sentence: string; start: number; end: number }; deadline: string; firmness: string; figure: { value: number } ; state: string }[];
    expect(tasks.every((t) => t.state === 'draft' && t.deadline === '2023-12-31')).toBe(true);
    expect(tasks.filter((t) => t.source_kind === 'target').length).toBe(8);
    const doc = body(await store.repo.getDocument(documentId).then((d) => ({ status: 200, headers: {}, body: JSON.stringify(d) })));
    for (const t of tasks) expect(doc.text.slice(t.source.start, t.source.end)).toBe(t.title);
    // Review-part results (比例达到99.1%) are not tasks; plan commitments are.
    expect(tasks.some((t) => t.title.includes('99.1%'))).toBe(false);
    const grain = tasks.find((t) => t.title.includes('粮食产量达到95亿斤'))!;
    expect(grain).toMatchObject({ firmness: 'soft', figure: { value: 95 } });
    const again = await supC.post('/api/ledger/generate', { document_id: documentId });
    expect(body(again)).toMatchObject({ created: 0, skipped: g.created });
    taskId = grain.id;
    version = 1;
  });

  it('supervisors edit and add tasks, assign units and 交办', async () => {
    let r = await supC.put(`/api/ledger/tasks/${taskId}`, {
      version, deadline: '2023-10-31', lead_unit_id: units['四平市农业农村局'], responsible_unit_ids: [units['梨树县农业农村局']], internal_note: '内部：重点盯办',
    });
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task).toMatchObject({ version: 2, deadline: '2023-10-31', lead_unit_id: units['四平市农业农村局'], responsible_unit_ids: [units['梨树县农业农村局']] });
    r = await supC.post(`/api/ledger/tasks/${taskId}/actions/assign`, { version: 2, note: '请农业农村局牵头办理' });
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task).toMatchObject({ state: 'assigned', version: 3 });
    const manual = await supC.post('/api/ledger/tasks', { jurisdiction: '四平市', year: 2023, title: '完成春耕备耕物资储备', deadline_phrase: '4月底前' });
    expect(manual.status).toBe(201);
    expect(body(manual).task).toMatchObject({ source_kind: 'manual', deadline: '2023-04-30', state: 'draft' });
    version = 3;
  });

  it('the unit officer signs, reports progress; the leader adds a 批示', async () => {
    let r = await officerC.post(`/api/ledger/tasks/${taskId}/actions/accept`, { version });
    expect(r.status, text(r)).toBe(200);
    advance('2023-05-10T10:00:00+08:00');
    r = await officerC.post(`/api/ledger/tasks/${taskId}/progress`, { report_date: '2023-05-10', narrative: '春播完成，粮食播种面积稳定', figure: 40, evidence: ['https://www.siping.gov.cn/news/1'] });
    expect(r.status, text(r)).toBe(201);
    expect(body(r).task).toMatchObject({ state: 'in_progress', progress_figure: 40, light: 'green' });
    version = body(r).task.version;
    r = await leaderC.post(`/api/ledger/tasks/${taskId}/instructions`, { text: '要确保粮食安全，压实责任。' });
    expect(r.status, text(r)).toBe(201);
    // The officer sees tasks of their unit only, the leader sees all.
    const mine = body(await officerC.get('/api/ledger/tasks?jurisdiction=四平市&year=2023'));
    expect(mine.items.map((t: { id: number }) => t.id)).toEqual([taskId]);
    const all = body(await leaderC.get('/api/ledger/tasks?jurisdiction=四平市&year=2023'));
    expect(all.total).toBeGreaterThan(20);
  });

  it('the clock passes the deadline: the task turns red, is urged, an extension is refused, then it is closed', async () => {
    advance('2023-10-27T10:00:00+08:00');
    let t = body(await supC.get(`/api/ledger/tasks/${taskId}`)).task;
    expect(t.light).toBe('yellow');
    advance('2023-11-02T10:00:00+08:00');
    t = body(await supC.get(`/api/ledger/tasks/${taskId}`)).task;
    expect(t).toMatchObject({ light: 'red', overdue: true });
    const red = body(await supC.get('/api/ledger/tasks?jurisdiction=四平市&year=2023&light=red'));
    expect(red.items.map((x: { id: number }) => x.id)).toEqual([taskId]);
    const dash = body(await supC.get('/api/ledger/dashboard?jurisdiction=四平市&year=2023'));
    expect(dash.totals).toMatchObject({ total: 1, red: 1 });
    expect(dash.units[0]).toMatchObject({ unit_id: units['四平市农业农村局'], red: 1, overdue_open: 1, completion_rate: 0, on_time_rate: 0 });

    let r = await supC.post(`/api/ledger/tasks/${taskId}/urge`, { text: '该任务已逾期，请于11月10日前报送办理情况。' });
    expect(r.status).toBe(201);
    expect(body(r).items.map((n: { unit_id: number }) => n.unit_id).sort()).toEqual([units['四平市农业农村局'], units['梨树县农业农村局']].sort());
    const notices = body(await officerC.get('/api/ledger/notices'));
    expect(notices.items.some((n: { kind: string }) => n.kind === 'urge')).toBe(true);

    r = await officerC.post(`/api/ledger/tasks/${taskId}/actions/request_extension`, { version, deadline: '2023-12-31', note: '秋收统计尚未完成' });
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task.pending_extension).toEqual({ deadline: '2023-12-31', reason: '秋收统计尚未完成' });
    version = body(r).task.version;
    r = await supC.post(`/api/ledger/tasks/${taskId}/actions/refuse_extension`, { version, note: '不予延期' });
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task).toMatchObject({ pending_extension: null, deadline: '2023-10-31', light: 'red' });
    version = body(r).task.version;

    r = await officerC.post(`/api/ledger/tasks/${taskId}/actions/request_completion`, { version, note: '全年粮食产量95.2亿斤' });
    expect(r.status, text(r)).toBe(200);
    version = body(r).task.version;
    // An officer cannot close their own task; illegal steps are refused.
    expect((await officerC.post(`/api/ledger/tasks/${taskId}/actions/close`, { version })).status).toBe(403);
    expect((await supC.post(`/api/ledger/tasks/${taskId}/actions/close`, { version })).status).toBe(409);
    r = await supC.post(`/api/ledger/tasks/${taskId}/actions/review`, { version });
    expect(r.status, text(r)).toBe(200);
    version = body(r).task.version;
    r = await supC.post(`/api/ledger/tasks/${taskId}/actions/close`, { version, note: '销号' });
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task).toMatchObject({ state: 'closed', light: 'green' });
    expect(body(await supC.get('/api/ledger/dashboard?jurisdiction=四平市&year=2023')).units[0]).toMatchObject({ closed: 1, closed_on_time: 0, completion_rate: 1, on_time_rate: 0 });
  });

  it('the history shows every step, who took it and what changed', async () => {
    const h = body(await supC.get(`/api/ledger/tasks/${taskId}/history`)).items as { action: string; account_name: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    expect(h.map((e) => e.action)).toEqual([
      'generate', 'edit', 'assign', 'accept', 'progress', 'instruction', 'urge', 'request_extension', 'refuse_extension', 'request_completion', 'review', 'close',
    ]);
    expect(h[1]).toMatchObject({ account_name: 'sup', before: { deadline: '2023-12-31' }, after: { deadline: '2023-10-31' } });
    expect(h[3]).toMatchObject({ account_name: 'agri', before: { state: 'assigned' }, after: { state: 'accepted' } });
    expect(h.at(-1)).toMatchObject({ before: { state: 'under_review' }, after: { state: 'closed' } });
  });

  it('the public view hides internal fields, drafts and internal reports', async () => {
    const anon = new Client(app, '10.0.0.9');
    const list = body(await anon.get('/api/public/ledger/tasks?jurisdiction=四平市&year=2023'));
    expect(list.items.map((t: { id: number }) => t.id)).toEqual([taskId]);
    const t = list.items[0];
    expect(t).toMatchObject({ state: 'closed', title: expect.stringContaining('95亿斤') });
    for (const k of ['internal_note', 'unit_note', 'pending_extension', 'version']) expect(t).not.toHaveProperty(k);
    const one = await anon.get(`/api/public/ledger/tasks/${taskId}`);
    expect(text(one)).not.toContain('内部');
    expect(body(one).progress).toEqual([{ report_date: '2023-05-10', narrative: '春播完成，粮食播种面积稳定', figure: 40, unit_id: units['四平市农业农村局'] }]);
    expect((await anon.get(`/api/ledger/tasks/${taskId}`)).status).toBe(401);
  });

  it('exports the monthly progress table as XLSX and escaped HTML', async () => {
    const x = await supC.get('/api/ledger/progress-table.xlsx?jurisdiction=四平市&year=2023&month=2023-10');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.body as Uint8Array) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '任务', '牵头单位', '责任单位', '时间节点', '进展情况', '状态']);
    expect(ws.getRow(2).values).toEqual([undefined, 1, expect.stringContaining('95亿斤'), '四平市农业农村局', '梨树县农业农村局', '2023-10-31', expect.stringContaining('2023-05-10：春播完成'), '已办结（绿灯）']);
    const h = await supC.get('/api/ledger/progress-table.html?jurisdiction=四平市&year=2023');
    expect(h.headers['content-type']).toMatch(/text\/html/);
    expect(text(h)).toContain('<td>四平市农业农村局</td>');
  });

  it('year end: each task beside the 2024 report verdict, with disagreements flagged', async () => {
    expect((await upload(REVIEW_2024)).status).toBe(201);
    const r = await supC.get('/api/ledger/year-end?jurisdiction=四平市&year=2023');
    expect(r.status, text(r)).toBe(200);
    const y = body(r);
    expect(y.items.length).toBeGreaterThan(20);
    expect(y.items.filter((i: { matched_by: string | null }) => i.matched_by === 'offsets').length).toBeGreaterThan(10);
    const anyMet = y.items.filter((i: { verdict: string }) => i.verdict === 'met');
    // Unfinished tasks the report calls met are flagged.
    for (const i of anyMet) expect(i.flag).toBe(i.state === 'closed' ? null : 'unfinished_but_met');
    expect(y.flags.unfinished_but_met).toBeGreaterThan(5);
    // Every task generated from the report has a verdict; the hand-added one has none.
    expect(y.items.filter((i: { verdict: string | null }) => i.verdict === null).map((i: { title: string }) => i.title)).toEqual(['完成春耕备耕物资储备']);
    expect(y.flags.unfinished_but_met).toBe(anyMet.filter((i: { state: string }) => i.state !== 'closed').length);
  });
});

describe.each(STORES)('ledger permissions, CSRF and concurrency on %s', (storeName) => {
  let store: TestStore;
  let app: App;
  let sup: Client;
  let a: Client;
  let b: Client;
  let taskA = 0;
  let taskB = 0;
  const clock = new Date('2023-03-01T00:00:00Z');

  beforeAll(async () => {
    store = await createTestStore(storeName);
    app = inProcess(createApp(store.repo, { now: () => clock }));
    await createAdmin(store.repo, 'root', PASSWORD, clock);
    const root = new Client(app);
    await root.login('root', PASSWORD);
    const ua = body(await root.post('/api/ledger/units', { name: '甲局' })).unit.id;
    const ub = body(await root.post('/api/ledger/units', { name: '乙局' })).unit.id;
    await root.post('/api/ledger/accounts', { name: 'sup', password: PASSWORD, role: 'supervisor' });
    await root.post('/api/ledger/accounts', { name: 'officer_a', password: PASSWORD, role: 'unit_officer', unit_id: ua });
    await root.post('/api/ledger/accounts', { name: 'officer_b', password: PASSWORD, role: 'unit_officer', unit_id: ub });
    sup = new Client(app, '10.1.0.1');
    a = new Client(app, '10.1.0.2');
    b = new Client(app, '10.1.0.3');
    await sup.login('sup', PASSWORD);
    expect((await a.login('officer_a', PASSWORD)).status).toBe(200);
    expect((await b.login('officer_b', PASSWORD)).status).toBe(200);
    taskA = body(await sup.post('/api/ledger/tasks', { jurisdiction: '甲市', year: 2023, title: '任务甲' })).task.id;
    taskB = body(await sup.post('/api/ledger/tasks', { jurisdiction: '甲市', year: 2023, title: '任务乙' })).task.id;
    expect((await sup.put(`/api/ledger/tasks/${taskA}`, { version: 1, lead_unit_id: ua })).status).toBe(200);
    expect((await sup.put(`/api/ledger/tasks/${taskB}`, { version: 1, lead_unit_id: ub })).status).toBe(200);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it("a unit officer touching another unit's task gets 403", async () => {
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
    const writes: [string, 'POST' | 'PUT'][] = [
      ['/api/ledger/login', 'POST'], ['/api/ledger/logout', 'POST'], ['/api/ledger/units', 'POST'], ['/api/ledger/accounts', 'POST'],
      ['/api/ledger/generate', 'POST'], ['/api/ledger/tasks', 'POST'], [`/api/ledger/tasks/${taskA}`, 'PUT'],
      [`/api/ledger/tasks/${taskA}/actions/assign`, 'POST'], [`/api/ledger/tasks/${taskA}/progress`, 'POST'],
      [`/api/ledger/tasks/${taskA}/urge`, 'POST'], [`/api/ledger/tasks/${taskA}/instructions`, 'POST'],
      ['/api/ledger/import-plan?filename=a.csv&jurisdiction=甲市&year=2023', 'POST'], [`/api/ledger/tasks/${taskA}/merge`, 'POST'], [`/api/ledger/tasks/${taskA}/split`, 'POST'],
    ];
    for (const [url, method] of writes) {
      const r = await sup.send(method, url, { version: 1 }, { csrf: false });
      expect(r.status, url).toBe(403);
      expect(text(r)).toMatch(/CSRF/);
      // A token that differs from the cookie is refused too.
      const forged = await app({ method, url, headers: { ...sup.headers(false), 'x-csrf-token': 'forged' }, body: Buffer.from('{}') });
      expect(forged.status, url).toBe(403);
    }
    // The app's routes and the list above agree: every non-GET ledger route was tried.
    const writeRoutes = createApp(store.repo).routes.filter((r) => r.path.startsWith('/api/ledger/') && r.method !== 'GET' && r.method !== 'ALL');
    expect(writeRoutes.length).toBeGreaterThanOrEqual(writes.length);
    const pattern = (path: string) => new RegExp('^' + path.replace(/:[A-Za-z_]+/g, '[^/]+') + '$');
    for (const r of writeRoutes) expect(writes.some(([url, m]) => m === r.method && pattern(r.path).test(url.split('?')[0])), `${r.method} ${r.path}`).toBe(true);
  });

  it('rate-limits failed logins: the 6th try within 15 minutes gets 429', async () => {
    const c = new Client(app, '10.2.0.1');
    for (let i = 0; i < 5; i++) expect((await c.login('officer_a', 'wrong-password')).status).toBe(401);
    const r = await c.login('officer_a', PASSWORD);
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is limited too for this account.
    expect((await new Client(app, '10.2.0.2').login('officer_a', PASSWORD)).status).toBe(429);
  });

  it('two clients edit the same task: one gets 409 with the current task, nothing is lost', async () => {
    const t0 = body(await sup.get(`/api/ledger/tasks/${taskB}`)).task;
    const sup2 = new Client(app, '10.1.0.7');
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

/** GBK bytes for a string, from the decoder's own table (no extra dependency). */
function gbk(text: string): Uint8Array {
  const dec = new TextDecoder('gbk');
  const map = new Map<string, number[]>();
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const c = dec.decode(new Uint8Array([b1, b2]));
      if (c.length === 1 && c !== '\ufffd' && !map.has(c)) map.set(c, [b1, b2]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...map.get(ch)!);
  }
  return new Uint8Array(out);
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

describe.each(STORES)('分工方案 import, merge and split on %s', (storeName) => {
  let store: TestStore;
  let app: App;
  let sup: Client;
  let officer: Client;
  const clock = new Date('2023-02-10T09:00:00+08:00');
  type T = { id: number; title: string; version: number; deadline: string; lead_unit_id: number | null; responsible_unit_ids: number[]; archived: boolean; source: { sentence: string | null } };
  let picked: T[] = [];
  let generatedIds = new Set<number>();
  let ndrc = 0;

  const importPlan = (c: Client, filename: string, bytes: Uint8Array, csrf = true) =>
    app({ method: 'POST', url: `/api/ledger/import-plan?filename=${encodeURIComponent(filename)}&jurisdiction=${encodeURIComponent('四平市')}&year=2023`, headers: c.headers(csrf), body: bytes });
  const task = async (tid: number): Promise<T> => body(await sup.get(`/api/ledger/tasks/${tid}`)).task;

  beforeAll(async () => {
    store = await createTestStore(storeName);
    app = inProcess(createApp(store.repo, { now: () => clock }));
    await createAdmin(store.repo, 'root', PASSWORD, clock);
    const root = new Client(app);
    await root.login('root', PASSWORD);
    const up = await root.upload(PLAN_2023, readFileSync(new URL(PLAN_2023, SEEDS)));
    expect(up.status).toBe(201);
    ndrc = body(await root.post('/api/ledger/units', { name: '四平市发展和改革委员会' })).unit.id;
    await root.post('/api/ledger/accounts', { name: 'sup', password: PASSWORD, role: 'supervisor' });
    await root.post('/api/ledger/accounts', { name: 'officer', password: PASSWORD, role: 'unit_officer', unit_id: ndrc });
    sup = new Client(app, '10.3.0.1');
    officer = new Client(app, '10.3.0.2');
    await sup.login('sup', PASSWORD);
    await officer.login('officer', PASSWORD);
    const g = body(await sup.post('/api/ledger/generate', { jurisdiction: '四平市', year: 2023 }));
    const items = g.items as T[];
    generatedIds = new Set(items.map((t) => t.id));
    // Tasks alone in their sentence, with titles long enough to match on.
    const bySentence = new Map<string, number>();
    for (const t of items) bySentence.set(t.source.sentence!, (bySentence.get(t.source.sentence!) ?? 0) + 1);
    picked = items.filter((t) => bySentence.get(t.source.sentence!) === 1 && t.title.length >= 12).slice(0, 6);
    expect(picked.length).toBe(6);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it('imports a CSV (UTF-8 with BOM): matched rows update drafts, others become tasks, bad rows are reported', async () => {
    const [t1, t2, t3] = picked;
    const file = csv([
      ['序号', '重点任务', '牵头部门', '配合单位', '完成时限', '备注'],
      ['1', t1.title, '四平市发展和改革委员会', '四平市统计局、四平市财政局', '2023年6月底前', '重点'],
      ['2', t2.title, '四平市农业农村局', '', '三季度末', ''],
      ['3', '建设智慧城市运营指挥中心并投入运行', '四平市政务服务和数字化建设管理局', '', '年底前', ''],
      ['4', t3.title, '四平市商务局', '', '尽快', ''],
      ['5', '', '四平市商务局', '', '', ''],
    ]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(file, 'utf8')]);
    expect((await importPlan(officer, 'plan.csv', bytes)).status).toBe(403);
    expect((await importPlan(sup, 'plan.csv', bytes, false)).status).toBe(403);
    const r = await importPlan(sup, 'plan.csv', bytes);
    expect(r.status, text(r)).toBe(200);
    const b = body(r);
    expect(b).toMatchObject({ matched: 3, created: 1, skipped: 1 });
    expect(b.problems.join(' ')).toContain('备注');
    expect(b.created_units.map((u: { name: string }) => u.name).sort()).toEqual(['四平市农业农村局', '四平市商务局', '四平市政务服务和数字化建设管理局', '四平市统计局', '四平市财政局'].sort());
    const [r1, r2, r3, r4, r5] = b.rows;
    expect(r1).toMatchObject({ row: 2, status: 'matched', task_id: t1.id, lead_unit: { id: ndrc, created: false }, deadline: '2023-06-30', problems: [] });
    expect(r1.responsible_units.map((u: { name: string }) => u.name)).toEqual(['四平市统计局', '四平市财政局']);
    expect(r2).toMatchObject({ status: 'matched', task_id: t2.id, deadline: '2023-09-30' });
    expect(r3).toMatchObject({ status: 'created', deadline: '2023-12-31', lead_unit: { name: '四平市政务服务和数字化建设管理局', created: true } });
    expect(generatedIds.has(r3.task_id)).toBe(false);
    expect(r4).toMatchObject({ status: 'matched', task_id: t3.id, deadline: '2023-12-31' });
    expect(r4.problems.join(' ')).toMatch(/时间节点「.*」无法识别/);
    expect(r5).toMatchObject({ status: 'skipped', task_id: null });
    expect(r5.problems.join(' ')).toMatch(/任务为空/);
    // The changes are in the tasks and their history.
    const u1 = await task(t1.id);
    expect(u1).toMatchObject({ lead_unit_id: ndrc, deadline: '2023-06-30', version: 2 });
    const h = body(await sup.get(`/api/ledger/tasks/${t1.id}/history`)).items;
    expect(h.at(-1)).toMatchObject({ action: 'import_plan', account_name: 'sup', before: { deadline: '2023-12-31' }, after: { deadline: '2023-06-30', lead_unit_id: ndrc } });
    const created = body(await sup.get(`/api/ledger/tasks/${r3.task_id}`));
    expect(created.task).toMatchObject({ source: { sentence: null }, title: '建设智慧城市运营指挥中心并投入运行', lead_unit_id: r3.lead_unit.id });
    expect(created.history.map((e: { action: string }) => e.action)).toEqual(['import_plan', 'import_plan']);
  });

  it('imports a GBK CSV with other header names, and an XLSX with a title row', async () => {
    const t4 = picked[3];
    const g = await importPlan(sup, 'plan-gbk.csv', gbk(csv([['工作任务', '牵头单位', '协办单位', '时间节点'], [t4.title, '四平市商务局', '四平市发展和改革委员会', '10月底前']])));
    expect(g.status, text(g)).toBe(200);
    expect(body(g).rows[0]).toMatchObject({ status: 'matched', task_id: t4.id, deadline: '2023-10-31', lead_unit: { name: '四平市商务局', created: false }, responsible_units: [{ id: ndrc }] });
    expect(body(g).problems).toEqual([]);

    const t5 = picked[4];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工方案');
    ws.addRow(['四平市2023年重点工作任务分工方案']);
    ws.addRow(['序号', '任务', '牵头单位', '责任单位', '时间节点']);
    ws.addRow([1, t5.title, '四平市财政局', '', new Date(Date.UTC(2023, 7, 15))]);
    ws.addRow([2, '开展营商环境专项督查', '四平市发展和改革委员会', '', '明年一季度']);
    const x = await importPlan(sup, 'plan.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(x.status, text(x)).toBe(200);
    const xb = body(x);
    expect(xb.rows[0]).toMatchObject({ row: 3, status: 'matched', task_id: t5.id, deadline: '2023-08-15' });
    expect(xb.rows[1]).toMatchObject({ row: 4, status: 'created', deadline: '2024-03-31' });
    expect((await task(t5.id)).deadline).toBe('2023-08-15');
    // Not a table: 422, nothing changed.
    expect((await importPlan(sup, 'x.csv', Buffer.from('a,b\n1,2\n'))).status).toBe(422);
  });

  it('merges tasks: the others are archived with a pointer, every history has an entry, stale versions get 409', async () => {
    const [t1, t2, t3] = await Promise.all(picked.slice(0, 3).map((t) => task(t.id)));
    expect((await officer.post(`/api/ledger/tasks/${t1.id}/merge`, { version: t1.version, from: [t2.id] })).status).toBe(403);
    expect((await sup.post(`/api/ledger/tasks/${t1.id}/merge`, { version: t1.version, from: [t2.id] }, { csrf: false })).status).toBe(403);
    let r = await sup.post(`/api/ledger/tasks/${t1.id}/merge`, { version: t1.version - 1 + 2, from: [t2.id, t3.id] });
    expect(r.status).toBe(409);
    expect(body(r).current.id).toBe(t1.id);
    r = await sup.post(`/api/ledger/tasks/${t1.id}/merge`, { version: t1.version, from: [t2.id, t3.id], from_versions: [t2.version, t3.version + 5] });
    expect(r.status).toBe(409);
    expect(body(r).current.id).toBe(t3.id);
    // Nothing changed on the 409s.
    expect((await task(t2.id)).archived).toBe(false);
    r = await sup.post(`/api/ledger/tasks/${t1.id}/merge`, { version: t1.version, from: [t2.id, t3.id], from_versions: [t2.version, t3.version] });
    expect(r.status, text(r)).toBe(200);
    const merged = body(r).task;
    expect(merged.version).toBe(t1.version + 1);
    expect(merged.responsible_unit_ids).toEqual(expect.arrayContaining([t2.lead_unit_id, t3.lead_unit_id, ...t1.responsible_unit_ids]));
    const g2 = body(await sup.get(`/api/ledger/tasks/${t2.id}`));
    expect(g2.task.archived).toBe(true);
    expect(g2.links.merged_into).toBe(t1.id);
    expect(g2.history.at(-1)).toMatchObject({ action: 'merged_into', after: { archived: true, merged_into: t1.id } });
    expect(g2.history.length).toBeGreaterThan(2);
    const g1 = body(await sup.get(`/api/ledger/tasks/${t1.id}`));
    expect(g1.links.merged_from).toEqual([t2.id, t3.id]);
    expect(g1.history.at(-1)).toMatchObject({ action: 'merge', account_name: 'sup', after: { merged_from: [t2.id, t3.id] } });
    // Archived tasks leave the board and cannot be merged again.
    const list = body(await sup.get('/api/ledger/tasks?jurisdiction=四平市&year=2023')).items.map((t: { id: number }) => t.id);
    expect(list).not.toContain(t2.id);
    expect((await sup.post(`/api/ledger/tasks/${t1.id}/merge`, { version: merged.version, from: [t3.id] })).status).toBe(422);
  });

  it('splits a task: new tasks inherit source, units and deadline; the original is archived with pointers', async () => {
    const t4 = await task(picked[3].id);
    expect((await officer.post(`/api/ledger/tasks/${t4.id}/split`, { version: t4.version, titles: ['甲', '乙'] })).status).toBe(403);
    expect((await sup.post(`/api/ledger/tasks/${t4.id}/split`, { version: t4.version + 1, titles: ['甲', '乙'] })).status).toBe(409);
    const r = await sup.post(`/api/ledger/tasks/${t4.id}/split`, { version: t4.version, titles: [`${t4.title}（一）`, `${t4.title}（二）`] });
    expect(r.status, text(r)).toBe(201);
    const b = body(r);
    expect(b.task).toMatchObject({ id: t4.id, archived: true, version: t4.version + 1 });
    expect(b.created).toHaveLength(2);
    for (const c of b.created) {
      expect(c).toMatchObject({ source: { sentence: t4.source.sentence }, lead_unit_id: t4.lead_unit_id, responsible_unit_ids: t4.responsible_unit_ids, deadline: '2023-10-31', state: 'draft', archived: false });
      const g = body(await sup.get(`/api/ledger/tasks/${c.id}`));
      expect(g.links.split_from).toBe(t4.id);
      expect(g.history[0]).toMatchObject({ action: 'split_from', after: { split_from: t4.id } });
    }
    const o = body(await sup.get(`/api/ledger/tasks/${t4.id}`));
    expect(o.links.split_into).toEqual(b.created.map((c: { id: number }) => c.id));
    expect(o.history.at(-1)).toMatchObject({ action: 'split', after: { archived: true, split_into: o.links.split_into } });
    // A stale split after the fact: 409 with the current (archived) task.
    const again = await sup.post(`/api/ledger/tasks/${t4.id}/split`, { version: t4.version, titles: ['甲', '乙'] });
    expect(again.status).toBe(409);
    expect(body(again).current.archived).toBe(true);
  });
});
