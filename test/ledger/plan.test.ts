/**
 * 分工方案 tables read into the ledger (CSV in UTF-8 or GBK, XLSX), and
 * merging and splitting tasks. Each case drafts the 2023 ledger in a world
 * of its own and replays the imports it builds on.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Client } from './client.js';
import { body, text } from './client.js';
import { addAccount, addUnits, admin, PLAN_2023, signedIn, upload, world } from './fixtures.js';
import { STORES, type StoreName } from '../store/stores.js';

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

type T = { id: number; title: string; version: number; deadline: string; lead_unit_id: number | null; responsible_unit_ids: number[]; archived: boolean; source: { sentence: string | null } };

/** The 2023 ledger drafted from the report; six tasks alone in their sentence, with titles long enough to match on. */
async function drafted(storeName: StoreName) {
  const w = await world(storeName, '2023-02-10T09:00:00+08:00');
  const root = await admin(w);
  await upload(root, PLAN_2023);
  await addUnits(w, [['四平市发展和改革委员会', null]]);
  const ndrc = w.units['四平市发展和改革委员会'];
  await addAccount(w, 'sup', 'supervisor');
  await addAccount(w, 'officer', 'unit_officer', '四平市发展和改革委员会');
  const sup = await signedIn(w, 'sup', '10.3.0.1');
  const officer = await signedIn(w, 'officer', '10.3.0.2');
  const g = body(await sup.post('/api/ledger/generate', { jurisdiction: '四平市', year: 2023 }));
  const items = g.items as T[];
  const generatedIds = new Set(items.map((t) => t.id));
  const bySentence = new Map<string, number>();
  for (const t of items) bySentence.set(t.source.sentence!, (bySentence.get(t.source.sentence!) ?? 0) + 1);
  const picked = items.filter((t) => bySentence.get(t.source.sentence!) === 1 && t.title.length >= 12).slice(0, 6);
  expect(picked.length).toBe(6);
  const importPlan = (c: Client, filename: string, bytes: Uint8Array, csrf = true) =>
    w.app({ method: 'POST', url: `/api/ledger/import-plan?filename=${encodeURIComponent(filename)}&jurisdiction=${encodeURIComponent('四平市')}&year=2023`, headers: c.headers(csrf), body: bytes });
  const task = async (tid: number): Promise<T> => body(await sup.get(`/api/ledger/tasks/${tid}`)).task;
  return { w, sup, officer, ndrc, picked, generatedIds, importPlan, task };
}
type Drafted = Awaited<ReturnType<typeof drafted>>;

/** A 分工方案 (UTF-8 with BOM) for the first three picked tasks, a new task, a unreadable deadline and an empty row. */
function planCsv({ picked: [t1, t2, t3] }: Drafted): Uint8Array {
  const file = csv([
    ['序号', '重点任务', '牵头部门', '配合单位', '完成时限', '备注'],
    ['1', t1.title, '四平市发展和改革委员会', '四平市统计局、四平市财政局', '2023年6月底前', '重点'],
    ['2', t2.title, '四平市农业农村局', '', '三季度末', ''],
    ['3', '建设智慧城市运营指挥中心并投入运行', '四平市政务服务和数字化建设管理局', '', '年底前', ''],
    ['4', t3.title, '四平市商务局', '', '尽快', ''],
    ['5', '', '四平市商务局', '', '', ''],
  ]);
  return new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(file, 'utf8')]);
}

/** Drafted, then the CSV read in (units and deadlines on t1–t3; the units it names created). */
async function csvImported(storeName: StoreName): Promise<Drafted> {
  const p = await drafted(storeName);
  const r = await p.importPlan(p.sup, 'plan.csv', planCsv(p));
  if (r.status !== 200) throw new Error(`import-plan: ${r.status} ${text(r)}`);
  return p;
}

/** The fourth picked task in a GBK table with other header names: due 10月底前, led by 商务局 with the 发改委. */
const gbkImport = (p: Drafted) =>
  p.importPlan(p.sup, 'plan-gbk.csv', gbk(csv([['工作任务', '牵头单位', '协办单位', '时间节点'], [p.picked[3].title, '四平市商务局', '四平市发展和改革委员会', '10月底前']])));

describe.each(STORES)('分工方案 import, merge and split on %s', (storeName) => {
  it('imports a CSV (UTF-8 with BOM): matched rows update drafts, others become tasks, bad rows are reported', async () => {
    const p = await drafted(storeName);
    const { sup, officer, picked, generatedIds, ndrc, importPlan, task } = p;
    const [t1, t2, t3] = picked;
    const bytes = planCsv(p);
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
    const p = await csvImported(storeName);
    const { sup, picked, ndrc, importPlan, task } = p;
    const t4 = picked[3];
    const g = await gbkImport(p);
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
    const { sup, officer, picked, task } = await csvImported(storeName);
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
    // Edited many times since: the detail carries the latest steps and their count, and the merge still links.
    let version = merged.version;
    for (let i = 0; i < 22; i++) {
      const e = await sup.put(`/api/ledger/tasks/${t1.id}`, { version, internal_note: `第${i + 1}次调度` });
      expect(e.status, text(e)).toBe(200);
      version = body(e).task.version;
    }
    const later = body(await sup.get(`/api/ledger/tasks/${t1.id}`));
    const all = body(await sup.get(`/api/ledger/tasks/${t1.id}/history`)).items;
    expect(all.length).toBeGreaterThan(22 + 1);
    expect(later.history_total).toBe(all.length);
    expect(later.history).toEqual(all.slice(-20));
    expect(later.history.some((h: { action: string }) => h.action === 'merge')).toBe(false);
    expect(later.links.merged_from).toEqual([t2.id, t3.id]);
  });

  it('splits a task: new tasks inherit source, units and deadline; the original is archived with pointers', async () => {
    const p = await csvImported(storeName);
    await gbkImport(p);
    const { sup, officer, picked, task } = p;
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
