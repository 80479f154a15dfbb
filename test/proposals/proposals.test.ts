/**
 * 建议/提案 handling over HTTP: eleven items of one place through 登记,
 * 交办, 答复 and 测评, the figures a report quotes, exports, imports and
 * settings. Each case replays the steps before it in a world of its own,
 * so any case runs alone.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createAdmin } from '../../src/accounts/admin.js';
import type { Role } from '../../src/accounts/roles.js';
import type { AppResponse } from '../helpers/in-process.js';
import { STORES, type StoreName } from '../store/stores.js';
import { body, Client, text } from '../ledger/client.js';
import { addAccount, addUnits, admin, PASSWORD, signedIn, world } from '../ledger/fixtures.js';

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csv = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

type Item = { id: number; version: number; number: string; kind: string; state: string; reply_deadline: string | null; assigned_at: string | null; replied_at: string | null; reply_text: string | null; satisfaction: string | null; reply_status: string; lead_unit_id: number | null; assist_unit_ids: number[] };
type Row = Record<string, number | string | null>;
type UnitKey = 'A' | 'B' | 'C';

const UNITS: [UnitKey, string][] = [['A', '甲市发展和改革委员会'], ['B', '甲市教育局'], ['C', '甲市交通运输局']];
const ACCOUNTS: [string, Role, UnitKey | null][] = [['sup', 'supervisor', null], ['offa', 'unit_officer', 'A'], ['offb', 'unit_officer', 'B'], ['boss', 'leader', null]];

/** A place with three units, a supervisor, an officer of A and of B, a leader, all signed in; no items yet. */
async function handling(storeName: StoreName) {
  const w = await world(storeName, '2023-02-20T09:00:00+08:00');
  const app = w.app;
  const root = await admin(w, '10.9.0.1');
  await addUnits(w, UNITS.map(([, name]) => [name, null] as const));
  const units = Object.fromEntries(UNITS.map(([k, name]) => [k, w.units[name]])) as Record<UnitKey, number>;
  for (const [name, role, unit] of ACCOUNTS) await addAccount(w, name, role, unit && UNITS.find(([k]) => k === unit)![1]);
  const [sup, officerA, officerB, leader] = [await signedIn(w, 'sup', '10.9.0.2'), await signedIn(w, 'offa', '10.9.0.3'), await signedIn(w, 'offb', '10.9.0.4'), await signedIn(w, 'boss', '10.9.0.5')];
  /** The example's items by name (S: 建议, P: 提案) with their last known version. */
  const items: Record<string, Item> = {};
  /** A step on an item with its current version; keeps the version it answers with. */
  const step = async (c: Client, name: string, path: string, data: Record<string, unknown> = {}): Promise<AppResponse> => {
    const r = await c.post(`/api/proposals/${items[name].id}/${path}`, { version: items[name].version, ...data });
    if (r.status === 200) items[name] = body(r).proposal;
    return r;
  };
  const statsOf = async (c: Client, query: string) => {
    const r = await c.get(`/api/proposals/stats?${query}`);
    expect(r.status, text(r)).toBe(200);
    return body(r) as { units: Row[]; groups: Row[]; total: Row };
  };
  const upload = (c: Client, query: string, bytes: Uint8Array) => app({ method: 'POST', url: `/api/proposals/import?${query}`, headers: c.headers(), body: bytes });
  return { w, app, at: w.at, root, sup, officerA, officerB, leader, units, items, step, statsOf, upload };
}
type Handling = Awaited<ReturnType<typeof handling>>;

/** 6 建议 (S1–S6) and 5 提案 (P1–P5) registered on 02-20. */
async function registerAll(p: Handling): Promise<AppResponse[]> {
  const out: AppResponse[] = [];
  for (let i = 1; i <= 6; i++) {
    const r = await p.sup.post('/api/proposals', { jurisdiction: '甲市', year: 2023, kind: 'suggestion', number: String(i), title: `关于第${i}项工作的建议`, proposers: ['张代表', '李代表'] });
    if (r.status === 201) p.items[`S${i}`] = body(r).proposal;
    out.push(r);
  }
  for (let i = 1; i <= 5; i++) {
    const r = await p.sup.post('/api/proposals', { jurisdiction: '甲市', year: 2023, kind: 'proposal', number: i, title: `关于第${i}项工作的提案`, proposers: ['王委员'] });
    if (r.status === 201) p.items[`P${i}`] = body(r).proposal;
    out.push(r);
  }
  return out;
}

/** 交办 on 03-01 of all but S5 and P5 (S1 with C assisting). */
async function assignPlan(p: Handling): Promise<[string, UnitKey, AppResponse][]> {
  p.at('2023-03-01T10:00:00+08:00');
  const plan: [string, UnitKey, UnitKey[]][] = [['S1', 'A', ['C']], ['S2', 'A', []], ['S3', 'A', []], ['S4', 'B', []], ['S6', 'B', []], ['P1', 'A', []], ['P4', 'B', []], ['P2', 'C', []], ['P3', 'C', []]];
  const out: [string, UnitKey, AppResponse][] = [];
  for (const [name, lead, assist] of plan) out.push([name, lead, await p.step(p.sup, name, 'assign', { lead_unit_id: p.units[lead], assist_unit_ids: assist.map((u) => p.units[u]) })]);
  return out;
}

/** S5 assigned late, on 05-15, to B with A assisting. */
function assignLate(p: Handling): Promise<AppResponse> {
  p.at('2023-05-15T10:00:00+08:00');
  return p.step(p.sup, 'S5', 'assign', { lead_unit_id: p.units.B, assist_unit_ids: [p.units.A] });
}

/** Replies (asked on 07-01, dated earlier): S3 late, the others on time. */
async function replyAll(p: Handling): Promise<[string, string, AppResponse][]> {
  const replies: [Client, string, string][] = [
    [p.officerB, 'S6', '2023-04-01'], [p.officerA, 'S1', '2023-05-10'], [p.officerA, 'S2', '2023-06-01'], [p.officerA, 'S3', '2023-06-20'],
    [p.officerA, 'P1', '2023-05-20'], [p.sup, 'P2', '2023-05-20'], [p.sup, 'P3', '2023-05-20'],
  ];
  const out: [string, string, AppResponse][] = [];
  for (const [c, name, date] of replies) out.push([name, date, await p.step(c, name, 'reply', { text: `${name} 答复内容：已研究办理`, replied_at: date })]);
  return out;
}

/** The proposers' opinions on six replies. */
async function rateAll(p: Handling): Promise<[string, string, AppResponse][]> {
  const ratings: [string, string][] = [['S1', 'satisfied'], ['S2', 'basically'], ['S3', 'dissatisfied'], ['P1', 'satisfied'], ['P2', 'satisfied'], ['P3', 'dissatisfied']];
  const out: [string, string, AppResponse][] = [];
  for (const [name, s] of ratings) out.push([name, s, await p.step(p.sup, name, 'satisfaction', { satisfaction: s })]);
  return out;
}

const followUpS3 = (p: Handling) => p.step(p.officerA, 'S3', 'follow-up', { note: '已约见代表，重新办理' });
const reReplyS3 = (p: Handling) => p.step(p.officerA, 'S3', 'reply', { text: 'S3 再次答复：已落实', replied_at: '2023-06-28' });
const reRateS3 = (p: Handling) => p.step(p.sup, 'S3', 'satisfaction', { satisfaction: 'basically', note: '第二次征询意见表' });

async function registered(storeName: StoreName): Promise<Handling> {
  const p = await handling(storeName);
  await registerAll(p);
  return p;
}

async function assigned(storeName: StoreName): Promise<Handling> {
  const p = await registered(storeName);
  await assignPlan(p);
  await assignLate(p);
  return p;
}

/** Answered and rated on 07-01; S3 (不满意) followed up, answered again and rated again. */
async function answered(storeName: StoreName): Promise<Handling> {
  const p = await assigned(storeName);
  p.at('2023-07-01T10:00:00+08:00');
  await replyAll(p);
  await rateAll(p);
  for (const s3 of [followUpS3, reReplyS3, reRateS3]) await s3(p);
  return p;
}

describe.each(STORES)('建议/提案 handling over HTTP on %s', (storeName) => {
  it('sets up units and accounts over HTTP, and every account signs in', async () => {
    const w = await world(storeName, '2023-02-20T09:00:00+08:00');
    await createAdmin(w.store.repo, 'root', PASSWORD, w.now());
    const root = new Client(w.app, '10.9.0.1');
    expect((await root.login('root', PASSWORD)).status).toBe(200);
    const units: Record<string, number> = {};
    for (const [k, name] of UNITS) units[k] = body(await root.post('/api/ledger/units', { name })).unit.id;
    for (const [name, role, unit] of ACCOUNTS) {
      const r = await root.post('/api/ledger/accounts', { name, password: PASSWORD, role, unit_id: unit && units[unit] });
      expect(r.status, text(r)).toBe(201);
    }
    for (const [name, ip] of [['sup', '10.9.0.2'], ['offa', '10.9.0.3'], ['offb', '10.9.0.4'], ['boss', '10.9.0.5']]) expect((await new Client(w.app, ip).login(name, PASSWORD)).status).toBe(200);
  });

  it('registers 6 建议 and 5 提案; a number is unique per kind; only supervisors register', async () => {
    const p = await handling(storeName);
    const { app, items, sup, officerA } = p;
    for (const r of await registerAll(p)) expect(r.status, text(r)).toBe(201);
    expect(items.S1).toMatchObject({ number: '1', kind: 'suggestion', state: 'registered', received_at: '2023-02-20', version: 1, reply_status: 'unassigned', proposers: ['张代表', '李代表'] });
    expect(items.P1).toMatchObject({ number: '1', kind: 'proposal' });
    const dup = await sup.post('/api/proposals', { jurisdiction: '甲市', year: 2023, kind: 'suggestion', number: '1', title: '另一件' });
    expect(dup.status).toBe(409);
    // Not yet a catalogued sentence: the code's sentence in Chinese, the server's words as detail.
    expect(body(dup).error).toMatchObject({ code: 'duplicate', message: '这一编号已经登记过。', detail: expect.stringMatching(/registered already/) });
    expect((await officerA.post('/api/proposals', { jurisdiction: '甲市', year: 2023, kind: 'suggestion', number: '99', title: 'x' })).status).toBe(403);
    expect((await sup.post('/api/proposals', { jurisdiction: '甲市', year: 2023, kind: 'suggestion', number: '99', title: 'x' }, { csrf: false })).status).toBe(403);
    expect((await new Client(app).get('/api/proposals')).status).toBe(401);
    const bad = await sup.post('/api/proposals', { jurisdiction: '甲市', year: 2023, kind: 'motion', number: '', title: '' });
    expect(bad.status).toBe(400);
    expect(body(bad).error.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'number', 'title']);
  });

  it('交办 sets the reply deadline three months on; stale versions get 409 with the current item', async () => {
    const p = await registered(storeName);
    const { items, step, sup, officerA, units } = p;
    for (const [name, lead, r] of await assignPlan(p)) {
      expect(r.status, text(r)).toBe(200);
      expect(items[name]).toMatchObject({ state: 'assigned', assigned_at: '2023-03-01', reply_deadline: '2023-06-01', version: 2, reply_status: 'open', lead_unit_id: units[lead] });
    }
    expect(items.S1.assist_unit_ids).toEqual([units.C]);
    // 交办 cannot be dated in the future.
    expect((await step(sup, 'S5', 'assign', { lead_unit_id: units.B, assigned_at: '2023-05-15' })).status).toBe(422);
    expect((await step(sup, 'S5', 'assign', { lead_unit_id: 999999 })).status).toBe(422);
    const stale = await sup.post(`/api/proposals/${items.S5.id}/assign`, { version: 7, lead_unit_id: units.B });
    expect(stale.status).toBe(409);
    expect(body(stale).current).toMatchObject({ id: items.S5.id, version: 1, state: 'registered' });
    expect((await step(officerA, 'S2', 'assign', { lead_unit_id: units.A })).status).toBe(403);
    // No reply before 交办.
    expect((await step(sup, 'P5', 'reply', { text: '答复' })).status).toBe(409);

    const r = await assignLate(p);
    expect(r.status, text(r)).toBe(200);
    expect(items.S5).toMatchObject({ assigned_at: '2023-05-15', reply_deadline: '2023-08-15', assist_unit_ids: [units.A] });
  });

  it('the lead unit answers; other units may not; replies on time, late, and after 不满意', async () => {
    const p = await assigned(storeName);
    const { at, items, step, sup, officerA, officerB, leader } = p;
    at('2023-07-01T10:00:00+08:00');
    // 会办 unit: sees the item, cannot answer it.
    const seen = await officerA.get(`/api/proposals/${items.S5.id}`);
    expect(seen.status).toBe(200);
    expect(body(seen).actions).toEqual([]);
    expect((await step(officerA, 'S5', 'reply', { text: '我局意见' })).status).toBe(403);
    // Another unit's item: neither seen nor answered.
    expect((await officerB.get(`/api/proposals/${items.S1.id}`)).status).toBe(403);
    expect((await step(officerB, 'S1', 'reply', { text: '越权答复' })).status).toBe(403);
    expect((await step(leader, 'S1', 'reply', { text: '领导答复' })).status).toBe(403);
    expect(body(await officerA.get(`/api/proposals/${items.S1.id}`)).actions).toEqual(['reply']);
    expect((await step(officerA, 'S1', 'reply', { text: '答复', replied_at: '2023-02-28' })).status).toBe(422);
    expect((await step(officerA, 'S1', 'reply', { text: '答复', replied_at: '2023-07-02' })).status).toBe(422);

    for (const [name, date, r] of await replyAll(p)) {
      expect(r.status, text(r)).toBe(200);
      expect(items[name]).toMatchObject({ state: 'replied', replied_at: date });
    }
    expect(items.S2.reply_status).toBe('on_time'); // on the deadline day
    expect(items.S3.reply_status).toBe('late');
    expect((await step(officerA, 'S1', 'reply', { text: '再答复' })).status).toBe(409);

    expect((await step(officerA, 'S1', 'satisfaction', { satisfaction: 'satisfied' })).status).toBe(403);
    for (const [name, s, r] of await rateAll(p)) {
      expect(r.status, text(r)).toBe(200);
      expect(items[name]).toMatchObject({ satisfaction: s, satisfaction_at: '2023-07-01' });
    }
    // 不满意: follow-up, a new reply, and the proposer's new opinion replaces the old one.
    expect((await followUpS3(p)).status).toBe(200);
    const again = await reReplyS3(p);
    expect(again.status, text(again)).toBe(200);
    expect(items.S3).toMatchObject({ replied_at: '2023-06-20', reply_text: 'S3 再次答复：已落实', reply_status: 'late', follow_up: '已约见代表，重新办理' });
    expect((await reRateS3(p)).status).toBe(200);
    const s3 = body(await sup.get(`/api/proposals/${items.S3.id}`));
    expect(s3.proposal.satisfaction).toBe('basically');
    expect(s3.history.map((h: { action: string }) => h.action)).toEqual(['create', 'assign', 'reply', 'satisfaction', 'follow_up', 're_reply', 'satisfaction']);
    expect(s3.history[2]).toMatchObject({ account_name: 'offa', note: '答复 2023-06-20：S3 答复内容：已研究办理' });
    expect(s3.history[6].note).toContain('原为不满意');
  });

  it('办结率, 按期办结率 and 满意率 per unit and in total match the hand count, overdue replies included', async () => {
    const { app, sup, units, statsOf } = await answered(storeName);
    const s = await statsOf(sup, 'jurisdiction=甲市&year=2023');
    const row = (id: number | null) => s.units.find((u) => u.unit_id === id)!;
    // A leads S1 S2 S3 P1: all 4 replied (办结率 4/4); S3 late, so 按期 3/4.
    // Rated 4: 满意 S1 P1, 基本满意 S2 S3 (S3's latest) → 满意率 (2+2)/4, 满意占比 2/4. 会办 S5.
    expect(row(units.A)).toMatchObject({
      unit: '甲市发展和改革委员会', total: 4, replied: 4, replied_on_time: 3, replied_late: 1, open_overdue: 0, open: 0,
      completion_rate: 1, on_time_rate: 0.75, rated: 4, satisfied: 2, basically: 2, dissatisfied: 0, satisfaction_rate: 1, fully_satisfied_rate: 0.5, assisting: 1,
    });
    // B leads S4 and P4 (deadline 06-01 passed, no reply), S5 (deadline 08-15, open), S6 (on time, not rated):
    // 办结率 1/4, 按期 1/4, nothing rated → 满意率 null.
    expect(row(units.B)).toMatchObject({
      total: 4, replied: 1, replied_on_time: 1, replied_late: 0, open_overdue: 2, open: 1,
      completion_rate: 0.25, on_time_rate: 0.25, rated: 0, satisfaction_rate: null, fully_satisfied_rate: null, assisting: 0,
    });
    // C leads P2 (满意), P3 (不满意), both on time: 办结率 2/2, 按期 2/2, 满意率 1/2. 会办 S1.
    expect(row(units.C)).toMatchObject({ total: 2, replied: 2, completion_rate: 1, on_time_rate: 1, rated: 2, satisfied: 1, dissatisfied: 1, satisfaction_rate: 0.5, fully_satisfied_rate: 0.5, assisting: 1 });
    // P5 is not assigned.
    expect(row(null)).toMatchObject({ unit: '（未交办）', total: 1, unassigned: 1, completion_rate: 0 });
    expect(s.units.map((u) => u.unit_id)).toEqual([units.A, units.B, units.C, null]);
    // All 11 (4 + 4 + 2 + 1 unassigned): replied 4+1+2 = 7 → 7/11 = 0.63636…; on time 3+1+2 = 6 → 6/11 = 0.54545…;
    // rated 4+0+2 = 6, 满意 2+0+1 = 3, 基本满意 2 → 满意率 5/6 = 0.8333…, 满意占比 3/6.
    expect(s.total).toMatchObject({
      total: 11, replied: 7, replied_on_time: 6, replied_late: 1, open_overdue: 2, open: 1, unassigned: 1,
      completion_rate: 0.6364, on_time_rate: 0.5455, rated: 6, satisfied: 3, basically: 2, dissatisfied: 1, satisfaction_rate: 0.8333, fully_satisfied_rate: 0.5,
    });
    // 建议 S1–S6: replied S1 S2 S3 S6 → 4/6; on time S1 S2 S6 → 3/6; rated S1 S2 S3 all satisfied or basically → 3/3; 满意 1/3.
    // 提案 P1–P5: replied P1 P2 P3 → 3/5, all on time → 3/5; rated 3, 满意 2 → 2/3.
    expect(s.groups).toMatchObject([
      { year: 2023, kind: 'suggestion', total: 6, replied: 4, completion_rate: 0.6667, on_time_rate: 0.5, satisfaction_rate: 1, fully_satisfied_rate: 0.3333 },
      { year: 2023, kind: 'proposal', total: 5, replied: 3, completion_rate: 0.6, on_time_rate: 0.6, satisfaction_rate: 0.6667, fully_satisfied_rate: 0.6667 },
    ]);

    // 建议 only: A leads S1 S2 S3 → 办结 3/3, 按期 2/3, 满意率 3/3; C only assists S1.
    const sug = await statsOf(sup, 'jurisdiction=甲市&year=2023&kind=suggestion');
    expect(sug.units.find((u) => u.unit_id === units.A)).toMatchObject({ total: 3, completion_rate: 1, on_time_rate: 0.6667, satisfaction_rate: 1, fully_satisfied_rate: 0.3333 });
    expect(sug.units.find((u) => u.unit_id === units.C)).toMatchObject({ total: 0, assisting: 1, completion_rate: null, satisfaction_rate: null });
    expect(sug.total).toMatchObject({ total: 6, completion_rate: 0.6667, on_time_rate: 0.5 });

    // The same figures are public, without reply texts or notes.
    const pub = await new Client(app).get('/api/public/proposals/stats?jurisdiction=甲市&year=2023');
    expect(pub.status).toBe(200);
    expect(body(pub).total).toEqual(s.total);
    expect(text(pub)).not.toMatch(/答复内容|重新办理/);
  });

  it('lists publicly the places and years that have items, with the count of each kind', async () => {
    const { app } = await registered(storeName);
    const r = await new Client(app).get('/api/public/proposals/places');
    expect(r.status, text(r)).toBe(200);
    expect(body(r).items).toEqual([{ jurisdiction: '甲市', year: 2023, suggestion: 6, proposal: 5 }]);
  });

  it('time passes: an open item becomes overdue; lists filter by status and unit scope', async () => {
    const { at, items, sup, officerA, units, statsOf } = await answered(storeName);
    at('2023-08-20T10:00:00+08:00');
    const s = await statsOf(sup, 'jurisdiction=甲市&year=2023');
    // S5's deadline 08-15 has passed: B now has 3 overdue and none open; 办结率 unchanged at 1/4.
    expect(s.units.find((u) => u.unit_id === units.B)).toMatchObject({ open_overdue: 3, open: 0, completion_rate: 0.25 });
    const overdue = body(await sup.get('/api/proposals?jurisdiction=甲市&year=2023&overdue=true'));
    expect(overdue.items.map((p: Item) => `${p.kind[0]}${p.number}:${p.reply_status}`).sort()).toEqual(['p4:open_overdue', 's3:late', 's4:open_overdue', 's5:open_overdue']);
    const open = body(await sup.get('/api/proposals?jurisdiction=甲市&status=open_overdue'));
    expect(open.total).toBe(3);
    // A's officer sees what A leads or assists: S1 S2 S3 P1 and S5.
    const mine = body(await officerA.get('/api/proposals?jurisdiction=甲市&year=2023'));
    expect(mine.items.map((p: Item) => p.id).sort((a: number, b: number) => a - b)).toEqual([items.S1, items.S2, items.S3, items.S5, items.P1].map((p) => p.id).sort((a, b) => a - b));
    expect(body(await sup.get(`/api/proposals?unit_id=${units.C}`)).total).toBe(3);
    expect((await sup.get('/api/proposals?colour=red')).status).toBe(400);
  });

  it('exports the figures and the list as XLSX and CSV with Chinese headers', async () => {
    const { at, sup } = await answered(storeName);
    at('2023-08-20T10:00:00+08:00');
    const x = await sup.get('/api/proposals/stats.xlsx?jurisdiction=甲市&year=2023');
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.body as Uint8Array) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['承办单位', '件数', '已答复（办结）', '按期答复', '逾期答复', '逾期未答复', '办结率', '按期办结率', '满意率', '会办件数']));
    const col = (name: string) => header.indexOf(name) + 1;
    expect(ws.getRow(2).getCell(col('承办单位')).value).toBe('甲市发展和改革委员会');
    // Rates are numbers shown as percents, counts are numbers.
    expect(ws.getRow(2).getCell(col('按期办结率')).value).toBe(0.75);
    expect(ws.getRow(2).getCell(col('按期办结率')).numFmt).toBe('0.0%');
    expect(ws.autoFilter).toBeTruthy();
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(x.headers['content-disposition']))![1])).toBe('甲市_2023_建议提案办理统计.xlsx');
    const last = ws.getRow(ws.rowCount);
    expect([last.getCell(col('承办单位')).value, last.getCell(col('件数')).value, last.getCell(col('办结率')).value, last.getCell(col('满意率')).value]).toEqual(['合计', 11, expect.closeTo(7 / 11, 3), expect.closeTo(5 / 6, 3)]);

    const c = await sup.get('/api/proposals/stats.csv?jurisdiction=甲市&year=2023&group=year_kind');
    const lines = text(c).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0].startsWith('承办单位,年度,类型,件数,已答复（办结）,按期答复')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['全部,2023,建议,6', '全部,2023,提案,5', '合计,2023,建议、提案,11']);

    const l = await sup.get('/api/proposals.xlsx?jurisdiction=甲市&year=2023');
    const lw = new ExcelJS.Workbook();
    await lw.xlsx.load(Buffer.from(l.body as Uint8Array) as unknown as ArrayBuffer);
    expect((lw.worksheets[0].getRow(1).values as unknown[]).slice(1, 6)).toEqual(['编号', '类型', '年度', '标题', '提出人']);
    expect(lw.worksheets[0].rowCount).toBe(12);
  });

  it('imports a list from CSV (UTF-8 with BOM, then GBK): bad rows reported, units created, re-import changes nothing', async () => {
    const { at, sup, officerA, upload } = await handling(storeName);
    at('2024-03-10T10:00:00+08:00');
    const file = csv([
      ['乙市2024年人大代表建议、政协委员提案交办清单'],
      ['案号', '案由', '领衔代表', '类别', '主办单位', '会办单位', '交办日期', '备注'],
      ['1', '关于加快老旧小区改造的建议', '张三、李四', '建议', '乙市住房和城乡建设局', '乙市财政局；乙市自然资源局', '2024-03-01', ''],
      ['2', '关于增设公交线路的建议', '王五', '建议', '乙市交通运输局', '', '2024年3月2日', ''],
      ['3', '', '赵六', '建议', '乙市交通运输局', '', '2024-03-01', '无标题'],
      ['4', '关于发展社区养老的提案', '钱七', '政协提案', '乙市民政局', '', '2024/3/5', ''],
      ['5', '关于中小学课后服务的建议', '孙八', '其他', '乙市教育局', '', '2024-03-01', ''],
      ['1', '重复的建议', '周九', '建议', '乙市教育局', '', '2024-03-01', ''],
    ]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(file, 'utf8')]);
    const q = `filename=list.csv&jurisdiction=${encodeURIComponent('乙市')}&year=2024`;
    expect((await upload(officerA, q, bytes)).status).toBe(403);
    const r = await upload(sup, q, bytes);
    expect(r.status, text(r)).toBe(200);
    const b = body(r);
    expect(b).toMatchObject({ created: 3, existing: 0, skipped: 3 });
    expect(b.problems.join(' ')).toContain('备注');
    expect(b.created_units.map((u: { name: string }) => u.name).sort()).toEqual(['乙市住房和城乡建设局', '乙市交通运输局', '乙市民政局', '乙市自然资源局', '乙市财政局'].sort());
    const [r1, r2, r3, r4, r5, r6] = b.rows;
    expect(r1).toMatchObject({ row: 3, status: 'created', kind: 'suggestion', proposers: ['张三', '李四'], lead_unit: { name: '乙市住房和城乡建设局', created: true }, assigned_at: '2024-03-01', reply_deadline: '2024-06-01', problems: [] });
    expect(r1.assist_units.map((u: { name: string }) => u.name)).toEqual(['乙市财政局', '乙市自然资源局']);
    expect(r2).toMatchObject({ status: 'created', assigned_at: '2024-03-02', reply_deadline: '2024-06-02' });
    expect(r3).toMatchObject({ row: 5, status: 'skipped', id: null });
    expect(r3.problems.join(' ')).toMatch(/标题/);
    expect(r4).toMatchObject({ status: 'created', kind: 'proposal', reply_deadline: '2024-06-05' });
    expect(r5).toMatchObject({ status: 'skipped' });
    expect(r5.problems.join(' ')).toMatch(/类型/);
    expect(r6).toMatchObject({ status: 'skipped' });
    expect(r6.problems.join(' ')).toMatch(/重复出现/);
    const item = body(await sup.get(`/api/proposals/${r1.id}`));
    expect(item.proposal).toMatchObject({ jurisdiction: '乙市', year: 2024, number: '1', state: 'assigned', received_at: '2024-03-01' });
    expect(item.history.map((h: { action: string; note: string }) => h.action)).toEqual(['create', 'assign']);
    expect(item.history[0].note).toBe('import list.csv, row 3');

    const again = body(await upload(sup, q, bytes));
    expect(again).toMatchObject({ created: 0, existing: 3, skipped: 3, created_units: [] });
    expect(body(await sup.get('/api/proposals?jurisdiction=乙市&year=2024')).total).toBe(3);

    const g = csv([
      ['序号', '题目', '提案人', '承办单位', '协办单位', '交办时间'],
      ['1', '关于保护古村落的提案', '吴十', '乙市文化广电和旅游局', '乙市住房和城乡建设局', '2024-03-08'],
      ['4', '关于发展社区养老的提案', '钱七', '乙市民政局', '', '2024-03-05'],
      ['6', '关于发展夜间经济的提案', '郑十一', '乙市商务局', '', '2024-13-01'],
    ]);
    const gr = await upload(sup, `filename=gbk.csv&jurisdiction=${encodeURIComponent('乙市')}&year=2024&kind=proposal`, new Uint8Array(iconv.encode(g, 'gbk')));
    expect(gr.status, text(gr)).toBe(200);
    const gb = body(gr);
    expect(gb).toMatchObject({ created: 2, existing: 1, skipped: 0, problems: [] });
    expect(gb.rows[0]).toMatchObject({ kind: 'proposal', lead_unit: { name: '乙市文化广电和旅游局', created: true }, assist_units: [{ name: '乙市住房和城乡建设局', created: false }], reply_deadline: '2024-06-08' });
    expect(gb.rows[1]).toMatchObject({ status: 'existing', id: r4.id });
    expect(gb.rows[2]).toMatchObject({ status: 'created', assigned_at: '2024-03-10' });
    expect(gb.rows[2].problems.join(' ')).toMatch(/交办日期「.*」无法识别/);
    // Neither a title column nor a kind: 422.
    expect((await upload(sup, q.replace('list.csv', 'x.csv'), Buffer.from('a,b\n1,2\n'))).status).toBe(422);
    expect((await upload(sup, q, Buffer.from(csv([['编号', '标题'], ['1', 'x']])))).status).toBe(422);
  });

  it('settings: admins change the reply months; new deadlines follow, a change of units keeps the clock', async () => {
    const { at, root, sup, officerA, units } = await handling(storeName);
    expect(body(await sup.get('/api/proposals/settings'))).toMatchObject({ reply_months: { suggestion: 3, proposal: 3 } });
    expect((await officerA.get('/api/proposals/settings')).status).toBe(403);
    expect((await sup.put('/api/proposals/settings', { reply_months: { proposal: 2 } })).status).toBe(403);
    expect((await root.put('/api/proposals/settings', { reply_months: { proposal: 0 } })).status).toBe(400);
    const put = await root.put('/api/proposals/settings', { reply_months: { proposal: 2 } });
    expect(put.status, text(put)).toBe(200);
    expect(body(put).reply_months).toEqual({ suggestion: 3, proposal: 2 });

    at('2024-01-05T10:00:00+08:00');
    const mk = async (kind: string, number: string, assigned: string) => {
      const r = await sup.post('/api/proposals', { jurisdiction: '丙市', year: 2023, kind, number, title: `丙市${number}`, lead_unit_id: units.A, assigned_at: assigned });
      expect(r.status, text(r)).toBe(201);
      return body(r).proposal as Item;
    };
    // 提案: 2 months from 12-31 → 02-29 (2024 is a leap year); 建议: 3 months from 11-30 → 02-29.
    const p = await mk('proposal', '1', '2023-12-31');
    expect(p).toMatchObject({ reply_deadline: '2024-02-29', received_at: '2023-12-31', version: 2 });
    expect((await mk('suggestion', '1', '2023-11-30')).reply_deadline).toBe('2024-02-29');
    expect((await mk('proposal', '2', '2023-03-31')).reply_deadline).toBe('2023-05-31');
    // 改办 to another unit on the same 交办 date: the deadline stays.
    const moved = await sup.post(`/api/proposals/${p.id}/assign`, { version: p.version, lead_unit_id: units.B, assigned_at: '2023-12-31' });
    expect(moved.status, text(moved)).toBe(200);
    expect(body(moved).proposal).toMatchObject({ lead_unit_id: units.B, reply_deadline: '2024-02-29', version: 3 });
    const h = body(await sup.get(`/api/proposals/${p.id}`)).history;
    expect(h.map((e: { action: string }) => e.action)).toEqual(['create', 'assign', 'reassign']);
    expect(h[2].note).toContain('主办 甲市教育局');
  });
});
