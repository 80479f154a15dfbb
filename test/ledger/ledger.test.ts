/**
 * The 督办 ledger over HTTP, one year of one task: drafted from the 2023
 * report, assigned, worked on, overdue, closed, then read back (history,
 * public view, progress table, year-end comparison). Each case replays the
 * steps before it (`story`) in a world of its own, so any case runs alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createAdmin } from '../../src/accounts/admin.js';
import type { Role } from '../../src/accounts/roles.js';
import type { AppResponse } from '../helpers/in-process.js';
import { STORES, type StoreName } from '../store/stores.js';
import { body, Client, text } from './client.js';
import { addAccount, addUnits, admin, PASSWORD, PLAN_2023, REVIEW_2024, SEEDS, signedIn, upload, world, type World } from './fixtures.js';

const UNITS = [['四平市发展和改革委员会', null], ['四平市农业农村局', null], ['梨树县农业农村局', '四平市农业农村局'], ['四平市商务局', null]] as const;
const ACCOUNTS: [string, Role, string | null][] = [['sup', 'supervisor', null], ['agri', 'unit_officer', '四平市农业农村局'], ['commerce', 'unit_officer', '四平市商务局'], ['boss', 'leader', null]];
const LEDGER = '?jurisdiction=四平市&year=2023';

/** The 2023 ledger's world: four units, four accounts signed in, the 2023 plan report stored. */
async function seeded(storeName: StoreName) {
  const w = await world(storeName, '2023-02-01T09:00:00+08:00');
  const root = await admin(w);
  const [documentId] = await upload(root, PLAN_2023);
  await addUnits(w, UNITS);
  for (const [name, role, unit] of ACCOUNTS) await addAccount(w, name, role, unit);
  return { w, root, documentId, sup: await signedIn(w, 'sup', '10.0.0.2'), officer: await signedIn(w, 'agri', '10.0.0.3'), leader: await signedIn(w, 'boss', '10.0.0.5') };
}
type Seeded = Awaited<ReturnType<typeof seeded>>;

/**
 * The year of the task about grain, step by step; each step answers with
 * its response and keeps the task's version for the next one.
 */
function story(s: Seeded) {
  const { w, sup, officer, leader } = s;
  let task = 0;
  let version = 0;
  const kept = async (r: Promise<AppResponse>) => {
    const res = await r;
    if (res.status < 300 && body(res).task) version = body(res).task.version;
    return res;
  };
  const act = (c: Client, action: string, data: Record<string, unknown> = {}) => kept(c.post(`/api/ledger/tasks/${task}/actions/${action}`, { version, ...data }));
  return {
    get task() {
      return task;
    },
    get version() {
      return version;
    },
    async generate() {
      const r = await sup.post('/api/ledger/generate', { jurisdiction: '四平市', year: 2023 });
      task = (body(r).items as { id: number; title: string }[]).find((t) => t.title.includes('粮食产量达到95亿斤'))?.id ?? 0;
      version = 1;
      return r;
    },
    edit: () => kept(sup.put(`/api/ledger/tasks/${task}`, {
      version, deadline: '2023-10-31', lead_unit_id: w.units['四平市农业农村局'], responsible_unit_ids: [w.units['梨树县农业农村局']], internal_note: '内部：重点盯办',
    })),
    assign: () => act(sup, 'assign', { note: '请农业农村局牵头办理' }),
    addManual: () => sup.post('/api/ledger/tasks', { jurisdiction: '四平市', year: 2023, title: '完成春耕备耕物资储备', deadline_phrase: '4月底前' }),
    accept: () => act(officer, 'accept'),
    progress: () => {
      w.at('2023-05-10T10:00:00+08:00');
      return kept(officer.post(`/api/ledger/tasks/${task}/progress`, { report_date: '2023-05-10', narrative: '春播完成，粮食播种面积稳定', figure: 40, evidence: ['https://www.siping.gov.cn/news/1'] }));
    },
    instruct: () => leader.post(`/api/ledger/tasks/${task}/instructions`, { text: '要确保粮食安全，压实责任。' }),
    urge: () => sup.post(`/api/ledger/tasks/${task}/urge`, { text: '该任务已逾期，请于11月10日前报送办理情况。' }),
    requestExtension: () => act(officer, 'request_extension', { deadline: '2023-12-31', note: '秋收统计尚未完成' }),
    refuseExtension: () => act(sup, 'refuse_extension', { note: '不予延期' }),
    requestCompletion: () => act(officer, 'request_completion', { note: '全年粮食产量95.2亿斤' }),
    review: () => act(sup, 'review'),
    close: () => act(sup, 'close', { note: '销号' }),
  };
}
type Story = ReturnType<typeof story>;

/** Drafted, edited and assigned (交办), with a task added by hand. */
async function assigned(s: Seeded): Promise<Story> {
  const t = story(s);
  await t.generate();
  await t.edit();
  await t.assign();
  await t.addManual();
  return t;
}

/** Signed for, progress reported in May, a leader's 批示. */
async function working(s: Seeded): Promise<Story> {
  const t = await assigned(s);
  await t.accept();
  await t.progress();
  await t.instruct();
  return t;
}

/** Overdue in November, urged, an extension refused, then closed. */
async function closed(s: Seeded): Promise<Story> {
  const t = await working(s);
  s.w.at('2023-11-02T10:00:00+08:00');
  for (const step of [t.urge, t.requestExtension, t.refuseExtension, t.requestCompletion, t.review, t.close]) await step();
  return t;
}

describe.each(STORES)('督办 ledger over HTTP on %s', (storeName) => {
  it('imports 四平 2023, sets up an admin (CLI path), units and accounts', async () => {
    const w: World = await world(storeName, '2023-02-01T09:00:00+08:00');
    await createAdmin(w.store.repo, 'root', PASSWORD, w.now());
    const adminC = new Client(w.app, '10.0.0.1');
    const login = await adminC.login('root', PASSWORD);
    expect(login.status).toBe(200);
    expect(login.headers['set-cookie']).toMatch(/^luoshi_session=[^;]+; Path=\/; SameSite=Strict; HttpOnly/);
    const r = await adminC.upload(PLAN_2023, readFileSync(new URL(PLAN_2023, SEEDS)));
    expect(r.status).toBe(201);
    const units: Record<string, number> = {};
    for (const [name, parent] of UNITS) {
      const u = await adminC.post('/api/ledger/units', { name, parent_id: parent ? units[parent] : null });
      expect(u.status).toBe(201);
      units[name] = body(u).unit.id;
    }
    for (const [name, role, unit] of ACCOUNTS) {
      const a = await adminC.post('/api/ledger/accounts', { name, password: PASSWORD, role, unit_id: unit && units[unit] });
      expect(a.status, text(a)).toBe(201);
      expect(JSON.stringify(body(a))).not.toMatch(/scrypt|password/);
    }
    for (const [name, ip] of [['sup', '10.0.0.2'], ['agri', '10.0.0.3'], ['commerce', '10.0.0.4'], ['boss', '10.0.0.5']]) {
      expect((await new Client(w.app, ip).login(name, PASSWORD)).status).toBe(200);
    }
  });

  it('generates the draft ledger from the report, with sources and deadlines', async () => {
    const s = await seeded(storeName);
    const r = await story(s).generate();
    expect(r.status, text(r)).toBe(201);
    const g = body(r);
    expect(g.document_id).toBe(s.documentId);
    expect(g.created).toBeGreaterThan(20);
    const tasks = g.items as { id: number; title: string; source_kind: string; source: { sentence: string; start: number; end: number }; deadline: string; firmness: string; figure: { value: number } ; state: string }[];
    expect(tasks.every((t) => t.state === 'draft' && t.deadline === '2023-12-31')).toBe(true);
    expect(tasks.filter((t) => t.source_kind === 'target').length).toBe(8);
    const doc = body(await s.w.store.repo.getDocument(s.documentId).then((d) => ({ status: 200, headers: {}, body: JSON.stringify(d) })));
    for (const t of tasks) expect(doc.text.slice(t.source.start, t.source.end)).toBe(t.title);
    // Review-part results (比例达到99.1%) are not tasks; plan commitments are.
    expect(tasks.some((t) => t.title.includes('99.1%'))).toBe(false);
    const grain = tasks.find((t) => t.title.includes('粮食产量达到95亿斤'))!;
    expect(grain).toMatchObject({ firmness: 'soft', figure: { value: 95 } });
    const again = await s.sup.post('/api/ledger/generate', { document_id: s.documentId });
    expect(body(again)).toMatchObject({ created: 0, skipped: g.created });
  });

  it('supervisors edit and add tasks, assign units and 交办', async () => {
    const s = await seeded(storeName);
    const t = story(s);
    await t.generate();
    let r = await t.edit();
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task).toMatchObject({ version: 2, deadline: '2023-10-31', lead_unit_id: s.w.units['四平市农业农村局'], responsible_unit_ids: [s.w.units['梨树县农业农村局']] });
    r = await t.assign();
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task).toMatchObject({ state: 'assigned', version: 3 });
    const manual = await t.addManual();
    expect(manual.status).toBe(201);
    expect(body(manual).task).toMatchObject({ source_kind: 'manual', deadline: '2023-04-30', state: 'draft' });
    // A unit that does not exist is refused and changes nothing; two responsible units read back in order.
    const m = body(manual).task;
    const unknown = await s.sup.put(`/api/ledger/tasks/${m.id}`, { version: m.version, responsible_unit_ids: [s.w.units['四平市商务局'], 987654] });
    expect(unknown.status, text(unknown)).toBe(422);
    expect(text(unknown)).toContain('987654');
    const both = [s.w.units['四平市商务局'], s.w.units['梨树县农业农村局']];
    r = await s.sup.put(`/api/ledger/tasks/${m.id}`, { version: m.version, responsible_unit_ids: [...both].reverse() });
    expect(r.status, text(r)).toBe(200);
    const read = body(await s.sup.get(`/api/ledger/tasks/${m.id}`)).task;
    expect(read).toMatchObject({ version: m.version + 1, responsible_unit_ids: [...both].sort((a, b) => a - b) });
  });

  it('the unit officer signs, reports progress; the leader adds a 批示', async () => {
    const s = await seeded(storeName);
    const t = await assigned(s);
    let r = await t.accept();
    expect(r.status, text(r)).toBe(200);
    r = await t.progress();
    expect(r.status, text(r)).toBe(201);
    expect(body(r).task).toMatchObject({ state: 'in_progress', progress_figure: 40, light: 'green' });
    // The answer carries the report just stored, as the task's progress list reads it back.
    const stored = body(r).report;
    expect(stored).toMatchObject({ task_id: t.task, report_date: '2023-05-10', figure: 40, evidence: ['https://www.siping.gov.cn/news/1'] });
    expect(body(await s.sup.get(`/api/ledger/tasks/${t.task}`)).progress).toEqual([stored]);
    r = await t.instruct();
    expect(r.status, text(r)).toBe(201);
    // The officer sees tasks of their unit only, the leader sees all.
    const mine = body(await s.officer.get(`/api/ledger/tasks${LEDGER}`));
    expect(mine.items.map((x: { id: number }) => x.id)).toEqual([t.task]);
    const all = body(await s.leader.get(`/api/ledger/tasks${LEDGER}`));
    expect(all.total).toBeGreaterThan(20);
  });

  it('a task reported on for years: its detail carries the latest reports in date order and their count, every one is at /progress', async () => {
    const s = await seeded(storeName);
    const t = await working(s); // one report, 2023-05-10
    // Monthly reports filed out of order: the list is by report date, then by filing.
    const dates = Array.from({ length: 24 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-20`).reverse();
    let version = t.version;
    for (const [i, d] of dates.entries()) {
      const r = await s.officer.post(`/api/ledger/tasks/${t.task}/progress`, { version, report_date: d, narrative: `第${i + 1}次报送：${d}` });
      expect(r.status, text(r)).toBe(201);
      version = body(r).task.version;
    }
    const all = body(await s.officer.get(`/api/ledger/tasks/${t.task}/progress`)).items as { report_date: string; id: number; narrative: string }[];
    expect(all).toHaveLength(25);
    const order = [...all].sort((a, b) => a.report_date.localeCompare(b.report_date) || a.id - b.id);
    expect(all).toEqual(order);
    const detail = body(await s.officer.get(`/api/ledger/tasks/${t.task}`));
    expect(detail.progress_total).toBe(25);
    expect(detail.progress).toEqual(all.slice(-20));
    // The task's words are its latest report by date, not the last one filed.
    expect(detail.task.progress_text).toBe(all.at(-1)!.narrative);
    // Whoever may not read the task may not read its reports.
    const other = await signedIn(s.w, 'commerce', '10.0.0.4');
    const refused = (await other.get(`/api/ledger/tasks/${t.task}`)).status;
    expect(refused).toBeGreaterThanOrEqual(400);
    expect((await other.get(`/api/ledger/tasks/${t.task}/progress`)).status).toBe(refused);
  });

  it('the public view of a task reported on for years: the latest public reports and how many; internal ones neither shown nor counted', async () => {
    const s = await seeded(storeName);
    const t = await working(s); // one public report, 2023-05-10, figure 40
    // Three years of monthly reports filed newest first; every third month's is internal. The only
    // other figure is in the newest report, an internal one, so the public's figure stays 40.
    const months = Array.from({ length: 36 }, (_, k) => ({ date: `${2023 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-20`, internal: k % 3 === 2, figure: k === 35 ? 99 : null }));
    let version = t.version;
    for (const m of [...months].reverse()) {
      const r = await s.officer.post(`/api/ledger/tasks/${t.task}/progress`, { version, report_date: m.date, narrative: `${m.internal ? '内部' : '公开'}报送：${m.date}`, internal: m.internal, figure: m.figure });
      expect(r.status, text(r)).toBe(201);
      version = body(r).task.version;
    }
    const anon = new Client(s.w.app, '10.0.0.9');
    const all = body(await anon.get(`/api/public/ledger/tasks/${t.task}/progress`)).items as { report_date: string; narrative: string; figure: number | null }[];
    expect(all).toHaveLength(25);
    expect(all.map((p) => p.report_date)).toEqual([...all.map((p) => p.report_date)].sort());
    expect(JSON.stringify(all)).not.toContain('内部');
    const one = body(await anon.get(`/api/public/ledger/tasks/${t.task}`));
    expect(one.progress_total).toBe(25);
    expect(one.progress).toEqual(all.slice(-20));
    // The latest public figure, though its report is older than the twenty shown.
    expect(all.slice(-20).every((p) => p.figure === null)).toBe(true);
    expect(one.task.progress_figure).toBe(40);
    expect(body(await s.sup.get(`/api/ledger/tasks/${t.task}`)).task.progress_figure).toBe(99);
    expect((await anon.get(`/api/public/ledger/tasks/${t.task + 100000}/progress`)).status).toBe(404);
    // A public figure among the reports shown, then a later internal one: the public's is the shown one's,
    // in the detail as in the list.
    for (const [date, internal, figure] of [['2026-02-01', false, 55], ['2026-03-01', true, 77], ['2026-04-01', false, null]] as const) {
      const r = await s.officer.post(`/api/ledger/tasks/${t.task}/progress`, { version, report_date: date, narrative: `报送：${date}`, internal, figure });
      expect(r.status, text(r)).toBe(201);
      version = body(r).task.version;
    }
    const later = body(await anon.get(`/api/public/ledger/tasks/${t.task}`));
    expect([later.progress_total, later.task.progress_figure]).toEqual([27, 55]);
    const listed = (body(await anon.get(`/api/public/ledger/tasks${LEDGER}`)).items as { id: number; progress_figure: number | null }[]).find((x) => x.id === t.task);
    expect(listed?.progress_figure).toBe(55);
  });

  it('the clock passes the deadline: the task turns red, is urged, an extension is refused, then it is closed', async () => {
    const s = await seeded(storeName);
    const { w, sup, officer } = s;
    const t = await working(s);
    const taskId = t.task;
    w.at('2023-10-27T10:00:00+08:00');
    let task = body(await sup.get(`/api/ledger/tasks/${taskId}`)).task;
    expect(task.light).toBe('yellow');
    w.at('2023-11-02T10:00:00+08:00');
    task = body(await sup.get(`/api/ledger/tasks/${taskId}`)).task;
    expect(task).toMatchObject({ light: 'red', overdue: true });
    const red = body(await sup.get(`/api/ledger/tasks${LEDGER}&light=red`));
    expect(red.items.map((x: { id: number }) => x.id)).toEqual([taskId]);
    const dash = body(await sup.get(`/api/ledger/dashboard${LEDGER}`));
    expect(dash.totals).toMatchObject({ total: 1, red: 1 });
    expect(dash.units[0]).toMatchObject({ unit_id: w.units['四平市农业农村局'], red: 1, overdue_open: 1, completion_rate: 0, on_time_rate: 0 });

    let r = await t.urge();
    expect(r.status).toBe(201);
    expect(body(r).items.map((n: { unit_id: number }) => n.unit_id).sort()).toEqual([w.units['四平市农业农村局'], w.units['梨树县农业农村局']].sort());
    const notices = body(await officer.get('/api/ledger/notices'));
    expect(notices.items.some((n: { kind: string }) => n.kind === 'urge')).toBe(true);

    r = await t.requestExtension();
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task.pending_extension).toEqual({ deadline: '2023-12-31', reason: '秋收统计尚未完成' });
    r = await t.refuseExtension();
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task).toMatchObject({ pending_extension: null, deadline: '2023-10-31', light: 'red' });

    r = await t.requestCompletion();
    expect(r.status, text(r)).toBe(200);
    // An officer cannot close their own task; illegal steps are refused.
    expect((await officer.post(`/api/ledger/tasks/${taskId}/actions/close`, { version: t.version })).status).toBe(403);
    expect((await sup.post(`/api/ledger/tasks/${taskId}/actions/close`, { version: t.version })).status).toBe(409);
    r = await t.review();
    expect(r.status, text(r)).toBe(200);
    r = await t.close();
    expect(r.status, text(r)).toBe(200);
    expect(body(r).task).toMatchObject({ state: 'closed', light: 'green' });
    expect(body(await sup.get(`/api/ledger/dashboard${LEDGER}`)).units[0]).toMatchObject({ closed: 1, closed_on_time: 0, completion_rate: 1, on_time_rate: 0 });
  });

  it('the history shows every step, who took it and what changed', async () => {
    const s = await seeded(storeName);
    const t = await closed(s);
    const h = body(await s.sup.get(`/api/ledger/tasks/${t.task}/history`)).items as { action: string; account_name: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    expect(h.map((e) => e.action)).toEqual([
      'generate', 'edit', 'assign', 'accept', 'progress', 'instruction', 'urge', 'request_extension', 'refuse_extension', 'request_completion', 'review', 'close',
    ]);
    expect(h[1]).toMatchObject({ account_name: 'sup', before: { deadline: '2023-12-31' }, after: { deadline: '2023-10-31' } });
    expect(h[3]).toMatchObject({ account_name: 'agri', before: { state: 'assigned' }, after: { state: 'accepted' } });
    expect(h.at(-1)).toMatchObject({ before: { state: 'under_review' }, after: { state: 'closed' } });
  });

  it('the public view hides internal fields, drafts and internal reports', async () => {
    const s = await seeded(storeName);
    const { task: taskId } = await closed(s);
    const anon = new Client(s.w.app, '10.0.0.9');
    const list = body(await anon.get(`/api/public/ledger/tasks${LEDGER}`));
    expect(list.items.map((x: { id: number }) => x.id)).toEqual([taskId]);
    const t = list.items[0];
    expect(t).toMatchObject({ state: 'closed', title: expect.stringContaining('95亿斤') });
    for (const k of ['internal_note', 'unit_note', 'pending_extension', 'version']) expect(t).not.toHaveProperty(k);
    const one = await anon.get(`/api/public/ledger/tasks/${taskId}`);
    expect(text(one)).not.toContain('内部');
    expect(body(one).progress).toEqual([{ report_date: '2023-05-10', narrative: '春播完成，粮食播种面积稳定', figure: 40, unit_id: s.w.units['四平市农业农村局'] }]);
    expect((await anon.get(`/api/ledger/tasks/${taskId}`)).status).toBe(401);
  });

  it('exports the monthly progress table as XLSX and escaped HTML', async () => {
    const s = await seeded(storeName);
    await closed(s);
    const x = await s.sup.get('/api/ledger/progress-table.xlsx?jurisdiction=四平市&year=2023&month=2023-10');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.body as Uint8Array) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '任务编号', '任务', '牵头单位', '分管领导', '责任单位', '时间节点', '进展情况', '状态', '亮灯']);
    expect(ws.getRow(2).values).toEqual([undefined, 1, expect.any(Number), expect.stringContaining('95亿斤'), '四平市农业农村局', '', '梨树县农业农村局', '2023-10-31', expect.stringContaining('2023-05-10：春播完成'), '已办结', '绿灯']);
    // The light is the cell's colour; the header stays in view and filters.
    expect(ws.getCell('J2').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFC6EFCE' } });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(x.headers['content-disposition']))![1])).toBe('四平市_2023_2023-10_进展情况表.xlsx');
    const h = await s.sup.get(`/api/ledger/progress-table.html${LEDGER}`);
    expect(h.headers['content-type']).toMatch(/text\/html/);
    expect(text(h)).toContain('<td>四平市农业农村局</td>');
  });

  it('year end: each task beside the 2024 report verdict, with disagreements flagged', async () => {
    const s = await seeded(storeName);
    await closed(s);
    expect((await s.root.upload(REVIEW_2024, readFileSync(new URL(REVIEW_2024, SEEDS)))).status).toBe(201);
    const r = await s.sup.get(`/api/ledger/year-end${LEDGER}`);
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
